/**
 * Generates the messaging module's model of the iWmo 3.2 and iJw 3.2 messages from the official
 * XSDs (see src/modules/messaging/standard/model.ts):
 *
 *   npx tsx scripts/istandaard-codegen.ts            write the generated files
 *   npx tsx scripts/istandaard-codegen.ts --check    exit 1 when the committed files are stale
 *   ... [--source <dir>]                             another copy of the reference material
 *
 * The XSDs of release 3.2 use a small part of XML Schema (named complex types that are one
 * sequence of elements, simple types that restrict a built-in or another simple type with
 * enumeration, pattern, length and bound facets). The reader accepts exactly that part and
 * fails loudly, with file and line, on anything else, so that a new release that uses more of
 * XML Schema cannot be modelled wrongly without anyone noticing.
 *
 * The iWmo reference set lacks the retour messages (WMO302/306/308/316/318/320) and WMO325.
 * They are derived from their iJw counterparts (see `deriveIwmoRetour`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type {
  ComplexTypeDef,
  ElementDef,
  MessageSchema,
  SimpleTypeDef,
  Standard,
  TypeDef,
} from '../src/modules/messaging/standard/model.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const BUILT_INS: Readonly<Record<string, SimpleTypeDef['base']>> = {
  string: 'string',
  integer: 'integer',
  date: 'date',
  time: 'time',
};

/** The project root (this file lives in <root>/scripts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The reference material, next to the project. */
export const DEFAULT_SOURCE_DIR = fileURLToPath(new URL('../../shared/istandaarden/', import.meta.url));

export const OUTPUT_FILES = {
  iwmo: 'src/modules/messaging/standard/iwmo-schemas.ts',
  ijw: 'src/modules/messaging/standard/ijw-schemas.ts',
} as const;

/** The iWmo messages that have an XSD in the reference set. */
const IWMO_FROM_XSD = ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO319', 'WMO323'] as const;
/** The iWmo messages derived from the iJw retour schema, with the heen message they answer. */
const IWMO_DERIVED: readonly { message: string; heen: string }[] = [
  { message: 'WMO302', heen: 'WMO301' },
  { message: 'WMO306', heen: 'WMO305' },
  { message: 'WMO308', heen: 'WMO307' },
  { message: 'WMO316', heen: 'WMO315' },
  { message: 'WMO318', heen: 'WMO317' },
  { message: 'WMO320', heen: 'WMO319' },
  { message: 'WMO325', heen: 'WMO323' },
];
const IJW_MESSAGES = [
  'JW301',
  'JW302',
  'JW305',
  'JW306',
  'JW307',
  'JW308',
  'JW315',
  'JW316',
  'JW317',
  'JW318',
  'JW319',
  'JW320',
  'JW323',
  'JW325',
] as const;

/**
 * COD002 (Vektis), the BerichtCodes of iWmo 3.2. The iWmo XSDs that exist are checked against
 * it; the derived retour messages take their code from it.
 */
const IWMO_BERICHTCODES: Readonly<Record<string, number>> = {
  WMO301: 414,
  WMO302: 415,
  WMO305: 418,
  WMO306: 419,
  WMO307: 420,
  WMO308: 421,
  WMO315: 444,
  WMO316: 445,
  WMO317: 480,
  WMO318: 481,
  WMO319: 482,
  WMO320: 483,
  WMO323: 484,
  WMO325: 485,
};

/**
 * basisschema types that the derived iWmo retour messages may take from the iJw basisschema
 * when the iWmo basisschema lacks them. Empty: release 3.2 needs none (both basisschemas define
 * the same type names). Any other missing type stops the generator with the list.
 */
const IJW_BASE_FALLBACKS: ReadonlySet<string> = new Set<string>();

export class CodegenError extends Error {
  override name = 'CodegenError';
}

function fail(message: string): never {
  throw new CodegenError(message);
}

// ---------------------------------------------------------------------------------------------
// Reading an XSD into a raw schema: names still qualified, restriction chains not yet followed.

interface QName {
  ns: string;
  local: string;
}

interface RawFacets {
  patterns: string[];
  enumeration: string[];
  minLength?: number;
  maxLength?: number;
  minInclusive?: number;
  maxInclusive?: number;
}

interface RawSimpleType {
  base: QName;
  facets: RawFacets;
  where: string;
}

interface RawElement {
  name: string;
  type: QName | { inline: RawSimpleType };
  minOccurs: number;
  maxOccurs: number | null;
  where: string;
}

interface RawComplexType {
  sequence: RawElement[];
  where: string;
}

interface RawSchema {
  file: string;
  targetNamespace: string;
  imports: { namespace: string; schemaLocation: string }[];
  globalElements: { name: string; type: QName; where: string }[];
  /** Named complex and simple types, in document order. */
  types: Map<string, { kind: 'complex'; def: RawComplexType } | { kind: 'simple'; def: RawSimpleType }>;
}

type Frame =
  | { kind: 'root' }
  | { kind: 'schema' }
  | { kind: 'import' }
  | { kind: 'globalElement' }
  | { kind: 'complexType'; name: string; def: RawComplexType; sequences: number }
  | { kind: 'sequence'; owner: RawComplexType }
  | { kind: 'element'; element: RawElement; hasType: boolean }
  | { kind: 'simpleType'; name: string | null; element: RawElement | null; restrictions: number }
  | { kind: 'restriction'; def: RawSimpleType }
  | { kind: 'facet' }
  | { kind: 'annotation' }
  /** Inside xs:documentation or xs:appinfo: anything goes and nothing is read. */
  | { kind: 'opaque' };

const FACETS = ['enumeration', 'pattern', 'minLength', 'maxLength', 'minInclusive', 'maxInclusive'] as const;
type Facet = (typeof FACETS)[number];

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  schema: ['targetNamespace', 'elementFormDefault'],
  import: ['namespace', 'schemaLocation'],
  element: ['name', 'type', 'minOccurs', 'maxOccurs'],
  complexType: ['name'],
  sequence: [],
  simpleType: ['name'],
  restriction: ['base'],
  annotation: [],
  documentation: ['source'],
  appinfo: ['source'],
  ...Object.fromEntries(FACETS.map((facet) => [facet, ['value']])),
};

