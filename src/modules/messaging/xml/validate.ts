/**
 * Validation of a parsed message against its MessageSchema, with the result as a plain object.
 * Checks what the XSDs check — root, namespaces, sequence order, occurrences, unknown elements,
 * simple values — and reports every violation (up to a bound) with position, element path and a
 * Dutch reason, because a care provider needs all of them at once to repair a message.
 */
import type { ComplexTypeDef, ElementDef, MessageSchema, TypeDef } from '../standard/model.js';
import { parseSecureXml, type XmlElement, type XmlParseError, type XmlParseLimits } from './secure-xml.js';
import { compileSimpleType, type SimpleValueChecker, type SimpleValueProblemCode } from './simple-value.js';

/**
 * A message as data: one key per element present, its text for a simple type, an object for a
 * complex type, and an array for an element that may occur more than once (maxOccurs > 1), even
 * when it occurs once. Optional elements that are absent have no key.
 */
export type MessageValue = string | MessageObject;
export interface MessageObject {
  readonly [element: string]: MessageValue | readonly MessageValue[] | undefined;
}

export type ViolationCode =
  | SimpleValueProblemCode
  | 'WRONG_ROOT'
  | 'WRONG_NAMESPACE'
  | 'MISSING_ELEMENT'
  | 'TOO_MANY_OCCURRENCES'
  | 'UNEXPECTED_ELEMENT'
  | 'MISPLACED_ELEMENT'
  | 'UNEXPECTED_ATTRIBUTE'
  | 'UNEXPECTED_CHILDREN'
  | 'UNEXPECTED_TEXT'
  /** Only from the writer: a character XML 1.0 cannot represent. */
  | 'INVALID_CHARACTER';

export interface Violation {
  readonly code: ViolationCode;
  /** Dutch, naming the element and what was expected. */
  readonly message: string;
  /** E.g. Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang/Volume */
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export type MessageValidationResult =
  | { ok: true; message: MessageObject }
  | {
      ok: false;
      violations: readonly Violation[] /** More violations existed than reported. */;
      truncated: boolean;
    };

export interface ValidationOptions {
  maxViolations?: number;
  /**
   * Filled with the start-tag position of every element by path, so checks that run after
   * validation (the standard's rules) can point a provider at a line. Off by default: the
   * ingest pipeline does not need it.
   */
  positions?: Map<string, ElementPosition>;
}

export interface ElementPosition {
  readonly line: number;
  readonly column: number;
}

export const DEFAULT_MAX_VIOLATIONS = 100;

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
/** Hints for locating a schema; XSD validators accept them on any element and so do we. */
const ALLOWED_XSI_ATTRIBUTES = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

/**
 * The namespace of the elements declared inside a complex type. The XSDs have
 * elementFormDefault="qualified", so a local element is in the target namespace of the schema
 * that declares it: the children of a basisschema type (CDT_Omvang's Volume) are in the
 * basisschema namespace even when the parent element (Omvang) is in the message namespace.
 * The model marks the origin only through the type key: message-local types carry a prefix
 * ("jw315:Client"), basisschema types keep their bare XSD name ("CDT_Omvang"). An explicit
 * `elementNamespace` on the type, if the model gains one, takes precedence.
 */
export function elementNamespaceOf(schema: MessageSchema, typeName: string, type: ComplexTypeDef): string {
  if ('elementNamespace' in type) {
    if (type.elementNamespace === 'message') return schema.namespace;
    if (type.elementNamespace === 'base') return schema.baseNamespace;
  }
  return typeName.includes(':') ? schema.namespace : schema.baseNamespace;
}

/** Parses untrusted bytes and validates them; the one entry point for received messages. */
export type ParseMessageResult =
  | { ok: true; message: MessageObject }
  | { ok: false; kind: 'unreadable'; error: XmlParseError }
  | { ok: false; kind: 'invalid'; violations: readonly Violation[]; truncated: boolean };

export function parseMessage(
  input: Uint8Array | string,
  schema: MessageSchema,
  options: ValidationOptions & { limits?: Partial<XmlParseLimits> } = {},
): ParseMessageResult {
  const parsed = parseSecureXml(input, options.limits);
  if (!parsed.ok) return { ok: false, kind: 'unreadable', error: parsed.error };
  const validated = validateMessage(parsed.root, schema, options);
  if (validated.ok) return validated;
  return { ok: false, kind: 'invalid', violations: validated.violations, truncated: validated.truncated };
}

export function validateMessage(
  root: XmlElement,
  schema: MessageSchema,
  options: ValidationOptions = {},
): MessageValidationResult {
  const validator = new Validator(
    schema,
    compiledCheckers(schema),
    options.maxViolations ?? DEFAULT_MAX_VIOLATIONS,
    options.positions,
  );
  const message = validator.validateRoot(root);
  if (validator.violations.length === 0 && !validator.truncated && message !== undefined) {
    return { ok: true, message };
  }
  return { ok: false, violations: validator.violations, truncated: validator.truncated };
}

/** Compiled simple-type checkers per schema, so patterns are translated once per process. */
const checkerCache = new WeakMap<MessageSchema, Map<string, SimpleValueChecker>>();

function compiledCheckers(schema: MessageSchema): Map<string, SimpleValueChecker> {
  let checkers = checkerCache.get(schema);
  if (checkers === undefined) {
    checkers = new Map();
    for (const [name, type] of Object.entries(schema.types)) {
      if (type.kind === 'simple') checkers.set(name, compileSimpleType(type));
    }
    checkerCache.set(schema, checkers);
  }
  return checkers;
}

class Validator {
  readonly violations: Violation[] = [];
  truncated = false;

