import { describe, expect, it } from 'vitest';
import { parseSecureXml, type XmlElement, type XmlParseErrorCode } from './secure-xml.js';

function rejection(input: Uint8Array | string, limits = {}) {
  const result = parseSecureXml(input, limits);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.error;
}

function root(input: Uint8Array | string): XmlElement {
  const result = parseSecureXml(input);
  if (!result.ok) throw new Error(`unexpected rejection: ${result.error.code} ${result.error.message}`);
  return result.root;
}

function expectRejected(input: Uint8Array | string, code: XmlParseErrorCode, line: number, limits = {}) {
  const error = rejection(input, limits);
  expect({ code: error.code, line: error.line }).toEqual({ code, line });
  expect(error.column).toBeGreaterThanOrEqual(1);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

describe('parseSecureXml: well-formed documents', () => {
  it('builds the element tree with namespaces, text and start/end positions', () => {
    const tree = root(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<m:Bericht xmlns:m="urn:m" xmlns:b="urn:b">\n' +
        '  <m:Header>\n' +
        '    <b:Code>A &amp; B &#x41;&#66; <![CDATA[<x>]]></b:Code>\n' +
        '    <!-- a comment -->\n' +
        '    <b:Leeg/>\n' +
        '  </m:Header>\n' +
        '</m:Bericht>\n',
    );
    expect(tree).toMatchObject({ name: 'Bericht', namespace: 'urn:m', prefix: 'm', line: 2, column: 1 });
    expect(tree.endLine).toBe(8);
    const header = tree.children[0];
    expect(header).toMatchObject({ name: 'Header', line: 3, column: 3, endLine: 7, endColumn: 3, text: '' });
    expect(
      header?.children.map((child) => [child.name, child.namespace, child.text, child.line, child.column]),
    ).toEqual([
      ['Code', 'urn:b', 'A & B AB <x>', 4, 5],
      ['Leeg', 'urn:b', '', 6, 5],
    ]);
  });

  it('accepts a UTF-8 byte order mark, a missing XML declaration and whitespace or comments after the root', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>é</a>\n<!-- end -->\n\n')]);
    expect(root(bom)).toMatchObject({ name: 'a', text: 'é', line: 1, column: 1 });
  });

  it('keeps attributes other than namespace declarations, for the validator to judge', () => {
    const tree = root('<a xmlns="urn:a" xmlns:x="urn:x" x:y="1" z="2"/>');
    expect(tree.attributes).toEqual([
      { name: 'y', namespace: 'urn:x', value: '1' },
      { name: 'z', namespace: '', value: '2' },
    ]);
  });

  it('reports an element whose name runs onto the next line at its "<"', () => {
    const tree = root('<a>\n  <b\n  >x</b></a>');
    expect(tree.children[0]).toMatchObject({ name: 'b', line: 2, column: 3, endLine: 3, endColumn: 5 });
  });
});