function parseNonNegativeInteger(value: string, where: string, what: string): number {
  if (!/^[0-9]+$/.test(value)) fail(`${where}: ${what} "${value}" is not a non-negative integer`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) fail(`${where}: ${what} "${value}" is too large`);
  return n;
}

function parseInteger(value: string, where: string, what: string): number {
  if (!/^[+-]?[0-9]+$/.test(value)) fail(`${where}: ${what} "${value}" is not an integer`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) fail(`${where}: ${what} "${value}" is outside the safe integer range`);
  return n;
}

/**
 * XSD regular expressions are implicitly anchored and `^`/`$` are ordinary characters in them;
 * XSD also has constructs JavaScript lacks (\i, \c, \p{Is...} blocks, class subtraction) and
 * Unicode-wide \d and \w. The model stores patterns as the XSD spells them; this makes sure
 * `new RegExp('^(?:' + pattern + ')$', 'u')` at least reads them with the same structure. Two
 * differences remain and are the validator's business (src/modules/messaging/xml/xsd-pattern.ts):
 * XSD `\s` is only space, tab, CR and LF, and XSD `.` excludes only CR and LF.
 */
function assertPortablePattern(pattern: string, where: string): void {
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if ('iIcC'.includes(next)) fail(`${where}: pattern "${pattern}" uses the XSD-only escape \\${next}`);
      // In XSD these are Unicode classes (\p{Nd}, word characters); in JavaScript ASCII ones.
      if ('dDwW'.includes(next))
        fail(`${where}: pattern "${pattern}" uses \\${next}, which differs in JavaScript`);
      if ((next === 'p' || next === 'P') && pattern.startsWith('{Is', i + 2)) {
        fail(`${where}: pattern "${pattern}" uses an XSD Unicode block escape`);
      }
      i += 1;
    } else if (inClass) {
      if (c === '-' && pattern[i + 1] === '[') fail(`${where}: pattern "${pattern}" uses class subtraction`);
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i += 1;
      if (pattern[i + 1] === ']') i += 1;
    } else if (c === '^' || c === '$') {
      fail(`${where}: pattern "${pattern}" has a literal ${c}, which JavaScript would read as an anchor`);
    }
  }
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch (error) {
    fail(`${where}: pattern "${pattern}" does not compile as a JavaScript RegExp: ${String(error)}`);
  }
}

