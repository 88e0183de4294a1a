/**
 * A small hand-written message schema for the XML engine's tests: every construct the iStandaarden
 * XSDs use (message-local and basisschema types, optional and repeated elements, integer, date,
 * time, enumerations, lengths, patterns), small enough to reason about line by line.
 */
import type { MessageSchema } from '../standard/model.js';

export const TEST_NAMESPACE = 'http://www.istandaarden.nl/test/3_2/tst001/schema';
export const TEST_BASE_NAMESPACE = 'http://www.istandaarden.nl/test/3_2/basisschema/schema';

export const TEST_SCHEMA: MessageSchema = {
  standard: 'iwmo',
  message: 'TST001',
  berichtCode: 999,
  namespace: TEST_NAMESPACE,
  baseNamespace: TEST_BASE_NAMESPACE,
  rootType: 'tst001:Root',
  types: {
    'tst001:Root': {
      kind: 'complex',
      sequence: [
        { name: 'Header', type: 'tst001:Header', minOccurs: 1, maxOccurs: 1 },
        { name: 'Client', type: 'tst001:Client', minOccurs: 1, maxOccurs: 1 },
      ],
    },
    'tst001:Header': {
      kind: 'complex',
      sequence: [
        { name: 'BerichtCode', type: 'tst001:Header.BerichtCode', minOccurs: 1, maxOccurs: 1 },
        { name: 'Dagtekening', type: 'LDT_Datum', minOccurs: 1, maxOccurs: 1 },
        { name: 'Tijd', type: 'LDT_Tijd', minOccurs: 0, maxOccurs: 1 },
      ],
    },
    'tst001:Header.BerichtCode': { kind: 'simple', base: 'integer', patterns: ['999'] },
    'tst001:Client': {
      kind: 'complex',
      sequence: [
        { name: 'Bsn', type: 'LDT_Bsn', minOccurs: 1, maxOccurs: 1 },
        { name: 'Toewijzing', type: 'tst001:Toewijzing', minOccurs: 1, maxOccurs: 3 },
        { name: 'Commentaar', type: 'LDT_Commentaar', minOccurs: 0, maxOccurs: 1 },
      ],
    },
    'tst001:Toewijzing': {
      kind: 'complex',
      sequence: [
        { name: 'Nummer', type: 'LDT_Nummer', minOccurs: 1, maxOccurs: 1 },
        { name: 'Product', type: 'CDT_Product', minOccurs: 1, maxOccurs: 1 },
        { name: 'Omvang', type: 'CDT_Omvang', minOccurs: 1, maxOccurs: 1 },
        { name: 'Einddatum', type: 'LDT_Datum', minOccurs: 0, maxOccurs: 1 },
      ],
    },
    CDT_Product: {
      kind: 'complex',
      sequence: [
        { name: 'Categorie', type: 'LDT_Categorie', minOccurs: 1, maxOccurs: 1 },
        { name: 'Code', type: 'LDT_ProductCode', minOccurs: 0, maxOccurs: 1 },
      ],
    },
    CDT_Omvang: {
      kind: 'complex',
      sequence: [
        { name: 'Volume', type: 'LDT_Volume', minOccurs: 1, maxOccurs: 1 },
        { name: 'Eenheid', type: 'LDT_Eenheid', minOccurs: 1, maxOccurs: 1 },
      ],
    },
    LDT_Bsn: { kind: 'simple', base: 'string', patterns: ['[0-9]{9}'] },
    LDT_Categorie: { kind: 'simple', base: 'string', enumeration: ['01', '02', '03'], maxLength: 2 },
    LDT_Commentaar: { kind: 'simple', base: 'string', patterns: ['([.\\s]*\\S+[.\\s]*)+'], minLength: 1 },
    LDT_Datum: { kind: 'simple', base: 'date', patterns: ['[^:Z]*'] },
    LDT_Eenheid: { kind: 'simple', base: 'string', enumeration: ['1', '2', '3'], maxLength: 1 },
    LDT_Nummer: { kind: 'simple', base: 'integer', minInclusive: 1, maxInclusive: 99999999 },
    LDT_ProductCode: { kind: 'simple', base: 'string', patterns: ['.*[^\\s].*'], minLength: 1, maxLength: 5 },
    LDT_Tijd: { kind: 'simple', base: 'time', patterns: ['[^Z+-]+'] },
    LDT_Volume: { kind: 'simple', base: 'integer', minInclusive: 0, maxInclusive: 9999 },
  },
};

/** Builds a TST001 document; `client` is the inside of <t:Client>, one element per line. */
export function testDocument(client: string, header = HEADER): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<t:Bericht xmlns:t="${TEST_NAMESPACE}" xmlns:b="${TEST_BASE_NAMESPACE}">
${header}
  <t:Client>
${client}
  </t:Client>
</t:Bericht>
`;
}

/** Lines 3–6 of every test document. */
export const HEADER = `  <t:Header>
    <t:BerichtCode>999</t:BerichtCode>
    <t:Dagtekening>2026-04-01</t:Dagtekening>
  </t:Header>`;

/** A valid Toewijzing, five lines. */
export function toewijzing(nummer: string, volume = '2'): string {
  return `    <t:Toewijzing>
      <t:Nummer>${nummer}</t:Nummer>
      <t:Product><b:Categorie>01</b:Categorie><b:Code>AB12</b:Code></t:Product>
      <t:Omvang><b:Volume>${volume}</b:Volume><b:Eenheid>1</b:Eenheid></t:Omvang>
    </t:Toewijzing>`;
}
