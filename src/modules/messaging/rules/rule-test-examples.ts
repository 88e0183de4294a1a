/**
 * What the rule tests share: the published iWmo and iJw example messages, decoded, and ways to
 * change one element of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { decodeProviderMessage, type ProviderMessage } from '../codec/provider-messages.js';
import { messageKind } from '../standard/message-kinds.js';
import type { Standard } from '../standard/model.js';
import { parseMessage } from '../xml/validate.js';
import type { RuleFinding } from './rule.js';

export const ISTANDAARDEN = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));
export const STANDARDS: readonly Standard[] = ['iwmo', 'ijw'];
export const PREFIX: Readonly<Record<Standard, string>> = { iwmo: 'WMO', ijw: 'JW' };
export const BASE_PREFIX: Readonly<Record<Standard, string>> = { iwmo: 'iwmo', ijw: 'ijw' };

export type Provider = ProviderMessage['type'];
export type Typed<T extends Provider> = Extract<ProviderMessage, { type: T }>;

export function exampleXml(standard: Standard, type: Provider): string {
  return readFileSync(join(ISTANDAARDEN, standard, 'examples', `${PREFIX[standard]}${type}.xml`), 'utf8');
}

/** An element of the message's own namespace as the examples write it: `<wmo305:Bsn>…</wmo305:Bsn>`. */
export function element(standard: Standard, type: Provider, name: string, value: string | number): string {
  const prefix = `${PREFIX[standard].toLowerCase()}${type}`;
  return `<${prefix}:${name}>${value}</${prefix}:${name}>`;
}

export function baseElement(standard: Standard, name: string, value: string | number): string {
  return `<${BASE_PREFIX[standard]}:${name}>${value}</${BASE_PREFIX[standard]}:${name}>`;
}

/** Replaces the nth occurrence (1-based) and fails the test when there is none. */
export function replaceNth(xml: string, search: string, replacement: string, nth = 1): string {
  let index = -1;
  for (let seen = 0; seen < nth; seen += 1) {
    index = xml.indexOf(search, index + 1);
    expect(index, `${search} komt geen ${nth} keer voor`).toBeGreaterThanOrEqual(0);
  }
  return xml.slice(0, index) + replacement + xml.slice(index + search.length);
}

export function isType<T extends Provider>(message: ProviderMessage, type: T): message is Typed<T> {
  return message.type === type;
}

export function decode<T extends Provider>(standard: Standard, type: T, xml: string): Typed<T> {
  const kind = messageKind(standard, type);
  const parsed = parseMessage(xml, kind.schema);
  if (!parsed.ok) throw new Error(`${kind.name} is niet geldig: ${JSON.stringify(parsed)}`);
  const message = decodeProviderMessage(kind, parsed.message);
  if (message === undefined || !isType(message, type)) throw new Error(`${kind.name} is geen ${type}`);
  return message;
}

/**
 * The published JW323 repeats ReferentieNummer RN004 within one client (TR101, TR314) and uses
 * allocation 10073 for two clients (TR304); the repaired copy gives the March line RN005 and the
 * first client's line allocation 10075.
 */
export function claimXml(standard: Standard): string {
  const xml = exampleXml(standard, '323');
  if (standard === 'iwmo') return xml;
  const renumbered = replaceNth(
    xml,
    baseElement('ijw', 'ReferentieNummer', 'RN004'),
    baseElement('ijw', 'ReferentieNummer', 'RN005'),
    2,
  );
  return replaceNth(
    renumbered,
    element('ijw', '323', 'ToewijzingNummer', 10073),
    element('ijw', '323', 'ToewijzingNummer', 10075),
  );
}

export function summary(findings: readonly RuleFinding[]): [string, string][] {
  return findings.map((item) => [item.rule.code, item.classPath]);
}