export function readXsd(file: string, text: string): RawSchema {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const schema: RawSchema = { file, targetNamespace: '', imports: [], globalElements: [], types: new Map() };
  const frames: Frame[] = [{ kind: 'root' }];
  const scopes: Record<string, string>[] = [{}];
  const where = (): string => `${file}:${parser.line}`;

  const resolveQName = (value: string, what: string): QName => {
    const m = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)$/.exec(value);
    if (!m) fail(`${where()}: ${what} "${value}" is not a QName`);
    const prefix = m[1] ?? '';
    const ns = scopes[scopes.length - 1]?.[prefix];
    if (ns === undefined) fail(`${where()}: ${what} "${value}": prefix "${prefix}" is not declared`);
    return { ns, local: m[2] ?? '' };
  };

  const addType = (name: string, entry: NonNullable<ReturnType<RawSchema['types']['get']>>): void => {
    if (schema.types.has(name)) fail(`${where()}: type ${name} is defined twice`);
    schema.types.set(name, entry);
  };

  const setFacet = (def: RawSimpleType, facet: Facet, value: string): void => {
    const w = where();
    const f = def.facets;
    switch (facet) {
      case 'enumeration':
        f.enumeration.push(value);
        return;
      case 'pattern':
        // Several patterns in one restriction step are alternatives in XSD (only the steps of a
        // chain are conjunctive); the model cannot say that and 3.2 never does it.
        if (f.patterns.length > 0) fail(`${w}: more than one xs:pattern in one restriction`);
        assertPortablePattern(value, w);
        f.patterns.push(value);
        return;
      case 'minLength':
      case 'maxLength':
        if (f[facet] !== undefined) fail(`${w}: xs:${facet} given twice`);
        f[facet] = parseNonNegativeInteger(value, w, `xs:${facet}`);
        return;
      case 'minInclusive':
      case 'maxInclusive':
        if (f[facet] !== undefined) fail(`${w}: xs:${facet} given twice`);
        f[facet] = parseInteger(value, w, `xs:${facet}`);
        return;
    }
  };

  parser.on('error', (error) => fail(`${file}: XML error: ${error.message}`));
  parser.on('doctype', () => fail(`${where()}: DOCTYPE is not supported`));
  parser.on('processinginstruction', (pi) => fail(`${where()}: processing instruction <?${pi.target}?>`));
  parser.on('cdata', () => {
    const top = frames[frames.length - 1];
    if (top?.kind !== 'opaque') fail(`${where()}: CDATA outside documentation`);
  });
  parser.on('text', (text) => {
    const top = frames[frames.length - 1];
    if (top?.kind !== 'opaque' && text.trim() !== '') {
      fail(`${where()}: unexpected text "${text.trim().slice(0, 40)}"`);
    }
  });

  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = frames[frames.length - 1] ?? fail('frame stack empty');
    const scope: Record<string, string> = { ...scopes[scopes.length - 1] };
    for (const [prefix, uri] of Object.entries(tag.ns ?? {})) scope[prefix] = uri;
    scopes.push(scope);

    if (parent.kind === 'opaque') {
      frames.push({ kind: 'opaque' });
      return;
    }
    const w = where();
    if (tag.uri !== XS) fail(`${w}: element <${tag.name}> is not in the XML Schema namespace`);
    const local = tag.local;
    const allowed = ALLOWED_ATTRIBUTES[local];
    if (!allowed) fail(`${w}: xs:${local} is not supported`);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      if (attr.uri !== '' || !allowed.includes(attr.local)) {
        fail(`${w}: attribute ${attr.name} on xs:${local} is not supported`);
      }
      attrs[attr.local] = attr.value;
    }
    const unexpected = (): never => fail(`${w}: xs:${local} is not supported inside ${parent.kind}`);
    const required = (name: string): string => attrs[name] ?? fail(`${w}: xs:${local} without ${name}`);

    if (local === 'annotation') {
      if (parent.kind === 'root' || parent.kind === 'annotation') unexpected();
      frames.push({ kind: 'annotation' });
      return;
    }
    if (local === 'documentation' || local === 'appinfo') {
      if (parent.kind !== 'annotation') unexpected();
      frames.push({ kind: 'opaque' });
      return;
    }

    switch (parent.kind) {
      case 'root': {
        if (local !== 'schema') unexpected();
        schema.targetNamespace = required('targetNamespace');
        if (attrs.elementFormDefault !== 'qualified') fail(`${w}: elementFormDefault must be "qualified"`);
        frames.push({ kind: 'schema' });
        return;
      }
      case 'schema': {
        if (local === 'import') {
          schema.imports.push({
            namespace: required('namespace'),
            schemaLocation: required('schemaLocation'),
          });
          frames.push({ kind: 'import' });
        } else if (local === 'element') {
          if (attrs.minOccurs !== undefined || attrs.maxOccurs !== undefined) {
            fail(`${w}: occurrence attributes on a global element`);
          }
          const name = required('name');
          schema.globalElements.push({ name, type: resolveQName(required('type'), 'type'), where: w });
          frames.push({ kind: 'globalElement' });
        } else if (local === 'complexType') {
          const name = attrs.name ?? fail(`${w}: a global xs:complexType without a name`);
          const def: RawComplexType = { sequence: [], where: w };
          addType(name, { kind: 'complex', def });
          frames.push({ kind: 'complexType', name, def, sequences: 0 });
        } else if (local === 'simpleType') {
          const name = attrs.name ?? fail(`${w}: a global xs:simpleType without a name`);
          frames.push({ kind: 'simpleType', name, element: null, restrictions: 0 });
        } else {
          unexpected();
        }
        return;
      }
      case 'complexType': {
        if (local !== 'sequence') unexpected();
        parent.sequences += 1;
        if (parent.sequences > 1) fail(`${w}: more than one xs:sequence in complex type ${parent.name}`);
        frames.push({ kind: 'sequence', owner: parent.def });
        return;
      }
      case 'sequence': {
        if (local !== 'element') unexpected();
        const name = required('name');
        const minOccurs = parseNonNegativeInteger(attrs.minOccurs ?? '1', w, 'minOccurs');
        const maxOccurs =
          attrs.maxOccurs === 'unbounded'
            ? null
            : parseNonNegativeInteger(attrs.maxOccurs ?? '1', w, 'maxOccurs');
        if (maxOccurs !== null && (maxOccurs < minOccurs || maxOccurs === 0)) {
          fail(`${w}: element ${name} has minOccurs ${minOccurs} and maxOccurs ${maxOccurs}`);
        }
        if (parent.owner.sequence.some((e) => e.name === name)) {
          fail(`${w}: element ${name} occurs twice in one sequence`);
        }
        const type = attrs.type === undefined ? null : resolveQName(attrs.type, 'type');
        const element: RawElement = {
          name,
          // Replaced by the inline simple type when there is one; checked at the close tag.
          type: type ?? { ns: '', local: '' },
          minOccurs,
          maxOccurs,
          where: w,
        };
        parent.owner.sequence.push(element);
        frames.push({ kind: 'element', element, hasType: type !== null });
        return;
      }
      case 'element': {
        if (local !== 'simpleType') unexpected();
        if (attrs.name !== undefined) fail(`${w}: a named xs:simpleType inside an element`);
        if (parent.hasType) fail(`${w}: element ${parent.element.name} has both a type and an inline type`);
        parent.hasType = true;
        frames.push({ kind: 'simpleType', name: null, element: parent.element, restrictions: 0 });
        return;
      }
      case 'simpleType': {
        if (local !== 'restriction') unexpected();
        parent.restrictions += 1;
        if (parent.restrictions > 1) fail(`${w}: more than one xs:restriction in one simple type`);
        const def: RawSimpleType = {
          base: resolveQName(required('base'), 'base'),
          facets: { patterns: [], enumeration: [] },
          where: w,
        };
        if (parent.element) parent.element.type = { inline: def };
        else if (parent.name !== null) addType(parent.name, { kind: 'simple', def });
        frames.push({ kind: 'restriction', def });
        return;
      }
      case 'restriction': {
        if (!(FACETS as readonly string[]).includes(local)) unexpected();
        setFacet(parent.def, local as Facet, required('value'));
        frames.push({ kind: 'facet' });
        return;
      }
      default:
        unexpected();
    }
  });

  parser.on('closetag', () => {
    const frame = frames.pop();
    scopes.pop();
    if (frame?.kind === 'element' && !frame.hasType) {
      fail(`${frame.element.where}: element ${frame.element.name} has neither a type nor an inline type`);
    }
    if (frame?.kind === 'simpleType' && frame.restrictions === 0) {
      fail(`${where()}: xs:simpleType without xs:restriction`);
    }
    if (frame?.kind === 'complexType' && frame.sequences === 0) {
      fail(`${where()}: complex type ${frame.name} without xs:sequence`);
    }
  });

  parser.write(text).close();
  if (!schema.targetNamespace) fail(`${file}: no xs:schema root`);
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Resolving a message schema against its basisschema into the project's model.

interface BaseSchemaModel {
  raw: RawSchema;
  /** Every basisschema type (complex, named simple, inline), flattened, in document order. */
  types: Map<string, TypeDef>;
}

function isInline(type: RawElement['type']): type is { inline: RawSimpleType } {
  return 'inline' in type;
}

/**
 * Follows a restriction chain down to the built-in and merges the facets of every step.
 * `parentOf` gives the flattened type a non-built-in base names.
 */
