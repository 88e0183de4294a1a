/**
 * The rules an assessment must meet beyond its shape: distinct life domains, goals on those
 * domains with an intake score each, ZRM scores on the 1–5 scale, an evaluation date not before
 * the report. Pure: no database, no HTTP; errors name the field as the API body spells it.
 */
import { validationFailed } from '../../server/errors.js';
import type { StoredGoal } from './assessment-tables.js';
import { validateZrmScores, ZRM_DOMAIN_LABELS, type ZrmDomain, type ZrmScores } from './self-sufficiency.js';

export interface AssessmentInput {
  lifeDomains: readonly ZrmDomain[];
  goals: readonly { id?: string | undefined; domain: ZrmDomain; description: string }[];
  zrmIntake: Readonly<Record<string, number>>;
  plannedEvaluationDate: string;
}

export interface CheckedAssessment {
  lifeDomains: ZrmDomain[];
  goals: StoredGoal[];
  zrmIntake: ZrmScores;
  plannedEvaluationDate: string;
}

export function checkAssessment(
  input: AssessmentInput,
  reportDate: string,
  newId: () => string,
): CheckedAssessment {
  const seen = new Set<ZrmDomain>();
  input.lifeDomains.forEach((domain, index) => {
    if (seen.has(domain)) {
      throw validationFailed(
        `lifeDomains.${index}`,
        `Het leefgebied ${ZRM_DOMAIN_LABELS[domain]} staat er meer dan eens in.`,
      );
    }
    seen.add(domain);
  });
  const zrmIntake = validateZrmScores(input.zrmIntake, 'zrmIntake');
  const ids = new Set<string>();
  const goals = input.goals.map((goal, index): StoredGoal => {
    if (!seen.has(goal.domain)) {
      throw validationFailed(
        `goals.${index}.domain`,
        `Het doel gaat over ${ZRM_DOMAIN_LABELS[goal.domain]}, maar dat leefgebied staat niet bij de leefgebieden van de hulpvraag.`,
      );
    }
    if (zrmIntake[goal.domain] === undefined) {
      throw validationFailed(
        `zrmIntake.${goal.domain}`,
        `Er is een doel op ${ZRM_DOMAIN_LABELS[goal.domain]}; geef voor dat leefgebied ook de score bij de intake.`,
      );
    }
    const id = goal.id ?? newId();
    if (ids.has(id)) throw validationFailed(`goals.${index}.id`, 'Twee doelen hebben dezelfde id.');
    ids.add(id);
    return { id, domain: goal.domain, description: goal.description };
  });
  if (input.plannedEvaluationDate < reportDate) {
    throw validationFailed(
      'plannedEvaluationDate',
      `De evaluatiedatum ligt vóór de meldingsdatum (${reportDate}).`,
    );
  }
  return {
    lifeDomains: [...input.lifeDomains],
    goals,
    zrmIntake,
    plannedEvaluationDate: input.plannedEvaluationDate,
  };
}
