/** Zod schemas of the assessment endpoints and the types inferred from them. */
import { z } from 'zod';
import { isoDate, requiredText } from '../../shared/schema-helpers.js';
import { ZRM_DOMAINS } from './self-sufficiency.js';

export const uuid = z.uuid({ error: 'Dit is geen geldige id.' });

export const zrmDomain = z.enum(ZRM_DOMAINS, {
  error: 'Kies een leefgebied van de Zelfredzaamheid-Matrix (bijv. finances, housing, social_network).',
});

/**
 * Scores as entered, per ZRM domain. Only "is it a number" is checked here; the range and the
 * domain names are checked by `validateZrmScores`, so its Dutch message names the domain.
 */
export const zrmScoresInput = z
  .record(z.string(), z.number({ error: 'Een ZRM-score is een geheel getal van 1 tot en met 5.' }))
  .describe('Score 1–5 per leefgebied van de ZRM, bijv. { "finances": 2, "housing": 4 }');

export const goalInput = z.strictObject({
  /** Keep a goal's id when rewriting the plan; a new goal gets one. */
  id: uuid.optional(),
  domain: zrmDomain,
  description: requiredText('De omschrijving van het doel', 1000),
});

export const assessmentBody = z.strictObject({
  lifeDomains: z
    .array(zrmDomain, { error: 'Geef de leefgebieden waar de hulpvraag over gaat.' })
    .min(1, { error: 'Kies minstens één leefgebied.' })
    .max(ZRM_DOMAINS.length, { error: `Er zijn maar ${ZRM_DOMAINS.length} leefgebieden.` }),
  selfReliance: requiredText('Wat de inwoner zelf kan', 4000),
  network: requiredText('Wat het netwerk van de inwoner kan', 4000),
  goals: z
    .array(goalInput, { error: 'Geef de doelen van het plan.' })
    .min(1, { error: 'Het plan heeft minstens één doel.' })
    .max(20, { error: 'Het plan heeft hoogstens 20 doelen.' }),
  zrmIntake: zrmScoresInput,
  plannedEvaluationDate: isoDate,
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

const zrmScoresView = z.record(z.string(), z.number());

export const goalView = z.object({
  id: z.string(),
  domain: zrmDomain,
  domainLabel: z.string(),
  description: z.string(),
});

export const assessmentView = z.object({
  caseId: z.string(),
  /** The request in the resident's words, as recorded with the report. */
  request: z.string(),
  lifeDomains: z.array(zrmDomain),
  selfReliance: z.string(),
  network: z.string(),
  goals: z.array(goalView),
  zrmIntake: zrmScoresView,
  plannedEvaluationDate: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AssessmentView = z.infer<typeof assessmentView>;
