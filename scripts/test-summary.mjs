// Adds up Vitest JSON reports into one closing line, "N passed, N failed", and fails when a
// report is missing, empty or has failures: a leg that ran no test must not look green.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let problems = 0;
for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`missing or unreadable report: ${file}`);
    problems += 1;
    continue;
  }
  const total = report.numTotalTests ?? 0;
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed of ${total}`);
  if (total === 0 || report.numFailedTests > 0 || report.success === false) problems += 1;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(problems > 0 || failed > 0 || skipped > 0 ? 1 : 0);
