/**
 * The shape of an iStandaarden message (iWmo 3.2, iJw 3.2) as the messaging module knows it:
 * the project's own encoding of what the official XSDs say. The XSDs of release 3.2 use only a
 * small part of XML Schema — complex types are sequences of elements (no choices, no
 * attributes, no mixed content) and simple types restrict xs:string, xs:integer, xs:date or
 * xs:time with patterns, lengths, bounds and enumerations — so that part is all this models.
 */

export type Standard = 'iwmo' | 'ijw';

/** A restriction of one XML Schema built-in type. */
export interface SimpleTypeDef {
  kind: 'simple';
  /** The XML Schema built-in type at the root of the restriction chain. */
  base: 'string' | 'integer' | 'date' | 'time';
  /** Every pattern must match the whole value (XSD patterns are anchored); all must hold. */
  patterns?: readonly string[];
  enumeration?: readonly string[];
  minLength?: number;
  maxLength?: number;
  minInclusive?: number;
  maxInclusive?: number;
}

export interface ElementDef {
  name: string;
  /** A key of `MessageSchema.types`. */
  type: string;
  minOccurs: number;
  /** null: unbounded. */
  maxOccurs: number | null;
}

export interface ComplexTypeDef {
  kind: 'complex';
  sequence: readonly ElementDef[];
}

export type TypeDef = SimpleTypeDef | ComplexTypeDef;

export interface MessageSchema {
  standard: Standard;
  /** The message's own name in the standard, e.g. 'WMO301' or 'JW305'. */
  message: string;
  /** The numeric BerichtCode (e.g. 414 for WMO301). */
  berichtCode: number;
  /** The message's target namespace, e.g. http://www.istandaarden.nl/iwmo/3_2/wmo301/schema. */
  namespace: string;
  /** The basisschema namespace the message imports. */
  baseNamespace: string;
  /** The root element is always `Bericht`, of this type. */
  rootType: string;
  /**
   * Every type the message uses, message-local and basisschema types alike, keyed by a name
   * unique within the message (basisschema types keep their XSD name, local ones get a prefix).
   * Inline anonymous simple types are named after their element path.
   */
  types: Readonly<Record<string, TypeDef>>;
}
