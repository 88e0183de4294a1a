/**
 * The messages a provider sends, as the domain reads them: start of care (305), stop of care
 * (307) and a claim (323), with numbers as numbers, amounts in euro cents (a credit
 * negative) and dates as ISO dates. Decoding runs on a message that passed schema validation,
 * so required elements are present and every value has its XSD type; what is left to decide
 * is meaning, which the rules do.
 *
 * Every part keeps the element path the validator uses (`Bericht/Client/StartProducten/
 * StartProduct[2]`), so a rule can point at the element and a checker can print its line.
 */
import type { MessageKind } from '../standard/message-kinds.js';
import type { MessageObject, MessageValue } from '../xml/validate.js';

export interface MessageHeader {
  readonly berichtCode: string;
  /** AGB code of a provider or CBS code of a municipality. */
  readonly sender: string;
  readonly receiver: string;
  readonly identification: string;
  /** Dagtekening. */
  readonly datedOn: string;
  readonly basisschemaXsdVersion: string;
  readonly messageXsdVersion: string;
}

export interface DecodedClient {
  readonly bsn: string;
  readonly path: string;
}

/** StatusAanlevering (COD467): 1 first delivery, 2 correction (not in 305/307), 3 withdrawal. */
export type DeliveryStatus = '1' | '2' | '3';

export interface CareStartLine {
  readonly path: string;
  readonly allocationNumber: number | undefined;
  readonly productCategory: string | undefined;
  readonly productCode: string | undefined;
  readonly allocationStartDate: string | undefined;
  readonly startDate: string;
  readonly status: DeliveryStatus;
}

export interface CareStopLine extends CareStartLine {
  /** RedenBeeindiging (WMO588/JZ588). */
  readonly reason: string;
  readonly endDate: string;
}

export interface CareStartMessage {
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  readonly client: DecodedClient & { readonly dateOfBirth: string };
  readonly lines: readonly CareStartLine[];
}

export interface CareStopMessage {
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  readonly client: DecodedClient & { readonly dateOfBirth: string };
  readonly lines: readonly CareStopLine[];
}

export type DebitCredit = 'D' | 'C';

export interface ClaimedService {
  readonly path: string;
  readonly clientPath: string;
  readonly bsn: string;
  readonly referenceNumber: string;
  /** The debit this credit reverses (TR323). */
  readonly previousReferenceNumber: string | undefined;
  readonly allocationNumber: number;
  readonly productCategory: string;
  readonly productCode: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly deliveredVolume: number;
  readonly unit: string;
  /** ProductTarief in cents; absent for unit 83 (euros), CD087. */
  readonly tariffCents: number | undefined;
  /** IngediendBedrag.Bedrag: always positive in the message. */
  readonly amountCents: number;
  readonly debitCredit: DebitCredit;
}

export interface ClaimMessage {
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  readonly claimNumber: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly claimDatedOn: string;
  readonly totalCents: number;
  readonly totalDebitCredit: DebitCredit;
  readonly clients: readonly DecodedClient[];
  readonly services: readonly ClaimedService[];
}

export type ProviderMessage =
  | ({ readonly type: '305' } & CareStartMessage)
  | ({ readonly type: '307' } & CareStopMessage)
  | ({ readonly type: '323' } & ClaimMessage);

/** Signed cents: a credit counts against the provider. */
export function signedCents(amountCents: number, debitCredit: DebitCredit): number {
  return debitCredit === 'C' ? -amountCents : amountCents;
}

export function decodeHeader(message: MessageObject): MessageHeader {
  const header = child(message, 'Header');
  const identification = child(header, 'BerichtIdentificatie');
  const versions = child(header, 'XsdVersie');
  return {
    berichtCode: text(header, 'BerichtCode'),
    sender: text(header, 'Afzender'),
    receiver: text(header, 'Ontvanger'),
    identification: text(identification, 'Identificatie'),
    datedOn: text(identification, 'Dagtekening'),
    basisschemaXsdVersion: text(versions, 'BasisschemaXsdVersie'),
    messageXsdVersion: text(versions, 'BerichtXsdVersie'),
  };
}

export function decodeProviderMessage(
  kind: MessageKind,
  message: MessageObject,
): ProviderMessage | undefined {
  switch (kind.type) {
    case '305':
      return { type: '305', ...decodeCareStart(kind, message) };
    case '307':
      return { type: '307', ...decodeCareStop(kind, message) };
    case '323':
      return { type: '323', ...decodeClaim(kind, message) };
    default:
      return undefined;
  }
}

export function decodeCareStart(kind: MessageKind, message: MessageObject): CareStartMessage {
  const client = child(message, 'Client');
  const lines = children(child(client, 'StartProducten'), 'StartProduct').map((line, index) =>
    decodeStartLine(line, `Bericht/Client/StartProducten/StartProduct[${index + 1}]`),
  );
  return { kind, header: decodeHeader(message), client: decodeCareClient(client), lines };
}

