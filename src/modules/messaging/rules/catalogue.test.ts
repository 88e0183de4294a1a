/**
 * The catalogue against the published standard: for every rule, in iWmo and in iJw, the return
 * code and the messages must be those of WJ001, of the rule's own file (TR) or of the table of
 * conditions and constraints (CD, CS), and the description must be the standard's text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Standard } from '../standard/model.js';
import * as catalogue from './catalogue.js';
import { CS058, RULES, RULES_BY_CODE, TR019, TR134, TR304, TR307, TR382 } from './catalogue.js';
import type { RuleDefinition } from './rule.js';

const ISTANDAARDEN = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));
const STANDARDS: readonly Standard[] = ['iwmo', 'ijw'];

/** WMO305, JW323, even the misspelt "W<P307" of one rule file: the message number is what counts. */
function messageNumber(name: string): string {
  const match = /(\d{3})\s*$/.exec(name.trim());
  if (match?.[1] === undefined) throw new Error(`Geen berichtnummer in '${name}'`);
  return match[1];
}

function normalised(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^TR\d{3}:\s*/, '');
}

function read(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}

interface Wj001 {
  /** Per TR rule: the return codes and messages of its rows. */
  readonly byRule: Map<string, { codes: Set<string>; messages: Set<string> }>;
  /** Per return code: the messages of all its rows (one code can have rows in several sections). */
  readonly byCode: Map<string, Set<string>>;
}

function wj001(standard: Standard): Wj001 {
  const byRule: Wj001['byRule'] = new Map();
  const byCode: Wj001['byCode'] = new Map();
  for (const line of read(join(ISTANDAARDEN, standard, 'codelijsten', 'WJ001_Retourcode.md')).split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, code, , rule, messageList] = cells;
    if (code === undefined || rule === undefined || messageList === undefined || !/^[0-9S]\d{3}$/.test(code))
      continue;
    const messages = messageList.split(',').map(messageNumber);
    const forCode = byCode.get(code) ?? new Set<string>();
    for (const message of messages) forCode.add(message);
    byCode.set(code, forCode);
    if (!/^TR\d{3}$/.test(rule)) continue;
    const forRule = byRule.get(rule) ?? { codes: new Set<string>(), messages: new Set<string>() };
    forRule.codes.add(code);
    for (const message of messages) forRule.messages.add(message);
    byRule.set(rule, forRule);
  }
  return { byRule, byCode };
}

interface RuleSource {
  readonly where: string;
  readonly returnCode: string;
  readonly messages: Set<string>;
  readonly texts: readonly string[];
}

/** The rule's own file; the iJw folder for external-source rules is spelt "externe-bon". */
function ruleFile(standard: Standard, code: string): RuleSource | undefined {
  const folders = ['xslt', 'berichtoverstijgend', 'externe-bron', 'externe-bon'];
  for (const folder of folders) {
    for (const name of [`${code}.md`, code]) {
      const path = join(ISTANDAARDEN, standard, 'regels', 'technische-regels', folder, name);
      if (!existsSync(path)) continue;
      const text = read(path);
      const returnCode = /\|\s*Retourcode\s*\|\s*(\S+)\s*\|/.exec(text)?.[1];
      const usage = /## Gebruik in berichten\n([\s\S]*?)(?:\n---|\n## )/.exec(text)?.[1] ?? '';
      const definition = /## (?:Definitie|Betekenis)\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      if (returnCode === undefined) throw new Error(`${path} heeft geen Retourcode`);
      const messages = usage
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .map(messageNumber);
      return { where: path, returnCode, messages: new Set(messages), texts: [normalised(definition)] };
    }
  }
  return undefined;
}