function flattenSimple(
  def: RawSimpleType,
  parentOf: (base: QName, where: string) => SimpleTypeDef,
): SimpleTypeDef {
  let parent: SimpleTypeDef;
  if (def.base.ns === XS) {
    const base =
      BUILT_INS[def.base.local] ?? fail(`${def.where}: base xs:${def.base.local} is not supported`);
    parent = { kind: 'simple', base };
  } else {
    parent = parentOf(def.base, def.where);
  }
  const f = def.facets;
  const out: SimpleTypeDef = { kind: 'simple', base: parent.base };
  if (f.minLength !== undefined || f.maxLength !== undefined) {
    if (out.base !== 'string') fail(`${def.where}: length facets on a restriction of xs:${out.base}`);
  }
  if (f.minInclusive !== undefined || f.maxInclusive !== undefined) {
    if (out.base !== 'integer') fail(`${def.where}: bound facets on a restriction of xs:${out.base}`);
  }
  // Every step's pattern must hold, so all are kept, the root's first.
  const patterns = [...(parent.patterns ?? []), ...f.patterns];
  if (patterns.length > 0) out.patterns = patterns;
  // The innermost enumeration is the one that counts (XSD requires it to be a subset).
  const enumeration = f.enumeration.length > 0 ? f.enumeration : parent.enumeration;
  if (enumeration) out.enumeration = [...enumeration];
  const tightest = (facet: 'minLength' | 'maxLength' | 'minInclusive' | 'maxInclusive', lower: boolean) => {
    const mine = f[facet];
    const theirs = parent[facet];
    if (mine !== undefined && theirs !== undefined && (lower ? mine < theirs : mine > theirs)) {
      fail(`${def.where}: xs:${facet} ${mine} loosens the base type's ${theirs}`);
    }
    const value = mine ?? theirs;
    if (value !== undefined) out[facet] = value;
  };
  tightest('minLength', true);
  tightest('maxLength', false);
  tightest('minInclusive', true);
  tightest('maxInclusive', false);
  if (out.minLength !== undefined && out.maxLength !== undefined && out.minLength > out.maxLength) {
    fail(`${def.where}: minLength ${out.minLength} > maxLength ${out.maxLength}`);
  }
  if (
    out.minInclusive !== undefined &&
    out.maxInclusive !== undefined &&
    out.minInclusive > out.maxInclusive
  ) {
    fail(`${def.where}: minInclusive ${out.minInclusive} > maxInclusive ${out.maxInclusive}`);
  }
  return out;
}

/**
 * Flattens every named type of `raw` (and the inline types of its complex types) into `out`,
 * keyed with `keyOf`. `resolveRef` maps an element's type QName to its key; `simpleRef` gives
 * the flattened type a restriction base names, when it is not one of `raw`'s own.
 */
function flattenSchemaTypes(
  raw: RawSchema,
  keyOf: (local: string) => string,
  resolveRef: (name: QName, where: string) => string,
  simpleRef: (name: QName, where: string) => SimpleTypeDef,
  out: Map<string, TypeDef>,
): void {
  const add = (key: string, def: TypeDef, where: string): void => {
    if (out.has(key)) fail(`${where}: type key ${key} is used twice`);
    out.set(key, def);
  };
  // Named simple types of this schema, flattened on demand (they may refer to each other).
  const flattened = new Map<string, SimpleTypeDef>();
  const inProgress = new Set<string>();
  const parentOf = (name: QName, where: string): SimpleTypeDef => {
    if (name.ns !== raw.targetNamespace) return simpleRef(name, where);
    const entry = raw.types.get(name.local) ?? fail(`${where}: type ${name.local} not found in ${raw.file}`);
    if (entry.kind !== 'simple') fail(`${where}: ${name.local} is not a simple type`);
    return flattenNamed(name.local, entry.def);
  };
  const flattenNamed = (name: string, def: RawSimpleType): SimpleTypeDef => {
    const done = flattened.get(name);
    if (done) return done;
    if (inProgress.has(name)) fail(`${def.where}: circular restriction via ${name}`);
    inProgress.add(name);
    const result = flattenSimple(def, parentOf);
    inProgress.delete(name);
    flattened.set(name, result);
    return result;
  };
  for (const [name, entry] of raw.types) {
    const key = keyOf(name);
    if (entry.kind === 'simple') {
      add(key, flattenNamed(name, entry.def), entry.def.where);
      continue;
    }
    const inline: [string, SimpleTypeDef, string][] = [];
    const sequence: ElementDef[] = entry.def.sequence.map((element) => {
      let type: string;
      if (isInline(element.type)) {
        type = `${key}.${element.name}`;
        inline.push([type, flattenSimple(element.type.inline, parentOf), element.where]);
      } else {
        type = resolveRef(element.type, element.where);
      }
      return { name: element.name, type, minOccurs: element.minOccurs, maxOccurs: element.maxOccurs };
    });
    add(key, { kind: 'complex', sequence } satisfies ComplexTypeDef, entry.def.where);
    for (const [inlineKey, def, where] of inline) add(inlineKey, def, where);
  }
}

function builtInKey(local: string, where: string): string {
  if (!BUILT_INS[local]) fail(`${where}: type xs:${local} is not supported`);
  return `xs:${local}`;
}

export function modelBaseSchema(raw: RawSchema): BaseSchemaModel {
  if (raw.imports.length > 0) fail(`${raw.file}: a basisschema that imports is not supported`);
  if (raw.globalElements.length > 0) fail(`${raw.file}: global elements in a basisschema are not supported`);
  const types = new Map<string, TypeDef>();
  const builtIns = new Set<string>();
  flattenSchemaTypes(
    raw,
    (local) => local,
    (name, where) => {
      if (name.ns === XS) {
        const key = builtInKey(name.local, where);
        builtIns.add(name.local);
        return key;
      }
      if (name.ns !== raw.targetNamespace || !raw.types.has(name.local)) {
        fail(`${where}: type {${name.ns}}${name.local} not found`);
      }
      return name.local;
    },
    (name, where) => fail(`${where}: restriction base {${name.ns}}${name.local} not found`),
    types,
  );
  for (const local of [...builtIns].sort()) {
    types.set(`xs:${local}`, { kind: 'simple', base: BUILT_INS[local] ?? fail(local) });
  }
  return { raw, types };
}

interface MessageModel {
  schema: MessageSchema;
  /** The message-local types only (the basisschema types are shared). */
  localTypes: Map<string, TypeDef>;
  /** basisschema types that had to come from another basisschema (see IJW_BASE_FALLBACKS). */
  fallbackTypes: Map<string, TypeDef>;
}

/** The basisschema type names a message schema refers to directly. */
function baseReferences(raw: RawSchema, baseNs: string): Set<string> {
  const names = new Set<string>();
  const note = (q: QName) => {
    if (q.ns === baseNs) names.add(q.local);
  };
  for (const element of raw.globalElements) note(element.type);
  for (const entry of raw.types.values()) {
    if (entry.kind === 'simple') {
      note(entry.def.base);
      continue;
    }
    for (const element of entry.def.sequence)
      note(isInline(element.type) ? element.type.inline.base : element.type);
  }
  return names;
}

