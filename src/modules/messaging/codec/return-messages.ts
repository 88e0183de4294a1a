/**
 * The municipality's answers to a provider's message: the return message (302, 306, 308, 316,
 * 318, 320) and the claim answer (325).
 *
 * A return message repeats the message it answers, berichtklasse by berichtklasse, and adds
 * RetourCodes to each class. Its schema mirrors the original's, so it is built by walking the
 * return schema and copying the original's elements by name, which keeps it right for every
 * message type without a hand-written mapping per type. A message refused as a whole gets a
 * header with the refusal's codes and no body, as in the published examples.
 */
import { type MessageKind, messageKind, RETURN_MESSAGE_OF } from '../standard/message-kinds.js';
import type { ComplexTypeDef, MessageSchema } from '../standard/model.js';
import type { MessageObject, MessageValue } from '../xml/validate.js';
import type { ClaimMessage, MessageHeader } from './provider-messages.js';

export const XSD_VERSION = { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' } as const;

/** Return codes per berichtklasse path ('Bericht/Header', 'Bericht/Client', …). */
export type ClassReturnCodes = ReadonlyMap<string, readonly string[]>;

export interface ReturnMessageInput {
  /** The kind of the message being answered (a 301, 305, 307, 315, 317 or 319). */
  readonly answered: MessageKind;
  /** The answered message as validated. */
  readonly message: MessageObject;
  readonly identification: string;
  readonly datedOn: string;
  /** Codes for the header; a message refused as a whole has its refusal codes here. */
  readonly headerCodes: readonly string[];
  /** Codes per class; a class without codes gets 0200 (no remark). */
  readonly classCodes: ClassReturnCodes;
  /** True when the message is refused as a whole: only the header is returned. */
  readonly refused: boolean;
}

export function returnKindOf(answered: MessageKind): MessageKind {
  const type = RETURN_MESSAGE_OF[answered.type];
  if (type === undefined) throw new Error(`${answered.name} heeft geen retourbericht.`);
  return messageKind(answered.standard, type);
}

export function buildReturnMessage(input: ReturnMessageInput): { kind: MessageKind; message: MessageObject } {
  const kind = returnKindOf(input.answered);
  const schema = kind.schema;
  const originalHeader = objectAt(input.message, 'Header');
  const identification = objectAt(originalHeader, 'BerichtIdentificatie');
  const header: Record<string, MessageValue> = {
    BerichtCode: String(schema.berichtCode),
    BerichtVersie: '3',
    BerichtSubversie: '2',
    // A return message keeps the parties of the message it returns (the XSDs type Afzender of a
    // 306 as an AGB code): it is that message, assessed, not a new message in the other direction.
    // Likewise its BerichtIdentificatie and XsdVersie are the returned message's; the return
    // message's own identification, date and XSD versions are the ...Retour elements (the XSD
    // documents IdentificatieRetour as "ter identificatie van een retourbericht", and the
    // published JW302 example dates DagtekeningRetour after Dagtekening).
    Afzender: textAt(originalHeader, 'Afzender'),
    Ontvanger: textAt(originalHeader, 'Ontvanger'),
    BerichtIdentificatie: {
      Identificatie: textAt(identification, 'Identificatie'),
      Dagtekening: textAt(identification, 'Dagtekening'),
    },
    XsdVersie: objectAt(originalHeader, 'XsdVersie'),
    IdentificatieRetour: input.identification,
    DagtekeningRetour: input.datedOn,
    XsdVersieRetour: { ...XSD_VERSION },
  };
  if (input.headerCodes.length > 0) header.RetourCodes = { RetourCode: [...input.headerCodes] };
  const root: Record<string, MessageValue | readonly MessageValue[]> = { Header: header };
  if (!input.refused) {
    const rootType = complexType(schema, schema.rootType);
    for (const element of rootType.sequence) {
      if (element.name === 'Header') continue;
      const original = input.message[element.name];
      if (original === undefined) continue;
      root[element.name] = copyInto(
        schema,
        element.type,
        original,
        `Bericht/${element.name}`,
        input.classCodes,
        element.maxOccurs !== 1,
      );
    }
  }
  return { kind, message: root };
}

function copyInto(
  schema: MessageSchema,
  typeName: string,
  original: MessageValue | readonly MessageValue[],
  path: string,
  codes: ClassReturnCodes,
  repeatable: boolean,
): MessageValue | readonly MessageValue[] {
  if (repeatable) {
    const items = Array.isArray(original) ? original : [original];
    return items.map((item, index) =>
      copyOne(schema, typeName, item as MessageValue, `${path}[${index + 1}]`, codes),
    );
  }
  return copyOne(schema, typeName, original as MessageValue, path, codes);
}

function copyOne(
  schema: MessageSchema,
  typeName: string,
  original: MessageValue,
  path: string,
  codes: ClassReturnCodes,
): MessageValue {
  const type = schema.types[typeName];
  if (type === undefined) throw new Error(`Type ${typeName} ontbreekt in ${schema.message}.`);
  if (type.kind === 'simple' || typeof original === 'string') return original;
  const copy: Record<string, MessageValue | readonly MessageValue[]> = {};
  for (const element of type.sequence) {
    if (element.name === 'RetourCodes') {
      copy.RetourCodes = { RetourCode: [...(codes.get(path) ?? ['0200'])] };
      continue;
    }
    const value = original[element.name];
    if (value === undefined) continue;
    copy[element.name] = copyInto(
      schema,
      element.type,
      value,
      `${path}/${element.name}`,
      codes,
      element.maxOccurs !== 1,
    );
  }
  return copy;
}

export interface ClaimAnswerInput {
  readonly claim: ClaimMessage;
  readonly identification: string;
  readonly datedOn: string;
  /** The claim refused as a whole: its codes go on the header and DeclaratieAntwoord is left out. */
  readonly refusalCodes: readonly string[];
  /** Return codes of each refused service, by the service's path; approved services are not repeated (TR342). */
  readonly refusedServices: ReadonlyMap<string, readonly string[]>;
  /** Signed cents awarded. */
  readonly awardedCents: number;
}

/** The 325 answer to a 323: totals, and only the refused services with their codes (TR342). */
export function buildClaimAnswer(input: ClaimAnswerInput): {
  kind: MessageKind;
  message: MessageObject;
} {
  const claim = input.claim;
  const kind = messageKind(claim.kind.standard, '325');
  const header: MessageHeader = claim.header;
  const answerHeader: Record<string, MessageValue> = {
    BerichtCode: String(kind.schema.berichtCode),
    BerichtVersie: '3',
    BerichtSubversie: '2',
    Afzender: header.receiver,
    Ontvanger: header.sender,
    BerichtIdentificatie: { Identificatie: input.identification, Dagtekening: input.datedOn },
    XsdVersie: { ...XSD_VERSION },
    DeclaratieIdentificatie: { Identificatie: header.identification, Dagtekening: header.datedOn },
    XsdVersieDeclaratie: {
      BasisschemaXsdVersie: header.basisschemaXsdVersion,
      BerichtXsdVersie: header.messageXsdVersion,
    },
  };
  if (input.refusalCodes.length > 0) {
    answerHeader.RetourCodes = { RetourCode: [...input.refusalCodes] };
    return { kind, message: { Header: answerHeader } };
  }
  answerHeader.RetourCodes = { RetourCode: ['0200'] };
  const clients: MessageObject[] = [];
  for (const client of claim.clients) {
    const refused = claim.services.filter(
      (service) => service.clientPath === client.path && input.refusedServices.has(service.path),
    );
    if (refused.length === 0) continue;
    clients.push({
      Bsn: client.bsn,
      Prestaties: {
        Prestatie: refused.map((service) => {
          const prestatie: Record<string, MessageValue> = {
            ProductReferentie:
              service.previousReferenceNumber === undefined
                ? { ReferentieNummer: service.referenceNumber }
                : {
                    ReferentieNummer: service.referenceNumber,
                    VorigReferentieNummer: service.previousReferenceNumber,
                  },
            ToewijzingNummer: String(service.allocationNumber),
            ProductCategorie: service.productCategory,
            ProductCode: service.productCode,
            ProductPeriode: { Begindatum: service.periodStart, Einddatum: service.periodEnd },
            GeleverdVolume: String(service.deliveredVolume),
            Eenheid: service.unit,
          };
          if (service.tariffCents !== undefined) prestatie.ProductTarief = String(service.tariffCents);
          prestatie.IngediendBedrag = {
            Bedrag: String(service.amountCents),
            DebetCredit: service.debitCredit,
          };
          prestatie.RetourCodes = { RetourCode: [...(input.refusedServices.get(service.path) ?? [])] };
          return prestatie;
        }),
      },
      RetourCodes: { RetourCode: ['0200'] },
    });
  }
  const awarded = input.awardedCents;
  const answer: Record<string, MessageValue> = {
    DeclaratieNummer: claim.claimNumber,
    TotaalIngediendBedrag: {
      TotaalBedrag: String(claim.totalCents),
      DebetCredit: claim.totalDebitCredit,
    },
    TotaalToegekendBedrag: { TotaalBedrag: String(Math.abs(awarded)), DebetCredit: awarded < 0 ? 'C' : 'D' },
  };
  if (clients.length > 0) answer.Clienten = { Client: clients };
  answer.RetourCodes = { RetourCode: [clients.length === 0 ? '8001' : '0200'] };
  return { kind, message: { Header: answerHeader, DeclaratieAntwoord: answer } };
}

function complexType(schema: MessageSchema, name: string): ComplexTypeDef {
  const type = schema.types[name];
  if (type?.kind !== 'complex') throw new Error(`Type ${name} in ${schema.message} is niet samengesteld.`);
  return type;
}

function objectAt(parent: MessageObject, name: string): MessageObject {
  const value = parent[name];
  if (value === undefined || typeof value === 'string' || Array.isArray(value)) {
    throw new Error(`Bericht mist ${name}.`);
  }
  return value as MessageObject;
}

function textAt(parent: MessageObject, name: string): string {
  const value = parent[name];
  if (typeof value !== 'string') throw new Error(`Bericht mist ${name}.`);
  return value;
}
