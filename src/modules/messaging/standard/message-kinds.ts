/**
 * Which message a document is: the standard and message number, found from the root element's
 * namespace before anything else is read, so a provider can upload any message without saying
 * what it is.
 */
import type { XmlElement } from '../xml/secure-xml.js';
import { IJW_MESSAGES } from './ijw-schemas.js';
import { IWMO_MESSAGES } from './iwmo-schemas.js';
import type { MessageSchema, Standard } from './model.js';

export const MESSAGE_TYPES = [
  '301',
  '302',
  '305',
  '306',
  '307',
  '308',
  '315',
  '316',
  '317',
  '318',
  '319',
  '320',
  '323',
  '325',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface MessageKind {
  readonly standard: Standard;
  readonly type: MessageType;
  /** 'WMO305', 'JW323': the name the standard uses. */
  readonly name: string;
  readonly schema: MessageSchema;
}

/** What a provider sends and what the municipality answers it with. */
export const RETURN_MESSAGE_OF: Readonly<Partial<Record<MessageType, MessageType>>> = {
  '301': '302',
  '305': '306',
  '307': '308',
  '315': '316',
  '317': '318',
  '319': '320',
};

export const MESSAGE_TITLES: Readonly<Record<MessageType, string>> = {
  '301': 'Toewijzing',
  '302': 'Retour toewijzing',
  '305': 'Start zorg',
  '306': 'Retour start zorg',
  '307': 'Stop zorg',
  '308': 'Retour stop zorg',
  '315': 'Verzoek om toewijzing',
  '316': 'Retour verzoek om toewijzing',
  '317': 'Verzoek om wijziging',
  '318': 'Retour verzoek om wijziging',
  '319': 'Antwoord op verzoek',
  '320': 'Retour antwoord',
  '323': 'Declaratie',
  '325': 'Declaratie-antwoord',
};

const STANDARD_PREFIX: Readonly<Record<Standard, string>> = { iwmo: 'WMO', ijw: 'JW' };
const STANDARD_MESSAGES: Readonly<Record<Standard, Readonly<Record<string, MessageSchema>>>> = {
  iwmo: IWMO_MESSAGES,
  ijw: IJW_MESSAGES,
};

function buildKinds(): { byName: Map<string, MessageKind>; byNamespace: Map<string, MessageKind> } {
  const byName = new Map<string, MessageKind>();
  const byNamespace = new Map<string, MessageKind>();
  for (const standard of ['iwmo', 'ijw'] as const) {
    for (const type of MESSAGE_TYPES) {
      const name = `${STANDARD_PREFIX[standard]}${type}`;
      const schema = STANDARD_MESSAGES[standard][name];
      if (schema === undefined) throw new Error(`Het berichtmodel mist ${name}.`);
      const kind: MessageKind = { standard, type, name, schema };
      byName.set(name, kind);
      byNamespace.set(schema.namespace, kind);
    }
  }
  return { byName, byNamespace };
}

const KINDS = buildKinds();

export function messageKind(standard: Standard, type: MessageType): MessageKind {
  const kind = KINDS.byName.get(`${STANDARD_PREFIX[standard]}${type}`);
  if (kind === undefined) throw new Error(`Onbekend bericht ${standard} ${type}.`);
  return kind;
}

export function allMessageKinds(): readonly MessageKind[] {
  return [...KINDS.byName.values()];
}

/** The kind whose namespace the root element is in; undefined for anything else. */
export function identifyMessage(root: XmlElement): MessageKind | undefined {
  if (root.name !== 'Bericht') return undefined;
  return KINDS.byNamespace.get(root.namespace);
}

export const STANDARD_LABELS: Readonly<Record<Standard, string>> = { iwmo: 'iWmo', ijw: 'iJw' };
