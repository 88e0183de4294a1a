/**
 * The rules of the iWmo/iJw 3.2 standard that the schema cannot express, as the project encodes
 * them: each rule is one named function with the standard's code (TR…, CS…, CD…) and the return
 * code (WJ001) a return message carries when the rule fails.
 *
 * Two kinds: rules within one message (the standard checks those with XSLT and answers a
 * failure with 0001, "afgekeurd om technische redenen", for the whole message) and rules across
 * messages (berichtoverstijgend), which need what the municipality already knows — allocations,
 * earlier starts and stops, earlier claims — and fail one berichtklasse with their own code.
 * Rules are pure: the ingest service loads the facts a message needs in bulk and passes them in.
 */
import type { MessageType } from '../standard/message-kinds.js';

export interface RuleDefinition {
  /** 'TR307', 'CS002'. */
  readonly code: string;
  /** The WJ001 return code, e.g. '9307'; '0001' for a rule within the message. */
  readonly returnCode: string;
  readonly messages: readonly MessageType[];
  /** The rule in the standard's words (Dutch). */
  readonly description: string;
}

export interface RuleFinding {
  readonly rule: RuleDefinition;
  /** The element the finding is about, as the validator writes paths. */
  readonly path: string;
  /**
   * The berichtklasse whose RetourCodes get the code: 'Bericht/Header' for the message as a
   * whole, or a class such as 'Bericht/Client/StartProducten/StartProduct[2]'.
   */
  readonly classPath: string;
  /** What is wrong in this message, in Dutch, with the values involved. */
  readonly message: string;
}

export const HEADER_PATH = 'Bericht/Header';

/** Return codes that carry no rule (WJ001, "Algemene technische retourcodes"). */
export const GENERAL_RETURN_CODES = {
  /** The message was rejected for technical reasons. */
  rejected: '0001',
  /** No remark on this berichtklasse. */
  noRemark: '0200',
  /** This berichtklasse was not assessed. */
  notAssessed: '0233',
  /** The claim was awarded in full. */
  claimAwarded: '8001',
} as const;

export function finding(rule: RuleDefinition, path: string, classPath: string, message: string): RuleFinding {
  return { rule, path, classPath, message };
}

/**
 * The return codes findings lead to: those for the message as a whole (which refuse it), and
 * those per berichtklasse, each code once.
 */
export function returnCodesOf(findings: readonly RuleFinding[]): {
  headerCodes: string[];
  classCodes: Map<string, string[]>;
} {
  const headerCodes = new Set<string>();
  const classCodes = new Map<string, string[]>();
  for (const f of findings) {
    if (f.classPath === HEADER_PATH) {
      headerCodes.add(f.rule.returnCode);
      continue;
    }
    const codes = classCodes.get(f.classPath) ?? [];
    if (!codes.includes(f.rule.returnCode)) classCodes.set(f.classPath, [...codes, f.rule.returnCode]);
  }
  return { headerCodes: [...headerCodes], classCodes };
}
