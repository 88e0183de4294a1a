/**
 * Serialising a message object to iWmo/iJw XML: UTF-8, the message and basisschema namespaces
 * with their customary prefixes, elements in schema order whatever the object's key order. What
 * it writes is read back and validated, so an invalid message never leaves this module: that is
 * a programming error and throws with the violations.
 */
import type { ComplexTypeDef, MessageSchema } from '../standard/model.js';
import { parseSecureXml } from './secure-xml.js';
import {
  elementNamespaceOf,
  type MessageObject,
  type MessageValue,
  type Violation,
  type ViolationCode,
  validateMessage,
} from './validate.js';

/** A message that does not fit its schema was about to be written. */
export class InvalidMessageError extends Error {
  override readonly name = 'InvalidMessageError';

  constructor(
    readonly messageName: string,
    readonly violations: readonly Violation[],
  ) {
    super(
      `Bericht ${messageName} voldoet niet aan het schema:\n${violations
        .map((violation) => `- ${violation.path}: ${violation.message}`)
        .join('\n')}`,
    );
  }
}

/**
 * Index of the first character XML 1.0 cannot carry at all, not even as a character reference
 * (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, unpaired surrogates); -1 if none.
 */
function firstNonXmlCharacter(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return i;
    if (code === 0xfffe || code === 0xffff) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return i;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

export function writeMessage(message: MessageObject, schema: MessageSchema): string {
  const writer = new Writer(schema);
  const body = writer.writeRoot(message);
  if (writer.problems.length > 0) throw new InvalidMessageError(schema.message, writer.problems);

  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  const parsed = parseSecureXml(xml);
  if (!parsed.ok) {
    throw new Error(`Geschreven bericht ${schema.message} is onleesbaar: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  const validated = validateMessage(parsed.root, schema);
  if (!validated.ok) throw new InvalidMessageError(schema.message, validated.violations);
  return xml;
}

class Writer {
  readonly problems: Violation[] = [];
  private readonly messagePrefix: string;
  private readonly basePrefix: string;

  constructor(private readonly schema: MessageSchema) {
    // The prefixes of the published examples: jw315/wmo301 for the message, ijw/iwmo for the base.
    this.messagePrefix = schema.message.toLowerCase();
    this.basePrefix = schema.standard;
  }

  writeRoot(message: MessageObject): string {
    const prefix = this.messagePrefix;
    const declarations =
      ` xmlns:${prefix}="${escapeAttribute(this.schema.namespace)}"` +
      ` xmlns:${this.basePrefix}="${escapeAttribute(this.schema.baseNamespace)}"`;
    const rootType = this.complexType(this.schema.rootType);
    const content = this.writeChildren(message, this.schema.rootType, rootType, 'Bericht', 1);
    return `<${prefix}:Bericht${declarations}>\n${content}</${prefix}:Bericht>\n`;
  }

  private writeChildren(
    object: MessageObject,
    typeName: string,
    type: ComplexTypeDef,
    path: string,
    depth: number,
  ): string {
    const prefix =
      elementNamespaceOf(this.schema, typeName, type) === this.schema.namespace
        ? this.messagePrefix
        : this.basePrefix;
    const known = new Set(type.sequence.map((particle) => particle.name));
    for (const key of Object.keys(object)) {
      if (!known.has(key) && object[key] !== undefined) {
        this.problem(
          'UNEXPECTED_ELEMENT',
          `${path}/${key}`,
          `Element ${key} bestaat niet in ${lastStep(path)}.`,
        );
      }
    }

    let out = '';
    for (const particle of type.sequence) {
      const value = object[particle.name];
      if (value === undefined) continue;
      const childPath = `${path}/${particle.name}`;
      const repeatable = particle.maxOccurs !== 1;
      if (repeatable !== Array.isArray(value)) {
        this.problem(
          repeatable ? 'UNEXPECTED_CHILDREN' : 'TOO_MANY_OCCURRENCES',
          childPath,
          repeatable
            ? `Element ${particle.name} kan vaker voorkomen en moet een lijst zijn.`
            : `Element ${particle.name} komt hoogstens één keer voor en mag geen lijst zijn.`,
        );
        continue;
      }
      const occurrences: readonly MessageValue[] = Array.isArray(value) ? value : [value as MessageValue];
      occurrences.forEach((occurrence, index) => {
        const occurrencePath = repeatable ? `${childPath}[${index + 1}]` : childPath;
        out += this.writeElement(
          `${prefix}:${particle.name}`,
          occurrence,
          particle.type,
          occurrencePath,
          depth,
        );
      });
    }
    return out;
  }

  private writeElement(
    qualifiedName: string,
    value: MessageValue,
    typeName: string,
    path: string,
    depth: number,
  ) {
    const indent = '\t'.repeat(depth);
    const type = this.schema.types[typeName];
    if (type === undefined)
      throw new Error(`Type ${typeName} ontbreekt in het schema van ${this.schema.message}`);
    if (type.kind === 'simple') {
      if (typeof value !== 'string') {
        this.problem('UNEXPECTED_CHILDREN', path, `Element ${lastStep(path)} verwacht een tekstwaarde.`);
        return '';
      }
      const invalid = firstNonXmlCharacter(value);
      if (invalid >= 0) {
        const code = value.charCodeAt(invalid).toString(16).toUpperCase().padStart(4, '0');
        this.problem(
          'INVALID_CHARACTER',
          path,
          `Waarde in ${lastStep(path)} bevat teken U+${code}, dat XML niet toelaat.`,
        );
        return '';
      }
      return `${indent}<${qualifiedName}>${escapeText(value)}</${qualifiedName}>\n`;
    }
    if (typeof value === 'string') {
      this.problem(
        'UNEXPECTED_TEXT',
        path,
        `Element ${lastStep(path)} verwacht onderliggende elementen, geen tekst.`,
      );
      return '';
    }
    const content = this.writeChildren(value, typeName, type, path, depth + 1);
    return content === ''
      ? `${indent}<${qualifiedName}/>\n`
      : `${indent}<${qualifiedName}>\n${content}${indent}</${qualifiedName}>\n`;
  }

  private complexType(typeName: string): ComplexTypeDef {
    const type = this.schema.types[typeName];
    if (type?.kind !== 'complex')
      throw new Error(`Type ${typeName} is geen complex type in ${this.schema.message}`);
    return type;
  }

  private problem(code: ViolationCode, path: string, message: string): void {
    // Not from a document, so there is no position; the path says where.
    this.problems.push({ code, message, path, line: 0, column: 0 });
  }
}

function lastStep(path: string): string {
  return (path.split('/').at(-1) ?? path).replace(/\[\d+\]$/, '');
}

/** Text content: & and < always; > for "]]>"; CR as a reference, else a reader turns it into LF. */
function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

function escapeAttribute(value: string): string {
  return value.replace(/[&<"]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };
