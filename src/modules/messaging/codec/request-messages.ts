/**
 * A provider's requests and the municipality's answer: the request for an allocation (315,
 * Verzoek om toewijzing: one or more requested products) and the request for a change (317,
 * Verzoek om wijziging: the whole wished situation of the client's allocations at the provider),
 * read after schema validation; and the answer (319) the municipality writes when it refuses a
 * request or takes it into assessment. A granted request is answered with a 301 instead.
 */
import { type MessageKind, messageKind } from '../standard/message-kinds.js';
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

export interface RequestedSize {
  readonly volume: number;
  readonly unit: string;
  readonly frequency: string;
}

export interface RequestedProduct {
  readonly path: string;
  /** ReferentieAanbieder: the provider's own reference, answered in the 319 or the 301. */
  readonly reference: string;
  readonly productCategory: string | undefined;
  readonly productCode: string | undefined;
  readonly startDate: string;
  readonly endDate: string | undefined;
  readonly size: RequestedSize | undefined;
}

export interface AllocationRequestMessage {
  readonly type: '315';
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  readonly client: { readonly path: string; readonly bsn: string; readonly dateOfBirth: string };
  readonly products: readonly RequestedProduct[];
}

export interface ChangedProduct {
  readonly path: string;
  readonly allocationNumber: number;
  readonly startDate: string;
  readonly endDate: string | undefined;
  readonly size: RequestedSize | undefined;
}

export interface ChangeRequestMessage {
  readonly type: '317';
  readonly kind: MessageKind;
  readonly header: MessageHeader;
  readonly client: { readonly path: string; readonly bsn: string };
  readonly path: string;
  readonly reference: string;
  /** RedenVerzoek (WJ758). */
  readonly reason: string;
  readonly unchanged: readonly { readonly path: string; readonly allocationNumber: number }[];
  readonly changed: readonly ChangedProduct[];
  readonly added: readonly Omit<RequestedProduct, 'reference'>[];
}

export type RequestMessage = AllocationRequestMessage | ChangeRequestMessage;

function size(parent: MessageObject): RequestedSize | undefined {
  const omvang = optionalChild(parent, 'Omvang');
  if (omvang === undefined) return undefined;
  return {
    volume: Number(text(omvang, 'Volume')),
    unit: text(omvang, 'Eenheid'),
    frequency: text(omvang, 'Frequentie'),
  };
}

function listOf(parent: MessageObject, wrapper: string, item: string): MessageObject[] {
  const found = optionalChild(parent, wrapper);
  return found === undefined ? [] : children(found, item);
}

export function decodeRequestMessage(kind: MessageKind, message: MessageObject): RequestMessage | undefined {
  if (kind.type !== '315' && kind.type !== '317') return undefined;
  const clientPath = 'Bericht/Client';
  const client = child(message, 'Client');
  if (kind.type === '315') {
    return {
      type: '315',
      kind,
      header: decodeHeader(message),
      client: {
        path: clientPath,
        bsn: text(client, 'Bsn'),
        dateOfBirth: text(child(client, 'Geboortedatum'), 'Datum'),
      },
      products: children(child(client, 'AangevraagdeProducten'), 'AangevraagdProduct').map((p, i) => {
        const product = optionalChild(p, 'Product');
        return {
          path: `${clientPath}/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`,
          reference: text(p, 'ReferentieAanbieder'),
          productCategory: product === undefined ? undefined : text(product, 'Categorie'),
          productCode: product === undefined ? undefined : optionalText(product, 'Code'),
          startDate: text(p, 'ToewijzingIngangsdatum'),
          endDate: optionalText(p, 'ToewijzingEinddatum'),
          size: size(p),
        };
      }),
    };
  }
  const path = `${clientPath}/Verzoek`;
  const request = child(client, 'Verzoek');
  return {
    type: '317',
    kind,
    header: decodeHeader(message),
    client: { path: clientPath, bsn: text(client, 'Bsn') },
    path,
    reference: text(request, 'ReferentieAanbieder'),
    reason: text(request, 'RedenVerzoek'),
    unchanged: listOf(request, 'OngewijzigdeProducten', 'OngewijzigdProduct').map((p, i) => ({
      path: `${path}/OngewijzigdeProducten/OngewijzigdProduct[${i + 1}]`,
      allocationNumber: Number(text(p, 'ToewijzingNummer')),
    })),
    changed: listOf(request, 'TeWijzigenProducten', 'TeWijzigenProduct').map((p, i) => ({
      path: `${path}/TeWijzigenProducten/TeWijzigenProduct[${i + 1}]`,
      allocationNumber: Number(text(p, 'ToewijzingNummer')),
      startDate: text(p, 'GewensteIngangsdatum'),
      endDate: optionalText(p, 'Einddatum'),
      size: size(p),
    })),
    added: listOf(request, 'NieuweProducten', 'NieuwProduct').map((p, i) => {
      const product = optionalChild(p, 'Product');
      return {
        path: `${path}/NieuweProducten/NieuwProduct[${i + 1}]`,
        productCategory: product === undefined ? undefined : text(product, 'Categorie'),
        productCode: product === undefined ? undefined : optionalText(product, 'Code'),
        startDate: text(p, 'GewensteIngangsdatum'),
        endDate: optionalText(p, 'Einddatum'),
        size: size(p),
      };
    }),
  };
}

/** VerzoekAntwoord (WJ760): 1 refused, 2 taken into assessment. */
export type RequestAnswer = '1' | '2';

/**
 * The answer to a request (319). A refusal carries its reason (RedenAfwijzingVerzoek, WJ759);
 * taking a request into assessment carries none.
 */
export function writeRequestAnswer(
  e: OutgoingEnvelope,
  answer: { reference: string; answer: RequestAnswer; refusalReason: string | null },
): string {
  const antwoord: Record<string, MessageValue> = {
    ReferentieAanbieder: answer.reference,
    VerzoekAntwoord: answer.answer,
  };
  if (answer.refusalReason !== null) antwoord.RedenAfwijzingVerzoek = answer.refusalReason;
  return writeMessage(
    { Header: header('319', e), Antwoord: antwoord },
    messageKind(e.standard, '319').schema,
  );
}
