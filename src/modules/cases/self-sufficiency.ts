/**
 * The Zelfredzaamheid-Matrix (ZRM, self-sufficiency matrix) and the compensation rule that turns a
 * case's goals and its intake and evaluation scores into an outcome. Pure: no database, no HTTP.
 *
 * Default compensation rule (NL): Een casus is *gecompenseerd* als alle doelen behaald zijn en elk
 * leefgebied waar een doel over gaat bij de evaluatie minimaal score 3 (beperkt zelfredzaam) heeft
 * of sinds de intake is verbeterd. Een casus is *niet gecompenseerd* als geen enkel doel (ook niet
 * gedeeltelijk) behaald is en geen van die leefgebieden is verbeterd. In alle andere gevallen is de
 * casus *gedeeltelijk gecompenseerd*.
 *
 * Default compensation rule (EN): a case is *compensated* when every goal is attained and every
 * domain a goal concerns scores at least 3 (limited self-reliance) at evaluation or improved since
 * intake. It is *not compensated* when no goal is attained, not even partly, and none of those
 * domains improved. Anything in between is *partly compensated*.
 *
 * Decisions (and why):
 * - Only the domains a goal concerns count: the compensation duty is about the limitations the
 *   case set out to compensate, not about every life domain of the resident.
 * - Every concerned domain needs an intake and an evaluation score; guessing a missing score
 *   would decide an appealable outcome on data nobody entered.
 * - The rule's parameters are monotone by construction, so raising an evaluation score or a goal's
 *   attainment never worsens the outcome, whatever a municipality configures (see the tests).
 */
import { validationFailed } from '../../server/errors.js';

export const ZRM_DOMAINS = [
  'finances',
  'work_education',
  'time_use',
  'domestic_relations',
  'housing',
  'mental_health',
  'physical_health',
  'addiction',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'social_participation',
  'justice',
] as const;

export type ZrmDomain = (typeof ZRM_DOMAINS)[number];

/** Labels as on the ZRM form; ADL is split into basic (self-care) and instrumental (household). */
export const ZRM_DOMAIN_LABELS: Readonly<Record<ZrmDomain, string>> = {
  finances: 'Financiën',
  work_education: 'Werk & opleiding',
  time_use: 'Tijdsbesteding',
  domestic_relations: 'Huiselijke relaties',
  housing: 'Huisvesting',
  mental_health: 'Geestelijke gezondheid',
  physical_health: 'Lichamelijke gezondheid',
  addiction: 'Verslaving',
  basic_adl: 'Basale ADL',
  instrumental_adl: 'Instrumentele ADL (huishouden)',
  social_network: 'Sociaal netwerk',
  social_participation: 'Maatschappelijke participatie',
  justice: 'Justitie',
};

export const ZRM_SCORES = [1, 2, 3, 4, 5] as const;
export type ZrmScore = (typeof ZRM_SCORES)[number];

export const ZRM_SCORE_LABELS: Readonly<Record<ZrmScore, string>> = {
  1: 'Acute problematiek',
  2: 'Niet zelfredzaam',
  3: 'Beperkt zelfredzaam',
  4: 'Voldoende zelfredzaam',
  5: 'Volledig zelfredzaam',
};

/** Scores per domain; a domain that was not assessed is absent. */
export type ZrmScores = Partial<Record<ZrmDomain, ZrmScore>>;

export function isZrmDomain(value: string): value is ZrmDomain {
  return (ZRM_DOMAINS as readonly string[]).includes(value);
}

