/**
 * The rules a decision line must obey before it becomes an allocation, as pure functions named
 * after the rule they enforce, so an error can say which rule failed:
 * - a granted tailored provision in kind needs a provider with a valid contract for that
 *   provision covering the whole period (contract rule);
 * - the iWmo "Omvang": volume > 0 in the provision's unit, a frequency the execution variant
 *   allows, and an end date when the frequency is per week (Uitvoeringsvarianten tables);
 * - no overlapping allocation of the same product by the same provider for the same resident
 *   (the stapeling rule).
 */
import type { RuleViolation } from '../registry/provision-rules.js';
import type { ContractDetail, ProvisionView } from '../registry/registry-schema.js';

export const FREQUENCIES = ['1', '2', '4', '6'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  '1': 'per dag',
  '2': 'per week',
  '4': 'per maand',
  '6': 'totaal binnen de looptijd',
};

/** WMO757 frequencies allowed per unit (WJ756), from the published execution-variant tables. */
const FREQUENCIES_BY_UNIT: Record<string, readonly Frequency[]> = {
  '01': ['1', '2', '4', '6'],
  '04': ['1', '2', '4', '6'],
  '16': ['2', '4', '6'],
  '14': ['2', '4', '6'],
  '84': ['2', '4', '6'],
  '82': ['1', '2', '4', '6'],
  '83': ['2', '4', '6'],
};

export interface DecisionLineInput {
  provisionId: string;
  granted: boolean;
  form: 'in_kind' | 'personal_budget' | null;
  providerId: string | null;
  contractId: string | null;
  volume: number | null;
  frequency: Frequency | null;
  startDate: string | null;
  endDate: string | null;
  reasoning: string;
}

export interface ExistingAllocation {
  provisionId: string;
  providerId: string;
  startDate: string;
  endDate: string | null;
}

function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart <= (bEnd ?? '9999-12-31') && bStart <= (aEnd ?? '9999-12-31');
}

/** The violation of one decision line, with the field relative to the line. */
export function decisionLineViolation(
  line: DecisionLineInput,
  provision: ProvisionView | undefined,
  contract: ContractDetail | undefined,
  existing: readonly ExistingAllocation[],
): RuleViolation | undefined {
  if (!provision) return { field: 'provisionId', message: 'Deze voorziening bestaat niet in uw gemeente.' };
  if (!line.granted) {
    const filled = line.form ?? line.providerId ?? line.contractId ?? line.volume;
    return filled === null
      ? undefined
      : { field: 'form', message: 'Een afgewezen voorziening heeft geen vorm, aanbieder of omvang.' };
  }
  if (line.startDate === null) return { field: 'startDate', message: 'Vul de ingangsdatum in.' };
  if (line.endDate !== null && line.endDate < line.startDate) {
    return { field: 'endDate', message: 'De einddatum ligt vóór de ingangsdatum.' };
  }
  if (provision.kind === 'general') {
    // A referral to a general provision: no decision on form or volume, no allocation.
    const filled = line.form ?? line.providerId ?? line.contractId ?? line.volume ?? line.frequency;
    return filled === null
      ? undefined
      : {
          field: 'form',
          message: `${provision.name} is een algemene voorziening: verwijs zonder vorm, aanbieder of omvang.`,
        };
  }
  if (line.form === null)
    return { field: 'form', message: 'Kies zorg in natura of een persoonsgebonden budget.' };
  if (line.volume === null || line.volume <= 0) {
    return { field: 'volume', message: 'De omvang moet groter zijn dan nul (regel Omvang).' };
  }
  const allowed = FREQUENCIES_BY_UNIT[provision.unit ?? ''] ?? [];
  if (line.frequency === null || !allowed.includes(line.frequency)) {
    return {
      field: 'frequency',
      message: `Kies een frequentie die past bij de eenheid van ${provision.name}: ${allowed.map((f) => FREQUENCY_LABELS[f]).join(', ')} (regel Omvang).`,
    };
  }
  if (line.frequency === '2' && line.endDate === null) {
    return {
      field: 'endDate',
      message: 'Bij een omvang per week is een einddatum verplicht (regel Omvang).',
    };
  }
  if (line.form === 'personal_budget') {
    return line.providerId === null && line.contractId === null
      ? undefined
      : {
          field: 'providerId',
          message: 'Bij een persoonsgebonden budget kiest de inwoner zelf zijn aanbieder.',
        };
  }
  if (line.providerId === null)
    return { field: 'providerId', message: 'Kies de aanbieder die de zorg levert.' };
  if (!contract || contract.providerId !== line.providerId) {
    return { field: 'contractId', message: 'Kies een contract van deze aanbieder (regel geldig contract).' };
  }
  if (!contract.lines.some((l) => l.provisionId === provision.id)) {
    return {
      field: 'contractId',
      message: `Contract ${contract.reference} omvat ${provision.name} niet (regel geldig contract).`,
    };
  }
  if (line.startDate < contract.startDate || (line.endDate ?? '9999-12-31') > contract.endDate) {
    return {
      field: 'endDate',
      message: `De periode valt buiten de looptijd van contract ${contract.reference} (regel geldig contract).`,
    };
  }
  const clash = existing.find(
    (a) =>
      a.provisionId === provision.id &&
      a.providerId === line.providerId &&
      overlaps(a.startDate, a.endDate, line.startDate ?? '', line.endDate),
  );
  if (clash) {
    return {
      field: 'startDate',
      message: `Deze inwoner heeft al een toewijzing van ${provision.name} bij deze aanbieder van ${clash.startDate} tot ${clash.endDate ?? 'onbepaald'} (regel stapeling).`,
    };
  }
  return undefined;
}
