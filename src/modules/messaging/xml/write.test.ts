import { describe, expect, it } from 'vitest';
import { TEST_BASE_NAMESPACE, TEST_NAMESPACE, TEST_SCHEMA } from './test-message-schema.js';
import { type MessageObject, type MessageValue, parseMessage } from './validate.js';
import { InvalidMessageError, writeMessage } from './write.js';

function message(overrides: { Commentaar?: string; Einddatum?: string } = {}): MessageObject {
  // Keys deliberately out of schema order: the writer must follow the schema, not the object.
  return {
    Client: {
      Commentaar: overrides.Commentaar,
      Toewijzing: [
        {
          Omvang: { Eenheid: '1', Volume: '2' },
          Einddatum: overrides.Einddatum,
          Product: { Code: 'AB12', Categorie: '01' },
          Nummer: '1',
        },
      ],
      Bsn: '999900006',
    },
    Header: { Dagtekening: '2026-04-01', BerichtCode: '999' },
  };
}

function invalidMessageError(write: () => unknown): InvalidMessageError {
  try {
    write();
  } catch (error) {
    if (error instanceof InvalidMessageError) return error;
    throw error;
  }
  throw new Error('expected InvalidMessageError');
}

describe('writeMessage', () => {
  it('writes UTF-8 XML with both namespaces, in schema order, without absent optional elements', () => {
    const xml = writeMessage(message(), TEST_SCHEMA);
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<tst001:Bericht xmlns:tst001="${TEST_NAMESPACE}" xmlns:iwmo="${TEST_BASE_NAMESPACE}">
\t<tst001:Header>
\t\t<tst001:BerichtCode>999</tst001:BerichtCode>
\t\t<tst001:Dagtekening>2026-04-01</tst001:Dagtekening>
\t</tst001:Header>
\t<tst001:Client>
\t\t<tst001:Bsn>999900006</tst001:Bsn>
\t\t<tst001:Toewijzing>
\t\t\t<tst001:Nummer>1</tst001:Nummer>
\t\t\t<tst001:Product>
\t\t\t\t<iwmo:Categorie>01</iwmo:Categorie>
\t\t\t\t<iwmo:Code>AB12</iwmo:Code>
\t\t\t</tst001:Product>
\t\t\t<tst001:Omvang>
\t\t\t\t<iwmo:Volume>2</iwmo:Volume>
\t\t\t\t<iwmo:Eenheid>1</iwmo:Eenheid>
\t\t\t</tst001:Omvang>
\t\t</tst001:Toewijzing>
\t</tst001:Client>
</tst001:Bericht>
`);
  });

  it('round-trips write → parse → validate to the same object, escaping what must be escaped', () => {
    const commentaar = `Tom & Jerry <b>vet</b> "citaat" 'x' ]]> regel 1\r\nregel 2\ttab é 😀`;
    const original = message({ Commentaar: commentaar, Einddatum: '2028-02-29' });
    const xml = writeMessage(original, TEST_SCHEMA);
    expect(xml).toContain(
      'Tom &amp; Jerry &lt;b&gt;vet&lt;/b&gt; "citaat" \'x\' ]]&gt; regel 1&#13;\nregel 2',
    );
    const parsed = parseMessage(xml, TEST_SCHEMA);
    expect(parsed).toEqual({ ok: true, message: JSON.parse(JSON.stringify(original)) });
    // And once more: writing what was read gives the same bytes.
    if (!parsed.ok) throw new Error('unreachable');
    expect(writeMessage(parsed.message, TEST_SCHEMA)).toBe(xml);
  });

  it('throws with the violations instead of writing an invalid message', () => {
    const error = invalidMessageError(() => writeMessage(message({ Einddatum: '2027-06-31' }), TEST_SCHEMA));
    expect(error.violations).toEqual([
      expect.objectContaining({
        code: 'NONEXISTENT_DATE',
        path: 'Bericht/Client/Toewijzing[1]/Einddatum',
        message: 'Datum 2027-06-31 in Einddatum bestaat niet.',
      }),
    ]);
    expect(error.message).toContain('Bericht/Client/Toewijzing[1]/Einddatum');

    const missing = invalidMessageError(() =>
      writeMessage({ Header: { BerichtCode: '999', Dagtekening: '2026-04-01' } }, TEST_SCHEMA),
    );
    expect(missing.violations.map((violation) => violation.code)).toEqual(['MISSING_ELEMENT']);
  });

  it('throws for data that does not have the shape of the schema', () => {
    const base = message();
    const client = base.Client as MessageObject;
    const cases: [MessageObject, string, string][] = [
      [{ ...base, Onbekend: 'x' }, 'UNEXPECTED_ELEMENT', 'Bericht/Onbekend'],
      [{ ...base, Client: { ...client, Bsn: ['999900006'] } }, 'TOO_MANY_OCCURRENCES', 'Bericht/Client/Bsn'],
      [
        { ...base, Client: { ...client, Toewijzing: (client.Toewijzing as readonly MessageValue[])[0] } },
        'UNEXPECTED_CHILDREN',
        'Bericht/Client/Toewijzing',
      ],
      [{ ...base, Client: { ...client, Bsn: { nummer: '1' } } }, 'UNEXPECTED_CHILDREN', 'Bericht/Client/Bsn'],
      [{ ...base, Header: 'tekst' }, 'UNEXPECTED_TEXT', 'Bericht/Header'],
      [
        { ...base, Client: { ...client, Commentaar: 'bel\u0007' } },
        'INVALID_CHARACTER',
        'Bericht/Client/Commentaar',
      ],
    ];
    for (const [input, code, path] of cases) {
      const error = invalidMessageError(() => writeMessage(input, TEST_SCHEMA));
      expect(error.violations).toEqual([expect.objectContaining({ code, path })]);
    }
  });
});