export function isZrmScore(value: number): value is ZrmScore {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * Checks scores as entered (a form or an API body) and returns them typed. `fieldPrefix` names the
 * form section in the error, so intake and evaluation errors point at the right field.
 */
export function validateZrmScores(scores: Readonly<Record<string, number>>, fieldPrefix = 'zrm'): ZrmScores {
  const valid: ZrmScores = {};
  for (const [domain, score] of Object.entries(scores)) {
    if (!isZrmDomain(domain)) {
      throw validationFailed(
        `${fieldPrefix}.${domain}`,
        `'${domain}' is geen leefgebied van de Zelfredzaamheid-Matrix.`,
      );
    }
    if (typeof score !== 'number' || !isZrmScore(score)) {
      throw validationFailed(
        `${fieldPrefix}.${domain}`,
        `De score voor ${ZRM_DOMAIN_LABELS[domain]} moet een geheel getal van 1 tot en met 5 zijn.`,
      );
    }
    valid[domain] = score;
  }
  return valid;
}

export type GoalAttainment = 'yes' | 'partly' | 'no';
export type CompensationOutcome = 'compensated' | 'partly_compensated' | 'not_compensated';

export const COMPENSATION_OUTCOME_LABELS: Readonly<Record<CompensationOutcome, string>> = {
  compensated: 'Gecompenseerd',
  partly_compensated: 'Gedeeltelijk gecompenseerd',
  not_compensated: 'Niet gecompenseerd',
};

const GOAL_ATTAINMENT_LABELS: Readonly<Record<GoalAttainment, string>> = {
  yes: 'behaald',
  partly: 'gedeeltelijk behaald',
  no: 'niet behaald',
};

export interface Goal {
  domain: ZrmDomain;
  attained: GoalAttainment;
}

export interface OutcomeInput {
  goals: readonly Goal[];
  intake: ZrmScores;
  evaluation: ZrmScores;
}

export interface CompensationRule {
  /** Evaluation score from which a concerned domain counts as sufficiently self-reliant. */
  minimumScore: ZrmScore;
  /**
   * true: "compensated" needs every goal fully attained. false: a partly attained goal is enough,
   * for municipalities that judge partial attainment together with the scores.
   */
  requireAllGoals: boolean;
  /**
   * true: a concerned domain that improved since intake counts as sufficient even below
   * `minimumScore`. false: only `minimumScore` counts for "compensated". Improvement always keeps a
   * case out of "not compensated": some progress is partial compensation under any rule.
   */
  countImprovement: boolean;
}

export const DEFAULT_COMPENSATION_RULE: Readonly<CompensationRule> = Object.freeze({
  minimumScore: 3,
  requireAllGoals: true,
  countImprovement: true,
});

/** Checks a rule as configured by a municipality (it comes from settings, not from code). */
export function validateCompensationRule(rule: CompensationRule): CompensationRule {
  if (typeof rule.minimumScore !== 'number' || !isZrmScore(rule.minimumScore)) {
    throw validationFailed(
      'rule.minimumScore',
      'De minimumscore van de compensatieregel moet een geheel getal van 1 tot en met 5 zijn.',
    );
  }
  if (typeof rule.requireAllGoals !== 'boolean') {
    throw validationFailed(
      'rule.requireAllGoals',
      'Geef aan of alle doelen volledig behaald moeten zijn (ja of nee).',
    );
  }
  if (typeof rule.countImprovement !== 'boolean') {
    throw validationFailed(
      'rule.countImprovement',
      'Geef aan of verbetering sinds de intake meetelt (ja of nee).',
    );
  }
  return rule;
}

interface DomainAssessment {
  domain: ZrmDomain;
  intake: ZrmScore;
  evaluation: ZrmScore;
  improved: boolean;
  meetsMinimum: boolean;
  sufficient: boolean;
}

interface Assessment {
  outcome: CompensationOutcome;
  goals: readonly Goal[];
  domains: readonly DomainAssessment[];
  goalsCounting: number;
}

/** The single evaluation of the rule, shared by `deriveOutcome` and `explainOutcome` so they never disagree. */
function assess(input: OutcomeInput, rule: CompensationRule): Assessment {
  validateCompensationRule(rule);
  if (input.goals.length === 0) {
    throw validationFailed(
      'goals',
      'Er zijn geen doelen vastgelegd; zonder doelen is niet te beoordelen of de beperkingen zijn gecompenseerd.',
    );
  }
  const intake = validateZrmScores(input.intake, 'intake');
  const evaluation = validateZrmScores(input.evaluation, 'evaluation');

  const domains: DomainAssessment[] = [];
  input.goals.forEach((goal, index) => {
    if (!isZrmDomain(goal.domain)) {
      throw validationFailed(
        `goals.${index}.domain`,
        `'${String(goal.domain)}' is geen leefgebied van de Zelfredzaamheid-Matrix.`,
      );
    }
    if (!Object.hasOwn(GOAL_ATTAINMENT_LABELS, goal.attained)) {
      throw validationFailed(
        `goals.${index}.attained`,
        'Geef per doel aan of het behaald is: ja, gedeeltelijk of nee.',
      );
    }
    if (domains.some((d) => d.domain === goal.domain)) return;
    const label = ZRM_DOMAIN_LABELS[goal.domain];
    const before = intake[goal.domain];
    const after = evaluation[goal.domain];
    if (before === undefined) {
      throw validationFailed(
        `intake.${goal.domain}`,
        `Er is een doel op ${label}, maar geen intakescore voor dit leefgebied.`,
      );
    }
    if (after === undefined) {
      throw validationFailed(
        `evaluation.${goal.domain}`,
        `Er is een doel op ${label}, maar geen evaluatiescore voor dit leefgebied.`,
      );
    }
    const improved = after > before;
    const meetsMinimum = after >= rule.minimumScore;
    domains.push({
      domain: goal.domain,
      intake: before,
      evaluation: after,
      improved,
      meetsMinimum,
      sufficient: meetsMinimum || (rule.countImprovement && improved),
    });
  });

  const goalCounts = (goal: Goal) =>
    goal.attained === 'yes' || (!rule.requireAllGoals && goal.attained === 'partly');
  const goalsCounting = input.goals.filter(goalCounts).length;
  let outcome: CompensationOutcome;
  if (goalsCounting === input.goals.length && domains.every((d) => d.sufficient)) {
    outcome = 'compensated';
  } else if (input.goals.every((g) => g.attained === 'no') && !domains.some((d) => d.improved)) {
    outcome = 'not_compensated';
  } else {
    outcome = 'partly_compensated';
  }
  return { outcome, goals: input.goals, domains, goalsCounting };
}

/** The outcome of a case under a compensation rule (the municipality's, or the default). */
export function deriveOutcome(
  input: OutcomeInput,
  rule: CompensationRule = DEFAULT_COMPENSATION_RULE,
): CompensationOutcome {
  return assess(input, rule).outcome;
}

function scoreText(score: ZrmScore): string {
  return `${score} (${ZRM_SCORE_LABELS[score].toLowerCase()})`;
}

function describeDomain(d: DomainAssessment, rule: CompensationRule): string {
  const label = ZRM_DOMAIN_LABELS[d.domain];
  const movement =
    d.evaluation > d.intake
      ? `verbeterd van ${scoreText(d.intake)} naar ${scoreText(d.evaluation)}`
      : d.evaluation < d.intake
        ? `verslechterd van ${scoreText(d.intake)} naar ${scoreText(d.evaluation)}`
        : `gelijk gebleven op ${scoreText(d.evaluation)}`;
  let verdict: string;
  if (d.meetsMinimum) verdict = `dat is minimaal de vereiste score ${rule.minimumScore}`;
  else if (d.sufficient) verdict = `dat is onder de score ${rule.minimumScore}, maar de verbetering telt mee`;
  else if (d.improved)
    verdict = `dat is onder de vereiste score ${rule.minimumScore}; verbetering telt in deze regel niet mee`;
  else verdict = `dat is onder de vereiste score ${rule.minimumScore} en niet verbeterd`;
  return `${label}: ${movement}; ${verdict}.`;
}

/**
 * Dutch sentences for the case worker's screen: the conclusion first, then the reason, then every
 * goal and every concerned domain, so the outcome can be checked and, if needed, disputed.
 */
export function explainOutcome(
  input: OutcomeInput,
  rule: CompensationRule = DEFAULT_COMPENSATION_RULE,
): string[] {
  const a = assess(input, rule);
  const total = a.goals.length;
  const goalWord = total === 1 ? 'doel' : 'doelen';
  const sentences = [`Uitkomst: ${COMPENSATION_OUTCOME_LABELS[a.outcome].toLowerCase()}.`];
  const insufficient = a.domains.filter((d) => !d.sufficient).map((d) => ZRM_DOMAIN_LABELS[d.domain]);
  const attainedAll = rule.requireAllGoals
    ? 'alle doelen zijn behaald'
    : 'alle doelen zijn (minstens gedeeltelijk) behaald';
  const domainCondition = rule.countImprovement
    ? `elk betrokken leefgebied scoort minimaal ${rule.minimumScore} of is verbeterd sinds de intake`
    : `elk betrokken leefgebied scoort minimaal ${rule.minimumScore}`;

  switch (a.outcome) {
    case 'compensated':
      sentences.push(`De beperkingen zijn gecompenseerd: ${attainedAll} en ${domainCondition}.`);
      break;
    case 'not_compensated':
      sentences.push(
        `De beperkingen zijn niet gecompenseerd: geen enkel doel is (gedeeltelijk) behaald en geen betrokken leefgebied is verbeterd sinds de intake.`,
      );
      break;
    case 'partly_compensated': {
      const missing: string[] = [];
      if (a.goalsCounting < total) {
        const required = rule.requireAllGoals ? 'volledig behaald' : 'minstens gedeeltelijk behaald';
        missing.push(
          `${a.goalsCounting} van de ${total} ${goalWord} ${a.goalsCounting === 1 ? 'is' : 'zijn'} ${required}`,
        );
      }
      if (insufficient.length > 0) {
        missing.push(`onvoldoende resultaat op ${joinDutch(insufficient)}`);
      }
      const progress = a.goals.some((g) => g.attained !== 'no')
        ? 'er is minstens één doel (gedeeltelijk) behaald'
        : 'er is vooruitgang op minstens één betrokken leefgebied';
      sentences.push(
        `De beperkingen zijn gedeeltelijk gecompenseerd: ${progress}, maar ${joinDutch(missing)}.`,
      );
      break;
    }
    default: {
      const unreachable: never = a.outcome;
      throw new Error(`unknown outcome ${String(unreachable)}`);
    }
  }

  a.goals.forEach((goal, index) => {
    sentences.push(
      `Doel ${index + 1} (${ZRM_DOMAIN_LABELS[goal.domain]}): ${GOAL_ATTAINMENT_LABELS[goal.attained]}.`,
    );
  });
  for (const d of a.domains) sentences.push(describeDomain(d, rule));
  return sentences;
}

/** "a", "a en b", "a, b en c". */
function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
