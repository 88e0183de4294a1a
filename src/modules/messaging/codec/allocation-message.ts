/**
 * The allocation message (WMO301/JW301): the municipality's order to a provider to deliver. One
 * message holds one client at one provider and, as the standard's process description requires,
 * every allocation of that client at that provider valid on or after the day the message is
 * made, plus every allocation changed since the previous message.
 *
 * Writing goes through writeMessage, so a 301 that leaves the platform validates against the
 * official schema; decoding reads a validated 301 the way a provider's software would (the
 * provider simulator plays a provider from it).
 */
import type { ResidentAddress } from '../../registry/resident-service.js';
import { type MessageKind, messageKind } from '../standard/message-kinds.js';
import type { Standard } from '../standard/model.js';
import type { MessageObject, MessageValue } from '../xml/validate.js';
import { writeMessage } from '../xml/write.js';
import { header, type OutgoingEnvelope } from './provider-message-writer.js';
import {
  child,
  children,
  decodeHeader,
  type MessageHeader,
  optionalChild,
  optionalText,
  text,
} from './provider-messages.js';

/** LDT_Geslacht: 0 unknown, 1 male, 2 female. */
export type Gender = '0' | '1' | '2';

/** The registry keeps the address to the limits of CDT_Adres, so it is written as it is. */
export type ClientAddress = ResidentAddress;

export interface AllocationClient {
  bsn: string;
  dateOfBirth: string;
  gender: Gender;
  familyName: string;
  familyNamePrefix: string | null;
  givenNames: string | null;
  initials: string | null;
  /** The BRP address (Contact Soort 01): TR061 wants at least one address, TR006 house and postcode. */
  address: ClientAddress;
}

export interface AllocatedProduct {
  allocationNumber: number;
  /** ReferentieAanbieder: only when the allocation honours the provider's request (TR379). */
  providerReference?: string | null;
  productCategory: string;
  productCode: string | null;
  /** Toewijzingsdatum and Toewijzingstijd: when this version of the allocation was made. */
  allocatedOn: string;
  allocatedAt: string;
  startDate: string;
  endDate: string | null;
  /** RedenWijziging (WMO002/JZ002) when the allocation changed since the previous message. */
  changeReason: string | null;
  volume: number;
  unit: string;
  frequency: string;
}

/** NaamGebruik 1: the client's own family name. */
const OWN_NAME = '1';
/** Soort adres (COD757) 01: the BRP address. */
const BRP_ADDRESS = '01';
/** LandCode (COD032) of the Netherlands. */
const NETHERLANDS = 'NL';

function clientName(c: AllocationClient): MessageObject {
  const familyName: Record<string, MessageValue> = { Achternaam: c.familyName };
  if (c.familyNamePrefix) familyName.Voorvoegsel = c.familyNamePrefix;
  const name: Record<string, MessageValue> = { Geslachtsnaam: familyName };
  if (c.givenNames) name.Voornamen = c.givenNames;
  if (c.initials) name.Voorletters = c.initials;
  name.NaamGebruik = OWN_NAME;
  return name;
}

function address(a: ClientAddress): MessageObject {
  const house: Record<string, MessageValue> = { Huisnummer: String(a.houseNumber) };
  if (a.houseLetter) house.Huisletter = a.houseLetter;
  if (a.houseNumberAddition) house.HuisnummerToevoeging = a.houseNumberAddition;
  return {
    Huis: house,
    Postcode: a.postcode,
    Straatnaam: a.street,
    Plaatsnaam: a.place,
    LandCode: NETHERLANDS,
  };
}

function product(p: AllocatedProduct): MessageObject {
  const line: Record<string, MessageValue> = { ToewijzingNummer: String(p.allocationNumber) };
  if (p.providerReference) line.ReferentieAanbieder = p.providerReference;
  line.Product = p.productCode
    ? { Categorie: p.productCategory, Code: p.productCode }
    : { Categorie: p.productCategory };
  line.Toewijzingsdatum = p.allocatedOn;
  line.Toewijzingstijd = p.allocatedAt;
  line.Ingangsdatum = p.startDate;
  if (p.endDate !== null) line.Einddatum = p.endDate;
  if (p.changeReason !== null) line.RedenWijziging = p.changeReason;
  line.Omvang = { Volume: String(p.volume), Eenheid: p.unit, Frequentie: p.frequency };
  return line;
}

export function allocationMessageObject(
  e: OutgoingEnvelope,
  client: AllocationClient,
  products: readonly AllocatedProduct[],
): MessageObject {
  return {
    Header: header('301', e),
    Client: {
      Bsn: client.bsn,
      Geboortedatum: { Datum: client.dateOfBirth },
      Geslacht: client.gender,
      Naam: clientName(client),
      Contactgegevens: { Contact: [{ Soort: BRP_ADDRESS, Adres: address(client.address) }] },
      ToegewezenProducten: { ToegewezenProduct: products.map(product) },
    },
  };
}

export function writeAllocationMessage(
  e: OutgoingEnvelope,
  client: AllocationClient,
  products: readonly AllocatedProduct[],
): string {
  return writeMessage(allocationMessageObject(e, client, products), messageKind(e.standard, '301').schema);
}

export interface DecodedContact {
  readonly path: string;
  readonly kind: string;
  readonly hasHouseAndPostcode: boolean;
  readonly hasAddress: boolean;
  readonly hasTelephone: boolean;
}

export interface DecodedAllocatedProduct {
  readonly path: string;
  readonly allocationNumber: number;
  readonly providerReference: string | undefined;
  readonly productCategory: string | undefined;
  readonly productCode: string | undefined;
  readonly allocatedOn: string;
  readonly allocatedAt: string;
  readonly startDate: string;
  readonly endDate: string | undefined;
  readonly changeReason: string | undefined;
  readonly volume: number | undefined;
  readonly unit: string | undefined;
  readonly frequency: string | undefined;
  readonly budgetCents: number | undefined;
}

