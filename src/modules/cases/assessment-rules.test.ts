import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import { type AssessmentInput, checkAssessment } from './assessment-rules.js';

const input: AssessmentInput = {
  lifeDomains: ['housing', 'finances'],
  goals: [
    { domain: 'finances', description: 'Schulden op een rij.' },
    { id: 'kept-id', domain: 'housing', description: 'Woning aangepast.' },
  ],
  zrmIntake: { finances: 1, housing: 2, justice: 5 },
  plannedEvaluationDate: '2026-09-01',
};
let counter = 0;
const newId = () => `new-${++counter}`;

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('checkAssessment', () => {
  it('keeps given goal ids, gives new goals one, and types the intake scores', () => {
    const checked = checkAssessment(input, '2026-03-01', newId);
    expect(checked.goals.map((g) => g.id)).toEqual(['new-1', 'kept-id']);
    expect(checked.zrmIntake).toEqual({ finances: 1, housing: 2, justice: 5 });
  });

  it('allows an evaluation date on the report date, not before it', () => {
    expect(checkAssessment(input, '2026-09-01', newId).plannedEvaluationDate).toBe('2026-09-01');
    expect(fieldOf(() => checkAssessment(input, '2026-09-02', newId))).toBe('plannedEvaluationDate');
  });

  it('names the field of each mistake', () => {
    const cases: [Partial<AssessmentInput>, string][] = [
      [{ lifeDomains: ['housing', 'finances', 'housing'] }, 'lifeDomains.2'],
      [{ zrmIntake: { finances: 1, housing: 0 } }, 'zrmIntake.housing'],
      [{ zrmIntake: { finances: 1, housing: 5.5 } }, 'zrmIntake.housing'],
      [{ zrmIntake: { finances: 1, housing: 2, moon: 3 } }, 'zrmIntake.moon'],
      [{ zrmIntake: { finances: 1 } }, 'zrmIntake.housing'],
      [{ lifeDomains: ['housing'] }, 'goals.0.domain'],
      [
        {
          goals: [
            { id: 'same', domain: 'housing', description: 'a' },
            { id: 'same', domain: 'finances', description: 'b' },
          ],
        },
        'goals.1.id',
      ],
    ];
    for (const [overrides, field] of cases) {
      expect(fieldOf(() => checkAssessment({ ...input, ...overrides }, '2026-03-01', newId))).toBe(field);
    }
  });
});
