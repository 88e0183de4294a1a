import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import {
  type CompensationOutcome,
  type CompensationRule,
  DEFAULT_COMPENSATION_RULE,
  deriveOutcome,
  explainOutcome,
  type GoalAttainment,
  type OutcomeInput,
  validateCompensationRule,
  validateZrmScores,
  ZRM_DOMAIN_LABELS,
  ZRM_DOMAINS,
  ZRM_SCORE_LABELS,
  type ZrmDomain,
  type ZrmScore,
  type ZrmScores,
} from './self-sufficiency.js';

function domainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('ZRM constants', () => {
  it('has the 13 domains, each with a Dutch label', () => {
    expect(ZRM_DOMAINS).toHaveLength(13);
    expect(new Set(ZRM_DOMAINS).size).toBe(13);
    expect(Object.keys(ZRM_DOMAIN_LABELS).sort()).toEqual([...ZRM_DOMAINS].sort());
    expect(ZRM_DOMAIN_LABELS.finances).toBe('Financiën');
    expect(ZRM_DOMAIN_LABELS.social_network).toBe('Sociaal netwerk');
  });

  it('labels the scale from acute problems to fully self-reliant', () => {
    expect(ZRM_SCORE_LABELS[1]).toBe('Acute problematiek');
    expect(ZRM_SCORE_LABELS[3]).toBe('Beperkt zelfredzaam');
    expect(ZRM_SCORE_LABELS[5]).toBe('Volledig zelfredzaam');
  });
});