function modelMessage(
  standard: Standard,
  message: string,
  raw: RawSchema,
  base: BaseSchemaModel,
  berichtCode: number | null,
  fallbackBase: BaseSchemaModel | null = null,
): MessageModel {
  const prefix = message.toLowerCase();
  const expectedNs = `http://www.istandaarden.nl/${standard}/3_2/${prefix}/schema`;
  if (raw.targetNamespace !== expectedNs) {
    fail(`${raw.file}: targetNamespace ${raw.targetNamespace}, expected ${expectedNs}`);
  }
  const [imported, ...moreImports] = raw.imports;
  if (!imported || moreImports.length > 0) fail(`${raw.file}: expected exactly one xs:import`);
  if (imported.namespace !== base.raw.targetNamespace || imported.schemaLocation !== 'basisschema.xsd') {
    fail(
      `${raw.file}: imports ${imported.namespace} from ${imported.schemaLocation}, expected the basisschema`,
    );
  }
  const [bericht, ...moreElements] = raw.globalElements;
  if (!bericht || moreElements.length > 0 || bericht.name !== 'Bericht') {
    fail(`${raw.file}: expected exactly one global element, Bericht`);
  }

  // basisschema types this basisschema lacks: only allowed fallbacks may be taken elsewhere.
  const fallbackTypes = new Map<string, TypeDef>();
  const missing = [...baseReferences(raw, base.raw.targetNamespace)].filter((name) => !base.types.has(name));
  if (missing.length > 0) {
    const notAllowed = missing.filter((name) => !(fallbackBase && IJW_BASE_FALLBACKS.has(name)));
    if (notAllowed.length > 0 || !fallbackBase) {
      fail(
        `${message} (from ${raw.file}) uses basisschema types that ${standard}/xsd/${base.raw.file} lacks: ` +
          `${missing.sort().join(', ')}. Decide per type (e.g. add it to IJW_BASE_FALLBACKS).`,
      );
    }
    for (const name of missing.sort()) collectFallback(name, fallbackBase, base, fallbackTypes);
  }
  const baseType = (name: string): TypeDef | undefined => base.types.get(name) ?? fallbackTypes.get(name);

  const localTypes = new Map<string, TypeDef>();
  const keyOf = (local: string) => `${prefix}:${local}`;
  flattenSchemaTypes(
    raw,
    keyOf,
    (name, where) => {
      if (name.ns === XS) return builtInKey(name.local, where);
      if (name.ns === raw.targetNamespace) {
        if (!raw.types.has(name.local)) fail(`${where}: type ${name.local} not found in ${raw.file}`);
        return keyOf(name.local);
      }
      if (name.ns === base.raw.targetNamespace && baseType(name.local)) return name.local;
      fail(`${where}: type {${name.ns}}${name.local} not found`);
    },
    (name, where) => {
      const def = name.ns === base.raw.targetNamespace ? baseType(name.local) : undefined;
      if (!def) fail(`${where}: restriction base {${name.ns}}${name.local} not found`);
      if (def.kind !== 'simple') fail(`${where}: restriction base ${name.local} is not a simple type`);
      return def;
    },
    localTypes,
  );

  const rootType = keyOf(bericht.type.local);
  if (bericht.type.ns !== raw.targetNamespace || localTypes.get(rootType)?.kind !== 'complex') {
    fail(`${raw.file}: Bericht is not of a local complex type`);
  }

  const types: Record<string, TypeDef> = {};
  for (const [key, def] of base.types) types[key] = def;
  for (const [key, def] of fallbackTypes) types[key] = def;
  for (const [key, def] of localTypes) {
    if (key in types) fail(`${raw.file}: type key ${key} clashes with a basisschema type`);
    types[key] = def;
  }
  // Built-ins referred to directly by local elements.
  for (const def of localTypes.values()) {
    if (def.kind !== 'complex') continue;
    for (const element of def.sequence) {
      const builtIn = /^xs:(.+)$/.exec(element.type)?.[1];
      if (builtIn && !(element.type in types)) {
        const t: TypeDef = { kind: 'simple', base: BUILT_INS[builtIn] ?? fail(builtIn) };
        types[element.type] = t;
        localTypes.set(element.type, t);
      }
    }
  }

  // The BerichtCode is the last pattern of Header.BerichtCode: the message's own restriction.
  const header = findElementType(types, rootType, 'Header', raw.file);
  const codeType = types[findElementType(types, header, 'BerichtCode', raw.file)];
  const ownPattern = codeType?.kind === 'simple' ? codeType.patterns?.at(-1) : undefined;
  if (!ownPattern || !/^[0-9]+$/.test(ownPattern) || codeType?.kind !== 'simple' || codeType.enumeration) {
    fail(`${raw.file}: Header.BerichtCode is not restricted to one numeric code`);
  }
  const code = Number(ownPattern);
  if (berichtCode !== null && code !== berichtCode) {
    fail(`${raw.file}: BerichtCode ${code}, but COD002 gives ${berichtCode} for ${message}`);
  }

  return {
    schema: {
      standard,
      message,
      berichtCode: code,
      namespace: raw.targetNamespace,
      baseNamespace: base.raw.targetNamespace,
      rootType,
      types,
    },
    localTypes,
    fallbackTypes,
  };
}

/** Takes `name` and what it refers to, and this basisschema lacks, from the other basisschema. */
function collectFallback(
  name: string,
  from: BaseSchemaModel,
  into: BaseSchemaModel,
  out: Map<string, TypeDef>,
): void {
  if (out.has(name) || into.types.has(name)) return;
  if (!IJW_BASE_FALLBACKS.has(name)) fail(`basisschema type ${name} is missing and not an allowed fallback`);
  const def = from.types.get(name) ?? fail(`basisschema type ${name} not found in ${from.raw.file} either`);
  out.set(name, def);
  if (def.kind === 'complex') {
    for (const element of def.sequence) collectFallback(element.type, from, into, out);
  }
}