/** The rows of the table of conditions and constraints for one code. */
function conditionRows(standard: Standard, code: string): RuleSource[] {
  if (standard === 'iwmo') {
    const path = join(ISTANDAARDEN, 'iwmo', 'regels', 'condities-constraints', ' CD_CS_RS_per_dataelement');
    return read(path)
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => cells[8] === code)
      .map((cells) => ({
        where: `${path} (${cells[1]})`,
        returnCode: cells[11] ?? '',
        messages: new Set([messageNumber(cells[1] ?? '')]),
        texts: [normalised(cells[9] ?? '')],
      }));
  }
  const path = join(
    ISTANDAARDEN,
    'ijw',
    'regels',
    'condities-constraints',
    'Condities_constraints_per_data-element.md',
  );
  return read(path)
    .split(/\n(?=# Regel )/)
    .filter((section) => section.startsWith(`# Regel ${code} `))
    .map((section) => {
      const message = /^- Bericht: (\S+)/m.exec(section)?.[1] ?? '';
      return {
        where: `${path} (${message})`,
        returnCode: /^- Retourcode: (\S+)/m.exec(section)?.[1] ?? '',
        messages: new Set([messageNumber(message)]),
        texts: [normalised(/^## Regel\n\n(.+)$/m.exec(section)?.[1] ?? '')],
      };
    });
}

const WJ001: Readonly<Record<Standard, Wj001>> = { iwmo: wj001('iwmo'), ijw: wj001('ijw') };

function sameSet(left: Iterable<string>, right: Iterable<string>): boolean {
  const a = [...new Set(left)].sort();
  const b = [...new Set(right)].sort();
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Everything in which the definition differs from the published standard; empty when it agrees. */
function disagreements(rule: RuleDefinition): string[] {
  const problems: string[] = [];
  const texts: string[] = [];
  const messages = [...rule.messages].sort().join(',');
  for (const standard of STANDARDS) {
    let sources = 0;
    const wj = WJ001[standard];
    const rows = wj.byRule.get(rule.code);
    if (rows !== undefined) {
      sources += 1;
      if (!sameSet(rows.codes, [rule.returnCode])) {
        problems.push(
          `${standard} WJ001: ${rule.code} heeft ${[...rows.codes].join(',')}, niet ${rule.returnCode}`,
        );
      }
      if (!sameSet(rows.messages, rule.messages)) {
        problems.push(
          `${standard} WJ001: ${rule.code} in ${[...rows.messages].sort().join(',')}, niet ${messages}`,
        );
      }
    }
    if (rule.returnCode !== '0001') {
      const codeMessages = wj.byCode.get(rule.returnCode);
      if (codeMessages === undefined) problems.push(`${standard} WJ001 kent ${rule.returnCode} niet`);
      else if (!sameSet(codeMessages, rule.messages)) {
        problems.push(
          `${standard} WJ001: ${rule.returnCode} in ${[...codeMessages].sort().join(',')}, niet ${messages}`,
        );
      }
    }
    const sourcesFound = [
      ...(rule.code.startsWith('TR') ? [ruleFile(standard, rule.code)] : []),
      ...conditionRows(standard, rule.code),
    ].filter((source): source is RuleSource => source !== undefined);
    const conditions = sourcesFound.filter((source) => !source.where.includes('technische-regels'));
    for (const source of sourcesFound) {
      sources += 1;
      texts.push(...source.texts);
      if (source.returnCode !== rule.returnCode) {
        problems.push(`${source.where}: Retourcode ${source.returnCode}, niet ${rule.returnCode}`);
      }
      if (conditions.includes(source)) continue;
      if (!sameSet(source.messages, rule.messages)) {
        problems.push(
          `${source.where}: gebruikt in ${[...source.messages].sort().join(',')}, niet ${messages}`,
        );
      }
    }
    if (
      conditions.length > 0 &&
      !sameSet(
        conditions.flatMap((source) => [...source.messages]),
        rule.messages,
      )
    ) {
      problems.push(`${standard} CD/CS-tabel: ${rule.code} in andere berichten dan ${messages}`);
    }
    if (sources === 0) problems.push(`${standard}: ${rule.code} staat nergens in de standaard`);
  }
  if (!texts.includes(normalised(rule.description))) {
    problems.push(
      `${rule.code}: omschrijving is niet de tekst van de standaard (${texts[0] ?? 'geen tekst'})`,
    );
  }
  return problems;
}

describe('rule catalogue', () => {
  it.each(RULES.map((rule) => [rule.code, rule] as const))(
    '%s agrees with iWmo 3.2 and iJw 3.2',
    (_code, rule) => {
      expect(disagreements(rule)).toEqual([]);
    },
  );

  it.each([
    ['a wrong return code', { ...TR307, returnCode: '9308' }],
    ['a return code of another rule', { ...TR382, returnCode: '9074' }],
    ['a constraint with its own code', { ...CS058, returnCode: '9058' }],
    ['a missing message', { ...TR019, messages: ['305'] as const }],
    ['an extra message', { ...TR134, messages: [...TR134.messages, '317'] as const }],
    ['messages of one WJ001 section only', { ...TR304, messages: ['323'] as const }],
    ['a description in other words', { ...TR307, description: 'De prestatie begint na de toewijzing.' }],
  ])('notices %s', (_what, rule: RuleDefinition) => {
    expect(disagreements(rule)).not.toEqual([]);
  });

  it('lists every exported rule once, by code', () => {
    const exported = Object.values(catalogue).filter(
      (value): value is RuleDefinition =>
        typeof value === 'object' && value !== null && 'returnCode' in value,
    );
    expect(new Set(RULES).size).toBe(RULES.length);
    expect(RULES_BY_CODE.size).toBe(RULES.length);
    expect([...exported].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...RULES].sort((a, b) => a.code.localeCompare(b.code)),
    );
    for (const rule of RULES) expect(RULES_BY_CODE.get(rule.code)).toBe(rule);
  });
});
