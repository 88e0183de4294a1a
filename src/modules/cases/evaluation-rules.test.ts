import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import type { StoredGoal } from './assessment-tables.js';
import { checkEvaluation, type EvaluationInput } from './evaluation-rules.js';
import { DEFAULT_COMPENSATION_RULE } from './self-sufficiency.js';

const goals: StoredGoal[] = [
  { id: 'g1', domain: 'finances', description: 'Schulden op een rij.' },
  { id: 'g2', domain: 'housing', description: 'Woning aangepast.' },
];
const basis = { goals, zrmIntake: { finances: 1, housing: 2 } as const, assessedOn: '2026-03-10' };
const today = '2026-09-01';
const input: EvaluationInput = {
  evaluatedOn: '2026-09-01',
  goalAttainment: [
    { goalId: 'g2', attained: 'yes' },
    { goalId: 'g1', attained: 'yes' },
  ],
  zrm: { finances: 3, housing: 3 },
};
const check = (overrides: Partial<EvaluationInput>) =>
  checkEvaluation({ ...input, ...overrides }, basis, today, DEFAULT_COMPENSATION_RULE);

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('checkEvaluation', () => {
  it('puts goal attainment in the plan’s order, with the goal copied in, and derives the outcome', () => {
    const checked = check({});
    expect(checked.goalAttainment).toEqual([
      { goalId: 'g1', domain: 'finances', description: 'Schulden op een rij.', attained: 'yes' },
      { goalId: 'g2', domain: 'housing', description: 'Woning aangepast.', attained: 'yes' },
    ]);
    expect(checked.outcome).toBe('compensated');
    expect(checked.explanation[0]).toBe('Uitkomst: gecompenseerd.');
  });

  it('derives partly and not compensated', () => {
    expect(
      check({
        goalAttainment: [
          { goalId: 'g1', attained: 'partly' },
          { goalId: 'g2', attained: 'yes' },
        ],
      }).outcome,
    ).toBe('partly_compensated');
    expect(
      check({
        goalAttainment: [
          { goalId: 'g1', attained: 'no' },
          { goalId: 'g2', attained: 'no' },
        ],
        zrm: { finances: 1, housing: 2 },
      }).outcome,
    ).toBe('not_compensated');
  });

  it('accepts the assessment day and today, not before or after', () => {
    expect(check({ evaluatedOn: '2026-03-10' }).outcome).toBe('compensated');
    expect(fieldOf(() => check({ evaluatedOn: '2026-03-09' }))).toBe('evaluatedOn');
    expect(fieldOf(() => check({ evaluatedOn: '2026-09-02' }))).toBe('evaluatedOn');
  });

  it('names the field of each mistake', () => {
    const cases: [Partial<EvaluationInput>, string][] = [
      [{ zrm: { finances: 0, housing: 3 } }, 'zrm.finances'],
      [{ zrm: { finances: 6, housing: 3 } }, 'zrm.finances'],
      [{ zrm: { finances: 2.5, housing: 3 } }, 'zrm.finances'],
      [{ zrm: { finances: 3 } }, 'zrm.housing'],
      [{ goalAttainment: [{ goalId: 'g1', attained: 'yes' }] }, 'goalAttainment'],
      [
        {
          goalAttainment: [
            { goalId: 'g1', attained: 'yes' },
            { goalId: 'g1', attained: 'no' },
          ],
        },
        'goalAttainment.1.goalId',
      ],
      [{ goalAttainment: [{ goalId: 'g9', attained: 'yes' }] }, 'goalAttainment.0.goalId'],
    ];
    for (const [overrides, field] of cases) expect(fieldOf(() => check(overrides))).toBe(field);
  });
});