  constructor(
    private readonly schema: MessageSchema,
    private readonly checkers: Map<string, SimpleValueChecker>,
    private readonly maxViolations: number,
    private readonly positions: Map<string, ElementPosition> | undefined,
  ) {}

  validateRoot(root: XmlElement): MessageObject | undefined {
    if (root.name !== 'Bericht') {
      this.report('WRONG_ROOT', root, root.name, `Het root-element is ${root.name}; verwacht Bericht.`);
      return undefined;
    }
    this.checkNamespace(root, 'Bericht', this.schema.namespace);
    const value = this.validateElement(root, this.schema.rootType, 'Bericht');
    return typeof value === 'object' ? value : undefined;
  }

  private validateElement(element: XmlElement, typeName: string, path: string): MessageValue | undefined {
    this.positions?.set(path, { line: element.line, column: element.column });
    this.checkAttributes(element, path);
    const type = this.typeNamed(typeName);
    switch (type.kind) {
      case 'simple':
        return this.validateSimple(element, typeName, path);
      case 'complex':
        return this.validateComplex(element, typeName, type, path);
      default: {
        const unknownKind: never = type;
        throw new Error(`Onbekend soort type ${JSON.stringify(unknownKind)}`);
      }
    }
  }

  private validateSimple(element: XmlElement, typeName: string, path: string): string | undefined {
    const firstChild = element.children[0];
    if (firstChild !== undefined) {
      this.report(
        'UNEXPECTED_CHILDREN',
        firstChild,
        path,
        `Element ${element.name} mag alleen een waarde bevatten, geen elementen (gevonden: ${firstChild.name}).`,
      );
      return undefined;
    }
    const checker = this.checkers.get(typeName);
    if (checker === undefined) throw new Error(`Geen controle voor type ${typeName}`);
    const result = checker(element.text, element.name);
    if (!result.ok) {
      this.report(result.code, element, path, result.reason);
      return undefined;
    }
    return result.value;
  }

  private validateComplex(
    element: XmlElement,
    typeName: string,
    type: ComplexTypeDef,
    path: string,
  ): MessageObject {
    const namespace = elementNamespaceOf(this.schema, typeName, type);
    const sequence = type.sequence;
    const result: Record<string, MessageValue | MessageValue[]> = {};
    if (element.children.length === 0 && /[^\x20\t\n\r]/.test(element.text)) {
      this.report(
        'UNEXPECTED_TEXT',
        element,
        path,
        `Element ${element.name} mag geen tekst bevatten, alleen de elementen ${describeSequence(sequence)}.`,
      );
    }

    const counts = sequence.map(() => 0);
    let current = 0;
    let lastAccepted: string | undefined;
    const unexpectedCounts = new Map<string, number>();
    // How often each name still occurs among the children not yet visited: an element skipped
    // over that comes later is out of order, and is reported once, as misplaced, not as missing.
    const remaining = new Map<string, number>();
    for (const child of element.children) remaining.set(child.name, (remaining.get(child.name) ?? 0) + 1);

    for (const child of element.children) {
      remaining.set(child.name, (remaining.get(child.name) ?? 1) - 1);
      const index = indexOfParticle(sequence, child.name, current);
      if (index === -1) {
        const earlier = indexOfParticle(sequence, child.name, 0);
        const childPath = `${path}/${child.name}${this.occurrenceSuffix(unexpectedCounts, child.name)}`;
        if (earlier >= 0) {
          const expectedHere = sequence[current]?.name ?? '';
          this.report(
            'MISPLACED_ELEMENT',
            child,
            childPath,
            `Element ${child.name} staat op de verkeerde plaats in ${element.name}: het hoort vóór ${expectedHere}.`,
          );
        } else {
          const expected = expectedNext(sequence, counts, current);
          this.report(
            'UNEXPECTED_ELEMENT',
            child,
            childPath,
            `Element ${child.name} is hier niet toegestaan in ${element.name}; verwacht ${
              lastAccepted === undefined ? 'als eerste' : `na ${lastAccepted}`
            }: ${expected.length > 0 ? expected.join(' of ') : 'geen element meer'}.`,
          );
        }
        continue;
      }

      // Elements the sequence requires between the current position and this child are missing.
      for (let skipped = current; skipped < index; skipped++) {
        const name = sequence[skipped]?.name ?? '';
        if ((remaining.get(name) ?? 0) > 0) continue;
        this.reportMissing(sequence, counts, skipped, element, child, path, lastAccepted);
      }
      current = index;
      const particle = sequence[index] as ElementDef;
      counts[index] = (counts[index] ?? 0) + 1;
      const occurrence = counts[index] ?? 1;
      const repeatable = particle.maxOccurs !== 1;
      const childPath = `${path}/${child.name}${repeatable ? `[${occurrence}]` : ''}`;
      const tooMany = particle.maxOccurs !== null && occurrence > particle.maxOccurs;
      if (tooMany) {
        this.report(
          'TOO_MANY_OCCURRENCES',
          child,
          childPath,
          particle.maxOccurs === 1
            ? `Element ${child.name} mag maar één keer voorkomen in ${element.name}.`
            : `Element ${child.name} mag hoogstens ${particle.maxOccurs} keer voorkomen in ${element.name}.`,
        );
      }
      this.checkNamespace(child, childPath, namespace);
      lastAccepted = child.name;
      if (tooMany) continue;

      const value = this.validateElement(child, particle.type, childPath);
      if (value === undefined) continue;
      if (repeatable) {
        const list = result[particle.name];
        if (Array.isArray(list)) list.push(value);
        else result[particle.name] = [value];
      } else {
        result[particle.name] = value;
      }
    }

    for (let rest = current; rest < sequence.length; rest++) {
      this.reportMissing(sequence, counts, rest, element, undefined, path, lastAccepted);
    }
    return result;
  }