export interface AllocationMessage {
  readonly type: '301';
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  readonly client: {
    readonly path: string;
    readonly bsn: string;
    readonly dateOfBirth: string;
    readonly familyName: string;
  };
  readonly contacts: readonly DecodedContact[];
  readonly products: readonly DecodedAllocatedProduct[];
}

/** Reads a 301 that passed schema validation. */
export function decodeAllocationMessage(kind: MessageKind, message: MessageObject): AllocationMessage {
  const clientPath = 'Bericht/Client';
  const client = child(message, 'Client');
  const contacts = children(child(client, 'Contactgegevens'), 'Contact').map((contact, i) => {
    const postal = optionalChild(contact, 'Adres');
    return {
      path: `${clientPath}/Contactgegevens/Contact[${i + 1}]`,
      kind: text(contact, 'Soort'),
      hasAddress: postal !== undefined,
      hasHouseAndPostcode:
        postal !== undefined &&
        optionalChild(postal, 'Huis') !== undefined &&
        optionalText(postal, 'Postcode') !== undefined,
      hasTelephone: optionalChild(contact, 'Telefoon') !== undefined,
    };
  });
  const products = children(child(client, 'ToegewezenProducten'), 'ToegewezenProduct').map((line, i) => {
    const productPart = optionalChild(line, 'Product');
    const size = optionalChild(line, 'Omvang');
    const budget = optionalText(line, 'Budget');
    return {
      path: `${clientPath}/ToegewezenProducten/ToegewezenProduct[${i + 1}]`,
      allocationNumber: Number(text(line, 'ToewijzingNummer')),
      providerReference: optionalText(line, 'ReferentieAanbieder'),
      productCategory: productPart === undefined ? undefined : text(productPart, 'Categorie'),
      productCode: productPart === undefined ? undefined : optionalText(productPart, 'Code'),
      allocatedOn: text(line, 'Toewijzingsdatum'),
      allocatedAt: text(line, 'Toewijzingstijd'),
      startDate: text(line, 'Ingangsdatum'),
      endDate: optionalText(line, 'Einddatum'),
      changeReason: optionalText(line, 'RedenWijziging'),
      volume: size === undefined ? undefined : Number(text(size, 'Volume')),
      unit: size === undefined ? undefined : text(size, 'Eenheid'),
      frequency: size === undefined ? undefined : text(size, 'Frequentie'),
      budgetCents: budget === undefined ? undefined : Number(budget),
    };
  });
  return {
    type: '301',
    kind,
    header: decodeHeader(message),
    client: {
      path: clientPath,
      bsn: text(client, 'Bsn'),
      dateOfBirth: text(child(client, 'Geboortedatum'), 'Datum'),
      familyName: text(child(child(client, 'Naam'), 'Geslachtsnaam'), 'Achternaam'),
    },
    contacts,
    products,
  };
}

export const STANDARD_OF_ALLOCATION_LAW = { wmo: 'iwmo', youth: 'ijw' } as const satisfies Record<
  string,
  Standard
>;

/**
 * The provider's return message on a 301 (WMO302/JW302). It keeps the 301's parties and
 * identification in its header and adds its own (IdentificatieRetour, DagtekeningRetour): the
 * header here is the sending party's view, so the provider is the sender, as for any message
 * the municipality receives.
 */
export interface AllocationReturnMessage {
  readonly type: '302';
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  /** The 301 it answers. */
  readonly original: { readonly identification: string; readonly datedOn: string };
  /** Every RetourCode with the berichtklasse it is on ('Bericht/Header', 'Bericht/Client/...'). */
  readonly codes: readonly { readonly classPath: string; readonly code: string }[];
}

export function decodeAllocationReturn(kind: MessageKind, message: MessageObject): AllocationReturnMessage {
  const head = child(message, 'Header');
  const original = child(head, 'BerichtIdentificatie');
  const versions = child(head, 'XsdVersieRetour');
  const codes: { classPath: string; code: string }[] = [];
  collectReturnCodes(message, 'Bericht', codes);
  return {
    type: '302',
    kind,
    header: {
      berichtCode: text(head, 'BerichtCode'),
      sender: text(head, 'Ontvanger'),
      receiver: text(head, 'Afzender'),
      identification: text(head, 'IdentificatieRetour'),
      datedOn: text(head, 'DagtekeningRetour'),
      basisschemaXsdVersion: text(versions, 'BasisschemaXsdVersie'),
      messageXsdVersion: text(versions, 'BerichtXsdVersie'),
    },
    original: { identification: text(original, 'Identificatie'), datedOn: text(original, 'Dagtekening') },
    codes,
  };
}

function collectReturnCodes(
  node: MessageObject,
  path: string,
  into: { classPath: string; code: string }[],
): void {
  for (const [name, value] of Object.entries(node)) {
    const items: readonly MessageValue[] = Array.isArray(value) ? value : [value as MessageValue];
    if (name === 'RetourCodes') {
      for (const holder of items) {
        if (typeof holder === 'string') continue;
        const found = holder.RetourCode;
        const list: readonly MessageValue[] = Array.isArray(found)
          ? found
          : found === undefined
            ? []
            : [found];
        for (const code of list) if (typeof code === 'string') into.push({ classPath: path, code });
      }
      continue;
    }
    items.forEach((item, i) => {
      if (typeof item === 'string') return;
      collectReturnCodes(item, Array.isArray(value) ? `${path}/${name}[${i + 1}]` : `${path}/${name}`, into);
    });
  }
}
