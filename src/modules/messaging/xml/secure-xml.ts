/**
 * Hardened XML parsing for messages that arrive from outside (iWmo/iJw from care providers):
 * turns bytes into an element tree with positions, or a typed rejection. Everything that makes
 * XML dangerous or ambiguous — DTDs, entity declarations, processing instructions, foreign
 * encodings, unbounded size or nesting, mixed content — is refused before it can cost anything.
 */
import { type SaxesAttributeNS, SaxesParser, type SaxesStartTagNS, type SaxesTagNS } from 'saxes';

export type XmlParseErrorCode =
  | 'TOO_LARGE'
  | 'ENCODING'
  | 'DOCTYPE'
  | 'ENTITY'
  | 'PROCESSING_INSTRUCTION'
  | 'XML_VERSION'
  | 'TOO_DEEP'
  | 'TOO_MANY_ELEMENTS'
  | 'TEXT_TOO_LONG'
  | 'MIXED_CONTENT'
  | 'CONTENT_AFTER_ROOT'
  | 'TRUNCATED'
  | 'MALFORMED';

/** Why a document was refused, where (1-based line and column) and a Dutch explanation. */
export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';

  constructor(
    readonly code: XmlParseErrorCode,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

export interface XmlAttribute {
  readonly name: string;
  readonly namespace: string;
  readonly value: string;
}

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI; '' for an element in no namespace. */
  readonly namespace: string;
  readonly prefix: string;
  /** Attributes other than namespace declarations. */
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /**
   * Character data of an element without child elements (CDATA and references resolved). For
   * an element with children this is '' — the parser guarantees it only had whitespace there.
   */
  readonly text: string;
  /** Position of the start tag's '<'. Columns count UTF-16 code units, like JS strings. */
  readonly line: number;
  readonly column: number;
  /** Position of the end tag's '<' (of the start tag for an empty-element tag `<x/>`). */
  readonly endLine: number;
  readonly endColumn: number;
}

export interface XmlParseLimits {
  /** Byte length of the document; 25 MB is the file limit of the iStandaarden. */
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
  /** Characters of text in one element. */
  maxTextLength: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlParseLimits> = {
  maxBytes: 25 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 200_000,
  maxTextLength: 10_000,
};

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: XmlParseError };

interface ElementUnderConstruction {
  name: string;
  namespace: string;
  prefix: string;
  attributes: XmlAttribute[];
  children: ElementUnderConstruction[];
  text: string;
  /** Source index of the first non-whitespace character of its text, -1 while there is none. */
  firstTextIndex: number;
  startIndex: number;
  endIndex: number;
}

/** Thrown from inside saxes' callbacks to stop parsing at the first rejection. */
class Rejection {
  constructor(readonly error: XmlParseError) {}
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const NO_ATTRIBUTES: XmlAttribute[] = [];

/** Parses an untrusted document; never throws for bad input, only returns a rejection. */
export function parseSecureXml(
  input: Uint8Array | string,
  limits: Partial<XmlParseLimits> = {},
): XmlParseResult {
  const effective: XmlParseLimits = { ...DEFAULT_XML_LIMITS, ...limits };
  const decoded = decode(input, effective.maxBytes);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, root: new DocumentBuilder(decoded.text, effective).build() };
  } catch (thrown) {
    if (thrown instanceof Rejection) return { ok: false, error: thrown.error };
    throw thrown;
  }
}

type Decoded = { ok: true; text: string } | { ok: false; error: XmlParseError };