  private reportMissing(
    sequence: readonly ElementDef[],
    counts: readonly number[],
    index: number,
    parent: XmlElement,
    followedBy: XmlElement | undefined,
    path: string,
    lastAccepted: string | undefined,
  ): void {
    const particle = sequence[index];
    const count = counts[index] ?? 0;
    if (particle === undefined || count >= particle.minOccurs) return;
    const where =
      lastAccepted === undefined
        ? `aan het begin van ${parent.name}`
        : `na ${lastAccepted} in ${parent.name}`;
    const message =
      particle.minOccurs > 1 && count > 0
        ? `Element ${particle.name} komt ${count} keer voor in ${parent.name}; minimaal ${particle.minOccurs} keer verwacht.`
        : `Element ${particle.name} ontbreekt ${where}.`;
    // A missing element is reported where it should have been: before the next element, or at
    // the parent's end tag when nothing follows.
    const position = followedBy ?? { line: parent.endLine, column: parent.endColumn };
    this.report('MISSING_ELEMENT', position, `${path}/${particle.name}`, message);
  }

  private checkNamespace(element: XmlElement, path: string, expected: string): void {
    if (element.namespace === expected) return;
    this.report(
      'WRONG_NAMESPACE',
      element,
      path,
      element.namespace === ''
        ? `Element ${element.name} heeft geen namespace; verwacht ${expected}.`
        : `Element ${element.name} staat in namespace ${element.namespace}; verwacht ${expected}.`,
    );
  }

  private checkAttributes(element: XmlElement, path: string): void {
    for (const attribute of element.attributes) {
      if (attribute.namespace === XSI_NAMESPACE && ALLOWED_XSI_ATTRIBUTES.has(attribute.name)) continue;
      this.report(
        'UNEXPECTED_ATTRIBUTE',
        element,
        path,
        `Attribuut ${attribute.name} is niet toegestaan op element ${element.name}.`,
      );
    }
  }

  private occurrenceSuffix(counts: Map<string, number>, name: string): string {
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    return count > 1 ? `[${count}]` : '';
  }

  private typeNamed(typeName: string): TypeDef {
    const type = this.schema.types[typeName];
    // A dangling type reference is a defect of the schema model, not of the message.
    if (type === undefined)
      throw new Error(`Type ${typeName} ontbreekt in het schema van ${this.schema.message}`);
    return type;
  }

  private report(
    code: ViolationCode,
    at: { line: number; column: number },
    path: string,
    message: string,
  ): void {
    if (this.violations.length >= this.maxViolations) {
      this.truncated = true;
      return;
    }
    this.violations.push({ code, message, path, line: at.line, column: at.column });
  }
}

function indexOfParticle(sequence: readonly ElementDef[], name: string, from: number): number {
  for (let i = from; i < sequence.length; i++) if (sequence[i]?.name === name) return i;
  return -1;
}

/** The elements that could legally come next: up to and including the first required one. */
function expectedNext(sequence: readonly ElementDef[], counts: readonly number[], current: number): string[] {
  const names: string[] = [];
  for (let i = current; i < sequence.length; i++) {
    const particle = sequence[i] as ElementDef;
    const count = counts[i] ?? 0;
    if (particle.maxOccurs === null || count < particle.maxOccurs) names.push(particle.name);
    if (count < particle.minOccurs) break;
  }
  return names;
}

function describeSequence(sequence: readonly ElementDef[]): string {
  return sequence.map((particle) => particle.name).join(', ');
}
