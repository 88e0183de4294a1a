/**
 * Writing the messages a provider sends (305, 307, 323) from domain values: what the provider
 * simulator uses to play a provider, and what a provider's own software would do. The result is
 * validated against the schema by writeMessage, so a simulated message is always a real one.
 */
import { type MessageType, messageKind } from '../standard/message-kinds.js';
import type { Standard } from '../standard/model.js';
import type { MessageObject, MessageValue } from '../xml/validate.js';
import { writeMessage } from '../xml/write.js';
import type { DebitCredit } from './provider-messages.js';
import { XSD_VERSION } from './return-messages.js';

export interface OutgoingEnvelope {
  standard: Standard;
  /** The provider's AGB code (the municipality's CBS code for a 301). */
  sender: string;
  /** The municipality's CBS code (the provider's AGB code for a 301). */
  receiver: string;
  identification: string;
  datedOn: string;
}

export interface OutgoingClient {
  bsn: string;
  dateOfBirth: string;
  familyName: string;
}

export interface OutgoingCareLine {
  allocationNumber: number;
  productCategory: string;
  productCode: string | null;
  allocationStartDate: string;
  startDate: string;
  status: '1' | '3';
}

export interface OutgoingStopLine extends OutgoingCareLine {
  reason: string;
  endDate: string;
}

export interface OutgoingService {
  bsn: string;
  referenceNumber: string;
  previousReferenceNumber?: string;
  allocationNumber: number;
  productCategory: string;
  productCode: string;
  periodStart: string;
  periodEnd: string;
  deliveredVolume: number;
  unit: string;
  /** Absent for unit 83 (euros). */
  tariffCents?: number;
  amountCents: number;
  debitCredit: DebitCredit;
}

export function header(type: MessageType, e: OutgoingEnvelope): MessageObject {
  return {
    BerichtCode: String(messageKind(e.standard, type).schema.berichtCode),
    BerichtVersie: '3',
    BerichtSubversie: '2',
    Afzender: e.sender,
    Ontvanger: e.receiver,
    BerichtIdentificatie: { Identificatie: e.identification, Dagtekening: e.datedOn },
    XsdVersie: { ...XSD_VERSION },
  };
}

function client(c: OutgoingClient): Record<string, MessageValue> {
  return {
    Bsn: c.bsn,
    Geboortedatum: { Datum: c.dateOfBirth },
    Geslacht: '0',
    Naam: { Geslachtsnaam: { Achternaam: c.familyName } },
  };
}

function careLine(line: OutgoingCareLine): Record<string, MessageValue> {
  const product: Record<string, MessageValue> = { Categorie: line.productCategory };
  if (line.productCode) product.Code = line.productCode;
  return {
    ToewijzingNummer: String(line.allocationNumber),
    Product: product,
    ToewijzingIngangsdatum: line.allocationStartDate,
    Begindatum: line.startDate,
  };
}

export function writeCareStart(
  e: OutgoingEnvelope,
  c: OutgoingClient,
  lines: readonly OutgoingCareLine[],
): string {
  const kind = messageKind(e.standard, '305');
  const message: MessageObject = {
    Header: header('305', e),
    Client: {
      ...client(c),
      StartProducten: {
        StartProduct: lines.map((line) => ({ ...careLine(line), StatusAanlevering: line.status })),
      },
    },
  };
  return writeMessage(message, kind.schema);
}

export function writeCareStop(
  e: OutgoingEnvelope,
  c: OutgoingClient,
  lines: readonly OutgoingStopLine[],
): string {
  const kind = messageKind(e.standard, '307');
  const message: MessageObject = {
    Header: header('307', e),
    Client: {
      ...client(c),
      StopProducten: {
        StopProduct: lines.map((line) => ({
          ...careLine(line),
          RedenBeeindiging: line.reason,
          Einddatum: line.endDate,
          StatusAanlevering: line.status,
        })),
      },
    },
  };
  return writeMessage(message, kind.schema);
}