function decode(input: Uint8Array | string, maxBytes: number): Decoded {
  // Size first, so nothing below ever touches more than the limit.
  const byteLength = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (byteLength > maxBytes) {
    return reject(
      'TOO_LARGE',
      1,
      1,
      `Het document is ${formatMegabytes(byteLength)} groot; de grens is ${formatMegabytes(maxBytes)}.`,
    );
  }
  // The declaration is read before decoding, so a Latin-1 document is refused for what it
  // declares rather than for the first byte that happens not to be UTF-8.
  const declared = typeof input === 'string' ? undefined : declaredEncoding(input);
  if (declared !== undefined && declared.toUpperCase() !== 'UTF-8') return refuseEncoding(declared);
  if (typeof input === 'string') {
    const loneSurrogate = /\p{Cs}/u.exec(input);
    if (loneSurrogate) {
      const { line, column } = new LineIndex(input).locate(loneSurrogate.index);
      return reject('ENCODING', line, column, 'Het document bevat een ongeldig teken (losse surrogaat).');
    }
    return { ok: true, text: input.startsWith('\uFEFF') ? input.slice(1) : input };
  }
  try {
    // The default (ignoreBOM: false) drops a leading UTF-8 byte order mark, which is allowed.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    const offset = firstInvalidUtf8Offset(input);
    const before = new TextDecoder('utf-8').decode(input.subarray(0, offset));
    const { line, column } = new LineIndex(before).locate(before.length);
    return reject(
      'ENCODING',
      line,
      column,
      `Het document is geen geldige UTF-8: ongeldige byte 0x${(input[offset] ?? 0).toString(16).padStart(2, '0')} op positie ${offset}.`,
    );
  }
}

/** The encoding named in the XML declaration at the very start of the bytes, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // An XML declaration is ASCII and short; latin1 maps every byte, so this never throws.
  const head = Buffer.from(bytes.subarray(start, start + 200)).toString('latin1');
  const declaration = /^<\?xml\s[^?]*\?>/.exec(head)?.[0];
  return declaration === undefined ? undefined : /\sencoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
}

function refuseEncoding(encoding: string) {
  return reject(
    'ENCODING',
    1,
    1,
    `Tekencodering ${encoding} wordt niet geaccepteerd; alleen UTF-8 is toegestaan.`,
  );
}

function reject(code: XmlParseErrorCode, line: number, column: number, message: string) {
  return { ok: false as const, error: new XmlParseError(code, line, column, message) };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** Only called after TextDecoder refused the bytes, to say where. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

/** Maps a string index to a 1-based line and column; CR LF, CR and LF all end a line, as in XML. */
class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.lineStarts.push(i + 1);
    }
  }

  locate(index: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: index - (this.lineStarts[low] ?? 0) + 1 };
  }
}

function isXmlWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function firstNonWhitespace(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) if (!isXmlWhitespace(text.charCodeAt(i))) return i;
  return -1;
}

class DocumentBuilder {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly lines: LineIndex;
  private readonly stack: ElementUnderConstruction[] = [];
  private root: ElementUnderConstruction | undefined;
  private elementCount = 0;
  /** Source index just after the last markup construct, where any following text starts. */
  private lastMarkupEnd = 0;
  private ending = false;

  constructor(
    private readonly source: string,
    private readonly limits: XmlParseLimits,
  ) {
    this.lines = new LineIndex(source);
  }

  build(): XmlElement {
    const parser = this.parser;
    parser.on('error', (error) => this.onSaxesError(error));
    parser.on('xmldecl', (declaration) => {
      if (declaration.version !== undefined && declaration.version !== '1.0') {
        this.fail(
          'XML_VERSION',
          0,
          `XML-versie ${declaration.version} wordt niet ondersteund; verwacht 1.0.`,
        );
      }
      const encoding = declaration.encoding;
      if (encoding !== undefined && encoding.toUpperCase() !== 'UTF-8') {
        throw new Rejection(refuseEncoding(encoding).error);
      }
      this.lastMarkupEnd = parser.position;
    });
    parser.on('doctype', () => {
      // Refused whatever it contains: a DTD is how entity expansion (billion laughs) and
      // external entities (XXE) get in, and the messages never need one.
      const start = this.source.indexOf('<!DOCTYPE', this.lastMarkupEnd);
      this.fail(
        'DOCTYPE',
        start >= 0 ? start : parser.position,
        'Een DOCTYPE (DTD) is niet toegestaan; entiteitdeclaraties en externe verwijzingen worden niet verwerkt.',
      );
    });
    parser.on('processinginstruction', (instruction) => {
      const start = this.source.lastIndexOf('<?', parser.position);
      this.fail(
        'PROCESSING_INSTRUCTION',
        start >= 0 ? start : parser.position,
        `Verwerkingsinstructie <?${instruction.target} ...?> is niet toegestaan.`,
      );
    });
    parser.on('comment', () => {
      this.lastMarkupEnd = parser.position;
    });
    parser.on('opentagstart', (tag) => this.onOpenTagStart(tag));
    parser.on('opentag', (tag) => this.onOpenTag(tag));
    parser.on('closetag', (tag) => this.onCloseTag(tag));
    parser.on('text', (text) => this.onText(text, firstNonWhitespace(this.source, this.lastMarkupEnd)));
    parser.on('cdata', (text) => {
      const start = this.source.indexOf('<![CDATA[', this.lastMarkupEnd);
      const contentStart = start >= 0 ? start + '<![CDATA['.length : parser.position;
      const offset = firstNonWhitespace(text);
      this.onText(text, offset >= 0 ? contentStart + offset : -1);
      this.lastMarkupEnd = parser.position;
    });

    parser.write(this.source);
    this.ending = true;
    parser.close();
    if (this.root === undefined) {
      return this.fail('TRUNCATED', this.source.length, 'Het document bevat geen root-element.');
    }
    return this.freeze(this.root);
  }

