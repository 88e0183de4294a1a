/**
 * What an evaluation must meet, and the one place that decides which compensation rule applies.
 * Pure apart from `compensationRuleFor`'s context parameter: no database, no HTTP.
 */
import { validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import type { StoredGoal } from './assessment-tables.js';
import type { StoredGoalAttainment } from './evaluation-tables.js';
import {
  type CompensationOutcome,
  type CompensationRule,
  DEFAULT_COMPENSATION_RULE,
  deriveOutcome,
  explainOutcome,
  type GoalAttainment,
  validateZrmScores,
  ZRM_DOMAIN_LABELS,
  type ZrmScores,
} from './self-sufficiency.js';

/**
 * The compensation rule the municipality evaluates its cases by. Today every municipality uses
 * the documented default; when the rule becomes a municipality setting, read it here (and pass
 * it through `validateCompensationRule`), and every evaluation follows.
 */
export async function compensationRuleFor(_ctx: TenantContext): Promise<CompensationRule> {
  return DEFAULT_COMPENSATION_RULE;
}

export interface EvaluationInput {
  evaluatedOn: string;
  goalAttainment: readonly { goalId: string; attained: GoalAttainment }[];
  zrm: Readonly<Record<string, number>>;
}

export interface AssessmentBasis {
  goals: readonly StoredGoal[];
  zrmIntake: ZrmScores;
  /** The Dutch date the assessment was recorded. */
  assessedOn: string;
}

export interface CheckedEvaluation {
  goalAttainment: StoredGoalAttainment[];
  zrm: ZrmScores;
  outcome: CompensationOutcome;
  explanation: string[];
}

export function checkEvaluation(
  input: EvaluationInput,
  basis: AssessmentBasis,
  today: string,
  rule: CompensationRule,
): CheckedEvaluation {
  if (input.evaluatedOn > today) {
    throw validationFailed('evaluatedOn', 'De evaluatiedatum ligt in de toekomst.');
  }
  if (input.evaluatedOn < basis.assessedOn) {
    throw validationFailed(
      'evaluatedOn',
      `De evaluatiedatum ligt vóór het onderzoek (vastgelegd op ${basis.assessedOn}).`,
    );
  }
  const zrm = validateZrmScores(input.zrm, 'zrm');

  const attained = new Map<string, GoalAttainment>();
  input.goalAttainment.forEach((entry, index) => {
    if (!basis.goals.some((g) => g.id === entry.goalId)) {
      throw validationFailed(
        `goalAttainment.${index}.goalId`,
        'Dit doel staat niet in het plan van de casus.',
      );
    }
    if (attained.has(entry.goalId)) {
      throw validationFailed(`goalAttainment.${index}.goalId`, 'Dit doel staat er meer dan eens in.');
    }
    attained.set(entry.goalId, entry.attained);
  });
  const goalAttainment = basis.goals.map((goal, index): StoredGoalAttainment => {
    const value = attained.get(goal.id);
    if (value === undefined) {
      throw validationFailed(
        'goalAttainment',
        `Geef voor doel ${index + 1} (${goal.description}) aan of het behaald is.`,
      );
    }
    return { goalId: goal.id, domain: goal.domain, description: goal.description, attained: value };
  });
  for (const goal of basis.goals) {
    if (zrm[goal.domain] === undefined) {
      throw validationFailed(
        `zrm.${goal.domain}`,
        `Er is een doel op ${ZRM_DOMAIN_LABELS[goal.domain]}; geef voor dat leefgebied de score bij de evaluatie.`,
      );
    }
  }
  const outcomeInput = {
    goals: goalAttainment.map((g) => ({ domain: g.domain, attained: g.attained })),
    intake: basis.zrmIntake,
    evaluation: zrm,
  };
  return {
    goalAttainment,
    zrm,
    outcome: deriveOutcome(outcomeInput, rule),
    explanation: explainOutcome(outcomeInput, rule),
  };
}