describe('validateZrmScores', () => {
  it('accepts known domains with whole scores 1–5 and allows domains to be left out', () => {
    expect(validateZrmScores({ finances: 1, housing: 5 })).toEqual({ finances: 1, housing: 5 });
    expect(validateZrmScores({})).toEqual({});
  });

  it('rejects an unknown domain with the domain as field', () => {
    const error = domainError(() => validateZrmScores({ hobbies: 3 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('zrm.hobbies');
    expect(error.message).toContain('geen leefgebied');
  });

  it.each([0, 6, 2.5, -1, Number.NaN])('rejects the score %d', (score) => {
    const error = domainError(() => validateZrmScores({ finances: score }));
    expect(error.field).toBe('zrm.finances');
    expect(error.message).toBe('De score voor Financiën moet een geheel getal van 1 tot en met 5 zijn.');
  });

  it('names the form section given', () => {
    expect(domainError(() => validateZrmScores({ housing: 9 }, 'evaluation')).field).toBe(
      'evaluation.housing',
    );
  });
});

describe('validateCompensationRule', () => {
  it('accepts the default rule', () => {
    expect(validateCompensationRule({ ...DEFAULT_COMPENSATION_RULE })).toEqual({
      minimumScore: 3,
      requireAllGoals: true,
      countImprovement: true,
    });
  });

  it('rejects a minimum score outside the scale', () => {
    const rule = { ...DEFAULT_COMPENSATION_RULE, minimumScore: 6 } as unknown as CompensationRule;
    expect(domainError(() => validateCompensationRule(rule)).field).toBe('rule.minimumScore');
  });

  it('rejects flags that are not booleans (settings come from storage)', () => {
    const requireAll = {
      ...DEFAULT_COMPENSATION_RULE,
      requireAllGoals: 'yes',
    } as unknown as CompensationRule;
    const improvement = { ...DEFAULT_COMPENSATION_RULE, countImprovement: 1 } as unknown as CompensationRule;
    expect(domainError(() => validateCompensationRule(requireAll)).field).toBe('rule.requireAllGoals');
    expect(domainError(() => validateCompensationRule(improvement)).field).toBe('rule.countImprovement');
  });

  it('is checked by deriveOutcome as well', () => {
    const rule = { ...DEFAULT_COMPENSATION_RULE, minimumScore: 0 } as unknown as CompensationRule;
    const input: OutcomeInput = {
      goals: [{ domain: 'finances', attained: 'yes' }],
      intake: { finances: 2 },
      evaluation: { finances: 3 },
    };
    expect(domainError(() => deriveOutcome(input, rule)).field).toBe('rule.minimumScore');
  });
});

const one = (attained: GoalAttainment, intake: ZrmScore, evaluation: ZrmScore): OutcomeInput => ({
  goals: [{ domain: 'housing', attained }],
  intake: { housing: intake },
  evaluation: { housing: evaluation },
});

describe('deriveOutcome with the default rule', () => {
  it('is compensated when all goals are attained and each concerned domain scores at least 3', () => {
    expect(deriveOutcome(one('yes', 3, 3))).toBe('compensated'); // exactly the minimum
    expect(deriveOutcome(one('yes', 4, 5))).toBe('compensated');
  });

  it('is compensated when a domain below 3 improved since intake', () => {
    expect(deriveOutcome(one('yes', 1, 2))).toBe('compensated');
  });

  it('is partly compensated when all goals are attained but a domain stays below 3 without improving', () => {
    expect(deriveOutcome(one('yes', 2, 2))).toBe('partly_compensated');
    expect(deriveOutcome(one('yes', 3, 2))).toBe('partly_compensated');
  });

  it('is partly compensated when a goal is only partly attained', () => {
    expect(deriveOutcome(one('partly', 2, 2))).toBe('partly_compensated');
    expect(deriveOutcome(one('partly', 3, 5))).toBe('partly_compensated');
  });

  it('is partly compensated when no goal is attained but a concerned domain improved', () => {
    expect(deriveOutcome(one('no', 1, 2))).toBe('partly_compensated');
  });

  it('is not compensated when no goal is attained and no concerned domain improved', () => {
    expect(deriveOutcome(one('no', 2, 2))).toBe('not_compensated');
    expect(deriveOutcome(one('no', 4, 3))).toBe('not_compensated'); // a score of 3 alone is no progress
  });

  it('looks only at domains a goal concerns', () => {
    const input: OutcomeInput = {
      goals: [{ domain: 'finances', attained: 'yes' }],
      intake: { finances: 2, housing: 1 },
      evaluation: { finances: 3, housing: 1 },
    };
    expect(deriveOutcome(input)).toBe('compensated');
  });

  it('needs every goal attained across several goals and domains', () => {
    const input: OutcomeInput = {
      goals: [
        { domain: 'finances', attained: 'yes' },
        { domain: 'finances', attained: 'yes' },
        { domain: 'social_network', attained: 'no' },
      ],
      intake: { finances: 2, social_network: 2 },
      evaluation: { finances: 4, social_network: 2 },
    };
    expect(deriveOutcome(input)).toBe('partly_compensated');
  });

  it('rejects a case without goals', () => {
    const error = domainError(() => deriveOutcome({ goals: [], intake: {}, evaluation: {} }));
    expect(error.field).toBe('goals');
    expect(error.message).toContain('geen doelen');
  });

  it('rejects a goal on a domain without intake or evaluation score', () => {
    const noIntake: OutcomeInput = {
      goals: [{ domain: 'justice', attained: 'yes' }],
      intake: {},
      evaluation: { justice: 4 },
    };
    const noEvaluation: OutcomeInput = { ...noIntake, intake: { justice: 2 }, evaluation: {} };
    expect(domainError(() => deriveOutcome(noIntake)).field).toBe('intake.justice');
    expect(domainError(() => deriveOutcome(noEvaluation)).field).toBe('evaluation.justice');
  });

  it('rejects invalid scores and goals that came in untyped', () => {
    const badScore = { ...one('yes', 3, 3), evaluation: { housing: 7 } } as unknown as OutcomeInput;
    expect(domainError(() => deriveOutcome(badScore)).field).toBe('evaluation.housing');
    const badDomain = {
      ...one('yes', 3, 3),
      goals: [{ domain: 'pets', attained: 'yes' }],
    } as unknown as OutcomeInput;
    expect(domainError(() => deriveOutcome(badDomain)).field).toBe('goals.0.domain');
    const badAttained = {
      ...one('yes', 3, 3),
      goals: [{ domain: 'housing', attained: 'toString' }],
    } as unknown as OutcomeInput;
    expect(domainError(() => deriveOutcome(badAttained)).field).toBe('goals.0.attained');
  });
});

describe('deriveOutcome with a configured rule', () => {
  it('raises the bar with a higher minimum score', () => {
    const rule: CompensationRule = { ...DEFAULT_COMPENSATION_RULE, minimumScore: 4 };
    expect(deriveOutcome(one('yes', 3, 3), rule)).toBe('partly_compensated');
    expect(deriveOutcome(one('yes', 3, 4), rule)).toBe('compensated');
  });

  it('ignores improvement for compensation when countImprovement is off', () => {
    const rule: CompensationRule = { ...DEFAULT_COMPENSATION_RULE, countImprovement: false };
    expect(deriveOutcome(one('yes', 1, 2), rule)).toBe('partly_compensated');
    // Improvement still keeps a case out of "not compensated".
    expect(deriveOutcome(one('no', 1, 2), rule)).toBe('partly_compensated');
  });

  it('lets a partly attained goal count when requireAllGoals is off', () => {
    const rule: CompensationRule = { ...DEFAULT_COMPENSATION_RULE, requireAllGoals: false };
    expect(deriveOutcome(one('partly', 2, 3), rule)).toBe('compensated');
    expect(deriveOutcome(one('no', 3, 3), rule)).toBe('not_compensated');
  });
});

describe('explainOutcome', () => {
  it('starts with the conclusion and explains a compensated case', () => {
    const sentences = explainOutcome(one('yes', 2, 3));
    expect(sentences[0]).toBe('Uitkomst: gecompenseerd.');
    expect(sentences[1]).toBe(
      'De beperkingen zijn gecompenseerd: alle doelen zijn behaald en elk betrokken leefgebied scoort minimaal 3 of is verbeterd sinds de intake.',
    );
    expect(sentences).toContain('Doel 1 (Huisvesting): behaald.');
    expect(sentences).toContain(
      'Huisvesting: verbeterd van 2 (niet zelfredzaam) naar 3 (beperkt zelfredzaam); dat is minimaal de vereiste score 3.',
    );
  });

  it('names what is missing for partial compensation', () => {
    const sentences = explainOutcome({
      goals: [
        { domain: 'finances', attained: 'yes' },
        { domain: 'housing', attained: 'partly' },
      ],
      intake: { finances: 2, housing: 2 },
      evaluation: { finances: 3, housing: 2 },
    });
    expect(sentences[0]).toBe('Uitkomst: gedeeltelijk gecompenseerd.');
    expect(sentences[1]).toBe(
      'De beperkingen zijn gedeeltelijk gecompenseerd: er is minstens één doel (gedeeltelijk) behaald, maar 1 van de 2 doelen is volledig behaald en onvoldoende resultaat op Huisvesting.',
    );
    expect(sentences).toContain(
      'Huisvesting: gelijk gebleven op 2 (niet zelfredzaam); dat is onder de vereiste score 3 en niet verbeterd.',
    );
  });

  it('explains a case without any progress', () => {
    const sentences = explainOutcome(one('no', 3, 2));
    expect(sentences[0]).toBe('Uitkomst: niet gecompenseerd.');
    expect(sentences[1]).toContain('geen enkel doel is (gedeeltelijk) behaald');
    expect(sentences).toContain(
      'Huisvesting: verslechterd van 3 (beperkt zelfredzaam) naar 2 (niet zelfredzaam); dat is onder de vereiste score 3 en niet verbeterd.',
    );
  });

  it('says when improvement below the minimum counts or does not', () => {
    expect(explainOutcome(one('yes', 1, 2))).toContain(
      'Huisvesting: verbeterd van 1 (acute problematiek) naar 2 (niet zelfredzaam); dat is onder de score 3, maar de verbetering telt mee.',
    );
    const strict: CompensationRule = { ...DEFAULT_COMPENSATION_RULE, countImprovement: false };
    expect(explainOutcome(one('yes', 1, 2), strict)[1]).toBe(
      'De beperkingen zijn gedeeltelijk gecompenseerd: er is minstens één doel (gedeeltelijk) behaald, maar onvoldoende resultaat op Huisvesting.',
    );
  });

  it('always agrees with deriveOutcome', () => {
    fc.assert(
      fc.property(outcomeInput, rule, (input, r) => {
        const label = {
          compensated: 'gecompenseerd',
          partly_compensated: 'gedeeltelijk gecompenseerd',
          not_compensated: 'niet gecompenseerd',
        };
        expect(explainOutcome(input, r)[0]).toBe(`Uitkomst: ${label[deriveOutcome(input, r)]}.`);
      }),
    );
  });
});

const score = fc.constantFrom<ZrmScore>(1, 2, 3, 4, 5);
const attainment = fc.constantFrom<GoalAttainment>('no', 'partly', 'yes');
const rule = fc.record({
  minimumScore: score,
  requireAllGoals: fc.boolean(),
  countImprovement: fc.boolean(),
});

/** Goals on a few domains, with both scores for every concerned domain (and sometimes others). */
const outcomeInput = fc
  .uniqueArray(fc.constantFrom<ZrmDomain>(...ZRM_DOMAINS), { minLength: 1, maxLength: 5 })
  .chain((domains) =>
    fc.record({
      goals: fc.array(fc.record({ domain: fc.constantFrom(...domains), attained: attainment }), {
        minLength: 1,
        maxLength: 6,
      }),
      intake: fc.tuple(...domains.map(() => score)).map((s) => scoresFor(domains, s)),
      evaluation: fc.tuple(...domains.map(() => score)).map((s) => scoresFor(domains, s)),
    }),
  );

function scoresFor(domains: readonly ZrmDomain[], scores: readonly ZrmScore[]): ZrmScores {
  const result: ZrmScores = {};
  domains.forEach((domain, i) => {
    const s = scores[i];
    if (s !== undefined) result[domain] = s;
  });
  return result;
}

const RANK: Record<CompensationOutcome, number> = {
  not_compensated: 0,
  partly_compensated: 1,
  compensated: 2,
};
const ATTAINMENT_RANK: GoalAttainment[] = ['no', 'partly', 'yes'];

describe('compensation rule properties', () => {
  it('never worsens the outcome when evaluation scores go up', () => {
    fc.assert(
      fc.property(
        outcomeInput,
        rule,
        fc.array(fc.nat({ max: 4 }), { minLength: 13, maxLength: 13 }),
        (input, r, raises) => {
          const raised: ZrmScores = {};
          for (const [domain, value] of Object.entries(input.evaluation) as [ZrmDomain, ZrmScore][]) {
            const raise = raises[ZRM_DOMAINS.indexOf(domain)] ?? 0;
            raised[domain] = Math.min(5, value + raise) as ZrmScore;
          }
          const before = RANK[deriveOutcome(input, r)];
          const after = RANK[deriveOutcome({ ...input, evaluation: raised }, r)];
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('never worsens the outcome when a goal is attained further', () => {
    fc.assert(
      fc.property(outcomeInput, rule, fc.nat(), (input, r, pick) => {
        const index = pick % input.goals.length;
        const goals = input.goals.map((goal, i) => {
          if (i !== index) return goal;
          const next =
            ATTAINMENT_RANK[Math.min(2, ATTAINMENT_RANK.indexOf(goal.attained) + 1)] ?? goal.attained;
          return { ...goal, attained: next };
        });
        expect(RANK[deriveOutcome({ ...input, goals }, r)]).toBeGreaterThanOrEqual(
          RANK[deriveOutcome(input, r)],
        );
      }),
    );
  });

  it('is compensated whenever every goal is attained and every concerned domain scores 5', () => {
    fc.assert(
      fc.property(outcomeInput, rule, (input, r) => {
        const goals = input.goals.map((g) => ({ ...g, attained: 'yes' as const }));
        const evaluation: ZrmScores = {};
        for (const domain of Object.keys(input.evaluation) as ZrmDomain[]) evaluation[domain] = 5;
        expect(deriveOutcome({ ...input, goals, evaluation }, r)).toBe('compensated');
      }),
    );
  });
});