function findElementType(
  types: Record<string, TypeDef>,
  owner: string,
  element: string,
  file: string,
): string {
  const def = types[owner];
  const found = def?.kind === 'complex' ? def.sequence.find((e) => e.name === element) : undefined;
  return found?.type ?? fail(`${file}: ${owner} has no element ${element}`);
}

// ---------------------------------------------------------------------------------------------
// Deriving the iWmo retour messages from the iJw ones.

function sameFacets(a: RawFacets, b: RawFacets): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The iWmo retour messages mirror the iJw ones with the iwmo namespaces. "Mirror" has to be
 * read with care: a retour message repeats its heen message, and two iJw heen messages have an
 * element the iWmo one lacks (JW315 Client.GezagsdragerBekend, JW319 Antwoord.Woonplaatsbeginsel).
 * So, type by type, the iJw retour is compared with the iJw and the iWmo heen message:
 * - an element the iJw heen type has and the iWmo heen type lacks is JW-specific and dropped;
 * - an element the iWmo heen type has and the iJw one lacks would have to be added: that stops
 *   the generator, as does any other difference between the two heen types (type, occurrence,
 *   inline facets) apart from the BerichtCode;
 * - local types no longer reachable from the root are dropped;
 * - the basisschema namespace becomes the iWmo one (types are looked up by name there) and the
 *   BerichtCode restriction becomes the COD002 code.
 */
function deriveIwmoRetour(
  jwRetour: RawSchema,
  jwHeen: RawSchema,
  wmoHeen: RawSchema,
  jwBaseNs: string,
  wmoBaseNs: string,
  wmoMessage: string,
  wmoCode: number,
): { raw: RawSchema; notes: string[] } {
  const jwMessage = wmoMessage.replace(/^WMO/, 'JW');
  const notes: string[] = [];
  const jwNs = (m: string) => `http://www.istandaarden.nl/ijw/3_2/${m.toLowerCase()}/schema`;
  const wmoNs = (m: string) => `http://www.istandaarden.nl/iwmo/3_2/${m.toLowerCase()}/schema`;
  if (jwRetour.targetNamespace !== jwNs(jwMessage)) fail(`${jwRetour.file}: unexpected targetNamespace`);
  const targetNamespace = wmoNs(wmoMessage);

  const mapQName = (q: QName, from: string, to: string, where: string): QName => {
    if (q.ns === XS) return q;
    if (q.ns === jwBaseNs) return { ns: wmoBaseNs, local: q.local };
    if (q.ns === from) return { ns: to, local: q.local };
    fail(`${where}: unexpected namespace ${q.ns}`);
  };
  const mapElementType = (type: RawElement['type'], from: string, to: string, where: string) =>
    isInline(type)
      ? { inline: { ...type.inline, base: mapQName(type.inline.base, from, to, where) } }
      : mapQName(type, from, to, where);
  const sameElement = (jw: RawElement, wmo: RawElement): boolean => {
    const mapped = mapElementType(jw.type, jwHeen.targetNamespace, wmoHeen.targetNamespace, jw.where);
    if (jw.minOccurs !== wmo.minOccurs || jw.maxOccurs !== wmo.maxOccurs) return false;
    if (isInline(mapped) || isInline(wmo.type)) {
      if (!isInline(mapped) || !isInline(wmo.type)) return false;
      const a = mapped.inline;
      const b = wmo.type.inline;
      return a.base.ns === b.base.ns && a.base.local === b.base.local && sameFacets(a.facets, b.facets);
    }
    return mapped.ns === wmo.type.ns && mapped.local === wmo.type.local;
  };

  const types: RawSchema['types'] = new Map();
  const jwOnlyTypes = new Set<string>();
  for (const [name, entry] of jwRetour.types) {
    if (entry.kind === 'simple') {
      types.set(name, {
        kind: 'simple',
        def: {
          ...entry.def,
          base: mapQName(entry.def.base, jwRetour.targetNamespace, targetNamespace, entry.def.where),
        },
      });
      continue;
    }
    const heenJ = jwHeen.types.get(name);
    const heenW = wmoHeen.types.get(name);
    if (heenJ?.kind === 'complex' && heenW?.kind !== 'complex') jwOnlyTypes.add(name);
    let drop = new Set<string>();
    if (heenJ?.kind === 'complex' && heenW?.kind === 'complex') {
      const jwNames = heenJ.def.sequence.map((e) => e.name);
      const wmoNames = heenW.def.sequence.map((e) => e.name);
      const wmoOnly = wmoNames.filter((n) => !jwNames.includes(n));
      if (wmoOnly.length > 0) {
        fail(`${wmoMessage}: ${wmoHeen.file} ${name} has ${wmoOnly.join(', ')}, which ${jwHeen.file} lacks`);
      }
      drop = new Set(jwNames.filter((n) => !wmoNames.includes(n)));
      for (const wmo of heenW.def.sequence) {
        const jw = heenJ.def.sequence.find((e) => e.name === wmo.name) ?? fail('unreachable');
        if (name === 'Header' && wmo.name === 'BerichtCode') continue;
        if (!sameElement(jw, wmo)) {
          fail(`${wmoMessage}: ${name}.${wmo.name} differs between ${jwHeen.file} and ${wmoHeen.file}`);
        }
      }
    }
    const sequence: RawElement[] = [];
    for (const element of entry.def.sequence) {
      if (drop.has(element.name)) {
        notes.push(
          `${name}.${element.name} of ${jwMessage} dropped: ${jwHeen.file.replace(/\.xsd$/, '')} has it, ` +
            `${wmoHeen.file.replace(/\.xsd$/, '')} does not.`,
        );
        continue;
      }
      let type = mapElementType(element.type, jwRetour.targetNamespace, targetNamespace, element.where);
      if (name === 'Header' && element.name === 'BerichtCode') {
        if (!isInline(type)) fail(`${jwRetour.file}: Header.BerichtCode has no inline restriction`);
        const jwCode = type.inline.facets.patterns;
        if (
          jwCode.length !== 1 ||
          !/^[0-9]+$/.test(jwCode[0] ?? '') ||
          type.inline.facets.enumeration.length
        ) {
          fail(`${jwRetour.file}: Header.BerichtCode is not one numeric pattern`);
        }
        type = { inline: { ...type.inline, facets: { ...type.inline.facets, patterns: [String(wmoCode)] } } };
      }
      sequence.push({ ...element, type });
    }
    types.set(name, { kind: 'complex', def: { sequence, where: entry.def.where } });
  }

  const [bericht, ...more] = jwRetour.globalElements;
  if (!bericht || more.length > 0) fail(`${jwRetour.file}: expected exactly one global element`);
  const root = mapQName(bericht.type, jwRetour.targetNamespace, targetNamespace, bericht.where);

  // Keep what is reachable from the root.
  const reachable = new Set<string>();
  const visit = (q: QName): void => {
    if (q.ns !== targetNamespace || reachable.has(q.local)) return;
    reachable.add(q.local);
    const entry = types.get(q.local);
    if (entry?.kind === 'complex') {
      for (const e of entry.def.sequence) visit(isInline(e.type) ? e.type.inline.base : e.type);
    } else if (entry?.kind === 'simple') {
      visit(entry.def.base);
    }
  };
  visit(root);
  for (const name of [...types.keys()]) {
    if (reachable.has(name)) continue;
    types.delete(name);
    notes.push(`type ${name} of ${jwMessage} dropped: no longer used.`);
  }
  for (const name of jwOnlyTypes) {
    if (reachable.has(name))
      fail(`${wmoMessage}: type ${name} exists only in ${jwHeen.file} but is still used`);
  }

  return {
    raw: {
      file: `${jwRetour.file} (as ${wmoMessage})`,
      targetNamespace,
      imports: jwRetour.imports.map((i) => ({
        ...i,
        namespace: i.namespace === jwBaseNs ? wmoBaseNs : i.namespace,
      })),
      globalElements: [{ ...bericht, type: root }],
      types,
    },
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Emitting TypeScript.

function tsString(value: string): string {
  let out = "'";
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\u2028' || ch === '\u2029') {
      out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}'`;
}

function tsKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key);
}

function tsValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(tsValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${tsKey(k)}: ${tsValue(v)}`).join(', ')} }`;
  }
  return fail(`cannot emit ${typeof value}`);
}

/** Field order of the emitted TypeDefs, fixed so that the output does not depend on code paths. */
function canonicalType(def: TypeDef): TypeDef {
  if (def.kind === 'complex') {
    return {
      kind: 'complex',
      sequence: def.sequence.map((e) => ({
        name: e.name,
        type: e.type,
        minOccurs: e.minOccurs,
        maxOccurs: e.maxOccurs,
      })),
    };
  }
  const out: SimpleTypeDef = { kind: 'simple', base: def.base };
  if (def.patterns) out.patterns = def.patterns;
  if (def.enumeration) out.enumeration = def.enumeration;
  for (const facet of ['minLength', 'maxLength', 'minInclusive', 'maxInclusive'] as const) {
    if (def[facet] !== undefined) out[facet] = def[facet];
  }
  return out;
}

function emitTypes(types: Map<string, TypeDef>, indent: string): string {
  return [...types].map(([key, def]) => `${indent}${tsKey(key)}: ${tsValue(canonicalType(def))},\n`).join('');
}

function comment(lines: readonly string[]): string {
  return lines.map((line) => (line ? `// ${line}` : '//')).join('\n');
}

function emitFile(options: {
  constName: string;
  baseConstName: string;
  base: BaseSchemaModel;
  messages: MessageModel[];
  headerLines: readonly string[];
}): string {
  const { constName, baseConstName, base, messages } = options;
  let out = `${comment(options.headerLines)}\n\n`;
  out += `import type { MessageSchema, TypeDef } from './model.js';\n\n`;
  out += `/** The types of ${base.raw.file} (${base.raw.targetNamespace}), shared by every message. */\n`;
  out += `const ${baseConstName} = {\n${emitTypes(base.types, '  ')}} as const satisfies Record<string, TypeDef>;\n\n`;
  out += `export const ${constName}: Readonly<Record<string, MessageSchema>> = {\n`;
  for (const { schema, localTypes, fallbackTypes } of messages) {
    out += `  ${schema.message}: {\n`;
    out += `    standard: ${tsString(schema.standard)},\n`;
    out += `    message: ${tsString(schema.message)},\n`;
    out += `    berichtCode: ${schema.berichtCode},\n`;
    out += `    namespace: ${tsString(schema.namespace)},\n`;
    out += `    baseNamespace: ${tsString(schema.baseNamespace)},\n`;
    out += `    rootType: ${tsString(schema.rootType)},\n`;
    out += `    types: {\n      ...${baseConstName},\n`;
    if (fallbackTypes.size > 0) {
      out += `      // Not in ${base.raw.file}: taken from the iJw basisschema (see the header).\n`;
      out += emitTypes(fallbackTypes, '      ');
    }
    out += emitTypes(localTypes, '      ');
    out += `    },\n  },\n`;
  }
  out += `};\n`;
  return out;
}