export function decodeCareStop(kind: MessageKind, message: MessageObject): CareStopMessage {
  const client = child(message, 'Client');
  const lines = children(child(client, 'StopProducten'), 'StopProduct').map((line, index) => {
    const path = `Bericht/Client/StopProducten/StopProduct[${index + 1}]`;
    return {
      ...decodeStartLine(line, path),
      reason: text(line, 'RedenBeeindiging'),
      endDate: text(line, 'Einddatum'),
    };
  });
  return { kind, header: decodeHeader(message), client: decodeCareClient(client), lines };
}

export function decodeClaim(kind: MessageKind, message: MessageObject): ClaimMessage {
  const claim = child(message, 'Declaratie');
  const period = child(claim, 'DeclaratiePeriode');
  const total = child(claim, 'TotaalIngediendBedrag');
  const clients: DecodedClient[] = [];
  const services: ClaimedService[] = [];
  children(child(claim, 'Clienten'), 'Client').forEach((client, clientIndex) => {
    const clientPath = `Bericht/Declaratie/Clienten/Client[${clientIndex + 1}]`;
    const bsn = text(client, 'Bsn');
    clients.push({ bsn, path: clientPath });
    children(child(client, 'Prestaties'), 'Prestatie').forEach((service, serviceIndex) => {
      const reference = child(service, 'ProductReferentie');
      const servicePeriod = child(service, 'ProductPeriode');
      const amount = child(service, 'IngediendBedrag');
      const tariff = optionalText(service, 'ProductTarief');
      services.push({
        path: `${clientPath}/Prestaties/Prestatie[${serviceIndex + 1}]`,
        clientPath,
        bsn,
        referenceNumber: text(reference, 'ReferentieNummer'),
        previousReferenceNumber: optionalText(reference, 'VorigReferentieNummer'),
        allocationNumber: Number(text(service, 'ToewijzingNummer')),
        productCategory: text(service, 'ProductCategorie'),
        productCode: text(service, 'ProductCode'),
        periodStart: text(servicePeriod, 'Begindatum'),
        periodEnd: text(servicePeriod, 'Einddatum'),
        deliveredVolume: Number(text(service, 'GeleverdVolume')),
        unit: text(service, 'Eenheid'),
        tariffCents: tariff === undefined ? undefined : Number(tariff),
        amountCents: Number(text(amount, 'Bedrag')),
        debitCredit: text(amount, 'DebetCredit') as DebitCredit,
      });
    });
  });
  return {
    kind,
    header: decodeHeader(message),
    claimNumber: text(claim, 'DeclaratieNummer'),
    periodStart: text(period, 'Begindatum'),
    periodEnd: text(period, 'Einddatum'),
    claimDatedOn: text(claim, 'DeclaratieDagtekening'),
    totalCents: Number(text(total, 'TotaalBedrag')),
    totalDebitCredit: text(total, 'DebetCredit') as DebitCredit,
    clients,
    services,
  };
}

function decodeCareClient(client: MessageObject): DecodedClient & { dateOfBirth: string } {
  return {
    bsn: text(client, 'Bsn'),
    dateOfBirth: text(child(client, 'Geboortedatum'), 'Datum'),
    path: 'Bericht/Client',
  };
}

function decodeStartLine(line: MessageObject, path: string): CareStartLine {
  const number = optionalText(line, 'ToewijzingNummer');
  const product = optionalChild(line, 'Product');
  return {
    path,
    allocationNumber: number === undefined ? undefined : Number(number),
    productCategory: product === undefined ? undefined : text(product, 'Categorie'),
    productCode: product === undefined ? undefined : optionalText(product, 'Code'),
    allocationStartDate: optionalText(line, 'ToewijzingIngangsdatum'),
    startDate: text(line, 'Begindatum'),
    status: text(line, 'StatusAanlevering') as DeliveryStatus,
  };
}

// Accessors over a validated message: a missing required element is a bug in the validator or
// the model, not bad input, so it throws.

function value(parent: MessageObject, name: string): MessageValue | readonly MessageValue[] | undefined {
  return parent[name];
}

export function child(parent: MessageObject, name: string): MessageObject {
  const found = optionalChild(parent, name);
  if (found === undefined) throw new Error(`Gevalideerd bericht mist ${name}.`);
  return found;
}

export function optionalChild(parent: MessageObject, name: string): MessageObject | undefined {
  const found = value(parent, name);
  if (found === undefined) return undefined;
  if (typeof found === 'string' || Array.isArray(found))
    throw new Error(`${name} is geen enkelvoudig element.`);
  return found as MessageObject;
}

export function children(parent: MessageObject, name: string): MessageObject[] {
  const found = value(parent, name);
  if (!Array.isArray(found)) throw new Error(`${name} is geen herhalend element.`);
  return found.map((item) => {
    if (typeof item === 'string') throw new Error(`${name} is geen samengesteld element.`);
    return item;
  });
}

export function text(parent: MessageObject, name: string): string {
  const found = optionalText(parent, name);
  if (found === undefined) throw new Error(`Gevalideerd bericht mist ${name}.`);
  return found;
}

export function optionalText(parent: MessageObject, name: string): string | undefined {
  const found = value(parent, name);
  if (found === undefined) return undefined;
  if (typeof found !== 'string') throw new Error(`${name} is geen enkelvoudige waarde.`);
  return found;
}
