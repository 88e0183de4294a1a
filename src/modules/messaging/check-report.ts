/**
 * The checker's report for people: one verdict per file and, under a file that does not
 * conform, every finding with its line, its code (and the return code it leads to) and the
 * Dutch explanation. Used by `regiekamer iwmo check`.
 */
import type { CheckResult } from './check-service.js';

export interface FileCheck {
  file: string;
  result: CheckResult;
}

export function formatCheckReport(checks: readonly FileCheck[]): string {
  const lines: string[] = [];
  for (const { file, result } of checks) {
    const name = result.messageName ?? 'onbekend bericht';
    if (result.conforms) {
      lines.push(`${file}: conform (${name})`);
      continue;
    }
    const more = result.truncated ? ' (en meer)' : '';
    lines.push(`${file}: NIET conform (${name}), ${result.findings.length} bevinding(en)${more}`);
    for (const f of result.findings) {
      const where = f.line === null ? 'regel ?' : `regel ${f.line}${f.column === null ? '' : `:${f.column}`}`;
      const code = f.returnCode ? `${f.code} (retourcode ${f.returnCode})` : f.code;
      lines.push(`  ${where}  ${code}${f.path ? `  ${f.path}` : ''}`);
      lines.push(`    ${f.message}`);
    }
  }
  const failing = checks.filter((c) => !c.result.conforms).length;
  lines.push(
    failing === 0
      ? `Alle ${checks.length} bestand(en) conform.`
      : `${failing} van ${checks.length} bestand(en) niet conform.`,
  );
  return `${lines.join('\n')}\n`;
}
