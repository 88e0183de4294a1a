/**
 * The rules a contract must obey, as a pure function (the iWmo execution variants decide which
 * units a contract's provisions may use).
 */
import { EFFORT_UNITS, OUTPUT_UNITS } from '../../shared/istandaard-codes.js';
import type { RuleViolation } from './provision-rules.js';
import type { ContractInput, ProvisionView } from './registry-schema.js';

export function contractViolation(
  input: ContractInput,
  provisions: readonly ProvisionView[],
): RuleViolation | undefined {
  if (input.endDate < input.startDate) {
    return { field: 'endDate', message: 'De einddatum ligt vóór de ingangsdatum.' };
  }
  if (input.financingVariant === 'task' && input.budgetCeilingCents === null) {
    return {
      field: 'budgetCeilingCents',
      message: 'Een taakgericht contract betaalt een vast bedrag: vul het budgetplafond in.',
    };
  }
  const seen = new Set<string>();
  for (const [index, line] of input.lines.entries()) {
    const field = `lines.${index}.provisionId`;
    if (seen.has(line.provisionId)) {
      return { field, message: 'Deze voorziening staat twee keer in het contract.' };
    }
    seen.add(line.provisionId);
    const found = provisions.find((p) => p.id === line.provisionId);
    if (!found) return { field, message: 'Deze voorziening bestaat niet in uw gemeente.' };
    if (found.kind !== 'tailored') {
      return {
        field,
        message: `${found.name} is een algemene voorziening en wordt niet ingekocht per contract.`,
      };
    }
    if (input.financingVariant === 'effort' && !EFFORT_UNITS.includes(found.unit ?? '')) {
      return {
        field,
        message: `${found.name} heeft geen tijdseenheid of stuks (inspanning); dat past niet bij inspanningsgericht financieren.`,
      };
    }
    if (input.financingVariant === 'output' && !OUTPUT_UNITS.includes(found.unit ?? '')) {
      return {
        field,
        message: `${found.name} heeft geen eenheid stuks (output) of euro's; dat past niet bij outputgericht financieren.`,
      };
    }
    if (input.financingVariant !== 'task' && line.tariffCents === 0) {
      return {
        field: `lines.${index}.tariffCents`,
        message: 'Vul een tarief per eenheid in dat groter is dan nul.',
      };
    }
  }
  return undefined;
}