describe('parseSecureXml: hostile documents', () => {
  it('rejects a billion-laughs document at its DOCTYPE, without expanding anything', () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol0 "lol">\n${entities}\n]>\n<lolz>&lol9;</lolz>`;
    const error = expectRejected(xml, 'DOCTYPE', 2);
    expect(error.column).toBe(1);
  });

  it('rejects an external entity (XXE) pointing at /etc/passwd', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!DOCTYPE Bericht [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n' +
      '<Bericht>&xxe;</Bericht>';
    const error = expectRejected(xml, 'DOCTYPE', 2);
    expect(error.message).not.toContain('root:');
  });

  it('rejects a reference to an external DTD', () => {
    expectRejected(
      '<?xml version="1.0"?>\n\n<!DOCTYPE Bericht SYSTEM "http://example.invalid/bericht.dtd">\n<Bericht/>',
      'DOCTYPE',
      3,
    );
  });

  it('rejects a DOCTYPE inside the root element', () => {
    expectRejected('<a>\n<!DOCTYPE a>\n</a>', 'DOCTYPE', 2);
  });

  it('rejects entity references other than the five predefined ones', () => {
    const error = expectRejected('<a>\n  <b>x &nbsp; y</b>\n</a>', 'ENTITY', 2);
    expect(error.column).toBe(8);
    expect(error.message).toContain('&nbsp;');
    expectRejected('<a>&#0;</a>', 'ENTITY', 1);
  });

  it('rejects processing instructions, but not the XML declaration', () => {
    expectRejected(
      '<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?>\n<a/>',
      'PROCESSING_INSTRUCTION',
      2,
    );
    expectRejected('<a>\n<?php echo 1 ?>\n</a>', 'PROCESSING_INSTRUCTION', 2);
  });

  it('rejects a 26 MB document before parsing it', () => {
    const big = Buffer.alloc(26 * 1024 * 1024, 0x20);
    big.write('<a>', 0);
    const started = performance.now();
    const error = expectRejected(big, 'TOO_LARGE', 1);
    expect(performance.now() - started).toBeLessThan(100);
    expect(error.message).toContain('26,0 MB');
    expectRejected(`<a>${'x'.repeat(2000)}</a>`, 'TOO_LARGE', 1, { maxBytes: 1000 });
  });

  it('rejects nesting 1,000 deep at the first element beyond the limit', () => {
    const xml = `${'<a>\n'.repeat(1000)}${'</a>'.repeat(1000)}`;
    const error = expectRejected(xml, 'TOO_DEEP', 33);
    expect(error.message).toContain('32');
  });

  it('rejects 300,000 elements at the first element beyond the limit', () => {
    const xml = `<a>\n${'<b/>\n'.repeat(300_000)}</a>`;
    expectRejected(xml, 'TOO_MANY_ELEMENTS', 200_001);
  });

  it('rejects an element with more text than the limit', () => {
    expectRejected(`<a>\n<b>${'x'.repeat(10_001)}</b></a>`, 'TEXT_TOO_LONG', 2);
    expect(parseSecureXml(`<a>${'x'.repeat(10_000)}</a>`).ok).toBe(true);
  });

  it('rejects a declared encoding other than UTF-8', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>caf\xe9</a>', 'latin1');
    const error = expectRejected(latin1, 'ENCODING', 1);
    expect(error.message).toContain('ISO-8859-1');
  });

  it('rejects bytes that are not valid UTF-8, naming the line', () => {
    const bytes = Buffer.concat([
      Buffer.from('<a>\n<b>ok</b>\n<c>'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('</c></a>'),
    ]);
    const error = expectRejected(bytes, 'ENCODING', 3);
    expect(error.column).toBe(4);
    // UTF-16 (its byte order mark is not UTF-8) and overlong encodings are refused too.
    expectRejected(Buffer.from('\ufeff<a/>', 'utf16le'), 'ENCODING', 1);
    expectRejected(Buffer.from([0x3c, 0x61, 0x3e, 0xc0, 0xaf, 0x3c, 0x2f, 0x61, 0x3e]), 'ENCODING', 1);
  });

  it('rejects a string with a lone surrogate', () => {
    expectRejected('<a>\n\ud800</a>', 'ENCODING', 2);
  });

  it('rejects XML 1.1', () => {
    expectRejected('<?xml version="1.1"?><a/>', 'XML_VERSION', 1);
  });

  it('rejects truncated documents', () => {
    const error = expectRejected('<a>\n  <b>x</b>\n  <c>\n', 'TRUNCATED', 4);
    expect(error.message).toContain('element c (regel 3)');
    expectRejected('<a>\n<b', 'TRUNCATED', 2);
    expectRejected('', 'TRUNCATED', 1);
    expectRejected('<?xml version="1.0"?>\n', 'TRUNCATED', 2);
  });

  it('rejects text or elements after the root element', () => {
    expectRejected('<a>x</a>\n\n  trailing', 'CONTENT_AFTER_ROOT', 3);
    const error = expectRejected('<a>x</a>\n<b/>', 'CONTENT_AFTER_ROOT', 2);
    expect(error.column).toBe(1);
  });

  it('rejects mixed content (text beside child elements) wherever the text is', () => {
    expectRejected('<a>\n  tekst\n  <b/>\n</a>', 'MIXED_CONTENT', 2);
    expectRejected('<a>\n  <b/>\n  tekst\n</a>', 'MIXED_CONTENT', 3);
    expectRejected('<a>\n  <b/><![CDATA[tekst]]>\n</a>', 'MIXED_CONTENT', 2);
  });

  it('rejects documents that are not well-formed', () => {
    expectRejected('<a>\n<b></c>\n</a>', 'MALFORMED', 2);
    expectRejected('<a>\n<x:b/>\n</a>', 'MALFORMED', 2);
    expectRejected('<a b="1" b="2"/>', 'MALFORMED', 1);
  });
});