  private fail(code: XmlParseErrorCode, index: number, message: string): never {
    const { line, column } = this.lines.locate(Math.max(0, Math.min(index, this.source.length)));
    throw new Rejection(new XmlParseError(code, line, column, message));
  }

  private onOpenTagStart(tag: SaxesStartTagNS): void {
    const start = this.source.lastIndexOf('<', this.parser.position - 1);
    if (this.stack.length + 1 > this.limits.maxDepth) {
      this.fail('TOO_DEEP', start, `Het document is dieper genest dan ${this.limits.maxDepth} niveaus.`);
    }
    this.elementCount += 1;
    if (this.elementCount > this.limits.maxElements) {
      this.fail(
        'TOO_MANY_ELEMENTS',
        start,
        `Het document bevat meer dan ${this.limits.maxElements} elementen.`,
      );
    }
    const parent = this.stack.at(-1);
    if (parent === undefined && this.root !== undefined) {
      this.fail(
        'CONTENT_AFTER_ROOT',
        start,
        `Na het einde van root-element ${this.root.name} staat nog een element ${tag.name}; dat is niet toegestaan.`,
      );
    }
    if (parent !== undefined && parent.firstTextIndex >= 0) {
      this.failMixedContent(parent, parent.firstTextIndex);
    }
    // Name and namespace are filled in at 'opentag', once the tag's xmlns attributes are known.
    const element: ElementUnderConstruction = {
      name: tag.name,
      namespace: '',
      prefix: '',
      attributes: NO_ATTRIBUTES,
      children: [],
      text: '',
      firstTextIndex: -1,
      startIndex: start,
      endIndex: start,
    };
    if (parent === undefined) this.root = element;
    else parent.children.push(element);
    this.stack.push(element);
  }

  private onOpenTag(tag: SaxesTagNS): void {
    const element = this.stack.at(-1);
    if (element === undefined) return;
    element.name = tag.local;
    element.namespace = tag.uri;
    element.prefix = tag.prefix;
    const attributes = tag.attributes as Record<string, SaxesAttributeNS>;
    for (const key in attributes) {
      const attribute = attributes[key];
      if (attribute === undefined || attribute.uri === XMLNS_URI) continue;
      // Allocated only when needed: most elements have none, and 200,000 empty arrays show in GC.
      if (element.attributes === NO_ATTRIBUTES) element.attributes = [];
      element.attributes.push({ name: attribute.local, namespace: attribute.uri, value: attribute.value });
    }
    this.lastMarkupEnd = this.parser.position;
  }

  private onCloseTag(tag: SaxesTagNS): void {
    const element = this.stack.pop();
    if (element === undefined) return;
    element.endIndex = tag.isSelfClosing
      ? element.startIndex
      : this.source.lastIndexOf('</', this.parser.position - 1);
    this.lastMarkupEnd = this.parser.position;
  }