/** Formats like `npx biome check --write` would, so the committed files stay lint-clean. */
function biomeFormat(relativePath: string, source: string, projectRoot: string): string {
  const biome = path.join(projectRoot, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
  const result = spawnSync(
    process.execPath,
    [biome, 'check', '--write', `--stdin-file-path=${relativePath}`],
    {
      cwd: projectRoot,
      input: source,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.error) throw result.error;
  if (result.status !== 0 || !result.stdout) {
    fail(`biome could not format ${relativePath} (exit ${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------
// Putting it together.

export interface GeneratedFile {
  /** Relative to the project root. */
  path: string;
  contents: string;
}

export interface GeneratedModel {
  iwmo: MessageModel[];
  ijw: MessageModel[];
  iwmoBase: BaseSchemaModel;
  ijwBase: BaseSchemaModel;
  /** Per derived iWmo message, what the derivation changed beyond namespaces and the code. */
  derivationNotes: Map<string, string[]>;
}

/**
 * Where the XSDs come from: the directory of the reference material (with iwmo/xsd and ijw/xsd),
 * or a function giving the text of `<standard>/xsd/<file>`.
 */
export type XsdSource = string | ((standard: Standard, file: string) => string);

export function buildModel(source: XsdSource): GeneratedModel {
  const read = (standard: Standard, name: string): RawSchema => {
    const file = `${name}.xsd`;
    const text =
      typeof source === 'string'
        ? readFileSync(path.join(source, standard, 'xsd', file), 'utf8')
        : source(standard, file);
    return readXsd(file, text);
  };
  const iwmoBase = modelBaseSchema(read('iwmo', 'basisschema'));
  const ijwBase = modelBaseSchema(read('ijw', 'basisschema'));

  const ijwRaw = new Map(IJW_MESSAGES.map((m) => [m, read('ijw', m)] as const));
  const ijw = IJW_MESSAGES.map((m) => modelMessage('ijw', m, ijwRaw.get(m) ?? fail(m), ijwBase, null));

  const wmoRaw = new Map(IWMO_FROM_XSD.map((m) => [m, read('iwmo', m)] as const));
  const iwmoByName = new Map<string, MessageModel>();
  for (const m of IWMO_FROM_XSD) {
    iwmoByName.set(
      m,
      modelMessage('iwmo', m, wmoRaw.get(m) ?? fail(m), iwmoBase, IWMO_BERICHTCODES[m] ?? null),
    );
  }
  const derivationNotes = new Map<string, string[]>();
  for (const { message, heen } of IWMO_DERIVED) {
    const jw = (m: string) => ijwRaw.get(m.replace(/^WMO/, 'JW') as (typeof IJW_MESSAGES)[number]);
    const code = IWMO_BERICHTCODES[message] ?? fail(`no COD002 code for ${message}`);
    const { raw, notes } = deriveIwmoRetour(
      jw(message) ?? fail(`no iJw schema for ${message}`),
      jw(heen) ?? fail(`no iJw schema for ${heen}`),
      wmoRaw.get(heen as (typeof IWMO_FROM_XSD)[number]) ?? fail(`no iWmo schema for ${heen}`),
      ijwBase.raw.targetNamespace,
      iwmoBase.raw.targetNamespace,
      message,
      code,
    );
    const model = modelMessage('iwmo', message, raw, iwmoBase, code, ijwBase);
    if (model.fallbackTypes.size > 0) {
      notes.push(
        `basisschema types taken from the iJw basisschema: ${[...model.fallbackTypes.keys()].join(', ')}.`,
      );
    }
    derivationNotes.set(message, notes);
    iwmoByName.set(message, model);
  }
  const iwmo = Object.keys(IWMO_BERICHTCODES).map((m) => iwmoByName.get(m) ?? fail(`${m} not generated`));
  return { iwmo, ijw, iwmoBase, ijwBase, derivationNotes };
}

const GENERATED_BY = [
  'Generated from the iWmo/iJw 3.2 XSDs by scripts/istandaard-codegen.ts — do not edit by hand.',
  'Regenerate with `npx tsx scripts/istandaard-codegen.ts`; `--check` tells whether this file is current.',
];

export function generate(
  source: XsdSource = DEFAULT_SOURCE_DIR,
  projectRoot = PROJECT_ROOT,
): GeneratedFile[] {
  const model = buildModel(source);
  const iwmoHeader = [
    ...GENERATED_BY,
    '',
    'Sources: iwmo/xsd/basisschema.xsd and iwmo/xsd/WMO301, 305, 307, 315, 317, 319 and 323.xsd.',
    'The reference set has no XSD for the retour messages WMO302, 306, 308, 316, 318, 320 and 325;',
    'they are derived from ijw/xsd/JW302 ... JW325.xsd: the namespaces become the iwmo ones, the',
    'basisschema types are those of the iWmo basisschema (same names), the BerichtCode is the',
    'COD002 one, and what the iJw heen message has beyond the iWmo heen message is left out:',
    ...[...model.derivationNotes].flatMap(([message, notes]) =>
      notes.length === 0 ? [`- ${message}: nothing left out.`] : notes.map((note) => `- ${message}: ${note}`),
    ),
  ];
  const ijwHeader = [
    ...GENERATED_BY,
    '',
    'Sources: ijw/xsd/basisschema.xsd and ijw/xsd/JW301 ... JW325.xsd.',
  ];
  const files: GeneratedFile[] = [
    {
      path: OUTPUT_FILES.iwmo,
      contents: emitFile({
        constName: 'IWMO_MESSAGES',
        baseConstName: 'IWMO_BASE_TYPES',
        base: model.iwmoBase,
        messages: model.iwmo,
        headerLines: iwmoHeader,
      }),
    },
    {
      path: OUTPUT_FILES.ijw,
      contents: emitFile({
        constName: 'IJW_MESSAGES',
        baseConstName: 'IJW_BASE_TYPES',
        base: model.ijwBase,
        messages: model.ijw,
        headerLines: ijwHeader,
      }),
    },
  ];
  return files.map((file) => ({ ...file, contents: biomeFormat(file.path, file.contents, projectRoot) }));
}

/** The generated files whose committed contents differ from a fresh generation. */
export function staleFiles(source: XsdSource = DEFAULT_SOURCE_DIR, projectRoot = PROJECT_ROOT): string[] {
  return generate(source, projectRoot)
    .filter((file) => {
      let committed: string | null;
      try {
        committed = readFileSync(path.join(projectRoot, file.path), 'utf8');
      } catch {
        committed = null;
      }
      return committed !== file.contents;
    })
    .map((file) => file.path);
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const sourceIndex = argv.indexOf('--source');
  const sourceDir =
    sourceIndex >= 0
      ? path.resolve(argv[sourceIndex + 1] ?? fail('--source needs a directory'))
      : DEFAULT_SOURCE_DIR;
  const unknown = argv.filter(
    (a, i) => a !== '--check' && a !== '--source' && !(sourceIndex >= 0 && i === sourceIndex + 1),
  );
  if (unknown.length > 0) fail(`unknown arguments: ${unknown.join(' ')}`);
  if (check) {
    const stale = staleFiles(sourceDir);
    if (stale.length > 0) {
      console.error(`Out of date: ${stale.join(', ')}. Run \`npx tsx scripts/istandaard-codegen.ts\`.`);
      return 1;
    }
    console.log('The generated iStandaarden schemas are up to date.');
    return 0;
  }
  for (const file of generate(sourceDir)) {
    writeFileSync(path.join(PROJECT_ROOT, file.path), file.contents);
    console.log(`wrote ${file.path}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof CodegenError ? `istandaard-codegen: ${error.message}` : error);
    process.exitCode = 2;
  }
}