export function writeClaim(
  e: OutgoingEnvelope,
  claim: { number: string; periodStart: string; periodEnd: string },
  services: readonly OutgoingService[],
): string {
  const kind = messageKind(e.standard, '323');
  const byClient = new Map<string, OutgoingService[]>();
  for (const s of services) byClient.set(s.bsn, [...(byClient.get(s.bsn) ?? []), s]);
  const total = services.reduce(
    (sum, s) => sum + (s.debitCredit === 'C' ? -s.amountCents : s.amountCents),
    0,
  );
  const message: MessageObject = {
    Header: header('323', e),
    Declaratie: {
      DeclaratieNummer: claim.number,
      DeclaratiePeriode: { Begindatum: claim.periodStart, Einddatum: claim.periodEnd },
      DeclaratieDagtekening: e.datedOn,
      TotaalIngediendBedrag: { TotaalBedrag: String(Math.abs(total)), DebetCredit: total < 0 ? 'C' : 'D' },
      Clienten: {
        Client: [...byClient.entries()].map(([bsn, lines]) => ({
          Bsn: bsn,
          Prestaties: {
            Prestatie: lines.map((s) => {
              const prestatie: Record<string, MessageValue> = {
                ProductReferentie:
                  s.previousReferenceNumber === undefined
                    ? { ReferentieNummer: s.referenceNumber }
                    : {
                        ReferentieNummer: s.referenceNumber,
                        VorigReferentieNummer: s.previousReferenceNumber,
                      },
                ToewijzingNummer: String(s.allocationNumber),
                ProductCategorie: s.productCategory,
                ProductCode: s.productCode,
                ProductPeriode: { Begindatum: s.periodStart, Einddatum: s.periodEnd },
                GeleverdVolume: String(s.deliveredVolume),
                Eenheid: s.unit,
              };
              if (s.tariffCents !== undefined) prestatie.ProductTarief = String(s.tariffCents);
              prestatie.IngediendBedrag = { Bedrag: String(s.amountCents), DebetCredit: s.debitCredit };
              return prestatie;
            }),
          },
        })),
      },
    },
  };
  return writeMessage(message, kind.schema);
}

export interface OutgoingRequestedProduct {
  reference: string;
  productCategory: string;
  productCode: string | null;
  startDate: string;
  endDate: string | null;
  volume: number;
  unit: string;
  frequency: string;
}

/** A request for an allocation (315); the referrer is the client himself (Verwijzer 06). */
export function writeAllocationRequest(
  e: OutgoingEnvelope,
  c: OutgoingClient,
  products: readonly OutgoingRequestedProduct[],
): string {
  return writeMessage(
    {
      Header: header('315', e),
      Client: {
        ...client(c),
        AangevraagdeProducten: {
          AangevraagdProduct: products.map((p) => {
            const line: Record<string, MessageValue> = { ReferentieAanbieder: p.reference };
            line.Product = p.productCode
              ? { Categorie: p.productCategory, Code: p.productCode }
              : { Categorie: p.productCategory };
            line.ToewijzingIngangsdatum = p.startDate;
            if (p.endDate) line.ToewijzingEinddatum = p.endDate;
            line.Omvang = { Volume: String(p.volume), Eenheid: p.unit, Frequentie: p.frequency };
            line.Verwijzer = { Type: '06' };
            return line;
          }),
        },
      },
    },
    messageKind(e.standard, '315').schema,
  );
}

/** A request for a change (317): every current allocation, unchanged or with its new size. */
export function writeChangeRequest(
  e: OutgoingEnvelope,
  bsn: string,
  request: {
    reference: string;
    /** RedenVerzoek (WJ758): 1 change in the client's situation, 2 change of the care plan. */
    reason: '1' | '2';
    unchanged: readonly number[];
    changed: readonly {
      allocationNumber: number;
      startDate: string;
      endDate: string | null;
      volume: number;
      unit: string;
      frequency: string;
    }[];
    /** New products beside the current ones (NieuweProducten); none when absent. */
    added?: readonly Omit<OutgoingRequestedProduct, 'reference'>[];
  },
): string {
  const verzoek: Record<string, MessageValue> = {
    ReferentieAanbieder: request.reference,
    RedenVerzoek: request.reason,
  };
  if (request.unchanged.length > 0) {
    verzoek.OngewijzigdeProducten = {
      OngewijzigdProduct: request.unchanged.map((n) => ({ ToewijzingNummer: String(n) })),
    };
  }
  if (request.changed.length > 0) {
    verzoek.TeWijzigenProducten = {
      TeWijzigenProduct: request.changed.map((p) => {
        const line: Record<string, MessageValue> = {
          ToewijzingNummer: String(p.allocationNumber),
          GewensteIngangsdatum: p.startDate,
        };
        if (p.endDate) line.Einddatum = p.endDate;
        line.Omvang = { Volume: String(p.volume), Eenheid: p.unit, Frequentie: p.frequency };
        return line;
      }),
    };
  }
  if (request.added && request.added.length > 0) {
    verzoek.NieuweProducten = {
      NieuwProduct: request.added.map((p) => {
        const line: Record<string, MessageValue> = {
          Product: p.productCode
            ? { Categorie: p.productCategory, Code: p.productCode }
            : { Categorie: p.productCategory },
          GewensteIngangsdatum: p.startDate,
        };
        if (p.endDate) line.Einddatum = p.endDate;
        line.Omvang = { Volume: String(p.volume), Eenheid: p.unit, Frequentie: p.frequency };
        return line;
      }),
    };
  }
  return writeMessage(
    { Header: header('317', e), Client: { Bsn: bsn, Verzoek: verzoek } },
    messageKind(e.standard, '317').schema,
  );
}