  /** `firstTextIndex`: source index of the text's first non-whitespace character, or -1. */
  private onText(text: string, firstTextIndex: number): void {
    const element = this.stack.at(-1);
    // Outside the root saxes itself rejects anything but whitespace (see onSaxesError).
    if (element === undefined) return;
    const hasContent = firstNonWhitespace(text) >= 0;
    if (element.children.length > 0) {
      if (hasContent) this.failMixedContent(element, firstTextIndex);
      // Whitespace between child elements is layout, not data.
      return;
    }
    if (element.text.length + text.length > this.limits.maxTextLength) {
      this.fail(
        'TEXT_TOO_LONG',
        element.startIndex,
        `De tekst in element ${element.name} is langer dan ${this.limits.maxTextLength} tekens.`,
      );
    }
    element.text += text;
    if (hasContent && element.firstTextIndex < 0) element.firstTextIndex = firstTextIndex;
  }

  private failMixedContent(element: ElementUnderConstruction, textIndex: number): never {
    return this.fail(
      'MIXED_CONTENT',
      textIndex >= 0 ? textIndex : element.startIndex,
      `Element ${element.name} bevat zowel tekst als onderliggende elementen; dat is niet toegestaan.`,
    );
  }

  private onSaxesError(error: Error): never {
    // saxes prefixes "line:column: "; the bare message is what classifies the problem.
    const detail = error.message.replace(/^\d+:\d+: /, '');
    const position = this.parser.position;
    if (this.ending) {
      const open = this.stack.at(-1);
      let message = 'Het document is onvolledig afgebroken.';
      if (this.root === undefined) message = 'Het document bevat geen root-element.';
      else if (open !== undefined) {
        const openedOn = this.lines.locate(open.startIndex).line;
        message = `Het document is onvolledig: element ${open.name} (regel ${openedOn}) is niet afgesloten.`;
      }
      return this.fail('TRUNCATED', this.source.length, message);
    }
    if (detail === 'inappropriately located doctype declaration.') {
      return this.fail(
        'DOCTYPE',
        this.source.lastIndexOf('<!DOCTYPE', position),
        'Een DOCTYPE (DTD) is niet toegestaan.',
      );
    }
    if (detail === 'undefined entity.' || detail === 'disallowed character in entity name.') {
      const start = this.source.lastIndexOf('&', position - 1);
      const reference = start >= 0 ? this.source.slice(start, position) : '';
      return this.fail(
        'ENTITY',
        start >= 0 ? start : position,
        `Onbekende entiteit ${reference}; alleen &amp; &lt; &gt; &quot; &apos; en tekenreferenties zijn toegestaan.`,
      );
    }
    if (detail === 'malformed character entity.') {
      const start = this.source.lastIndexOf('&', position - 1);
      return this.fail('ENTITY', start >= 0 ? start : position, 'Ongeldige tekenreferentie.');
    }
    if (detail === 'processing instructions are not allowed before root.') {
      return this.fail('PROCESSING_INSTRUCTION', position, 'Verwerkingsinstructies zijn niet toegestaan.');
    }
    const rootClosed = this.root !== undefined && this.stack.length === 0;
    if (
      rootClosed &&
      (detail === 'text data outside of root node.' || detail === 'documents may contain only one root.')
    ) {
      const start = firstNonWhitespace(this.source, this.lastMarkupEnd);
      return this.fail(
        'CONTENT_AFTER_ROOT',
        start >= 0 ? start : position,
        `Na het einde van root-element ${this.root?.name ?? ''} staat nog inhoud; dat is niet toegestaan.`,
      );
    }
    return this.fail('MALFORMED', Math.max(0, position - 1), `Het document is geen geldige XML: ${detail}`);
  }

  private freeze(element: ElementUnderConstruction): XmlElement {
    const start = this.lines.locate(element.startIndex);
    const end = this.lines.locate(element.endIndex);
    return {
      name: element.name,
      namespace: element.namespace,
      prefix: element.prefix,
      attributes: element.attributes,
      children: element.children.map((child) => this.freeze(child)),
      text: element.children.length > 0 ? '' : element.text,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  }
}
