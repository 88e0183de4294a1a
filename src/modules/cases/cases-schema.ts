import { z } from 'zod';
import { isoDate, listOf, personalDataPaging, requiredText } from '../../shared/schema-helpers.js';

const uuid = z.uuid({ error: 'Dit is geen geldige id.' });
const reason = requiredText('De reden', 1000);
const instant = z.iso.datetime({
  offset: true,
  error: 'Geef een tijdstip met tijdzone, bijv. 2026-03-02T10:15:00+01:00.',
});

export const CASE_LAWS = ['wmo', 'youth', 'participation'] as const;
export const CASE_STATUSES = [
  'reported',
  'requested',
  'assessment',
  'applied',
  'decided',
  'withdrawn',
] as const;

export const openCaseBody = z.strictObject({
  residentId: uuid,
  law: z.enum(CASE_LAWS, { error: 'Kies de wet: Wmo 2015, Jeugdwet of Participatiewet.' }),
  reportDate: isoDate,
  request: requiredText('De hulpvraag in de woorden van de inwoner', 4000),
  urgent: z.boolean().default(false),
  participationKind: z.enum(['income_support', 'reintegration']).optional(),
  teamId: uuid.optional(),
  /** When the report was recorded, if not now (a report taken by phone yesterday). */
  at: instant.optional(),
});
export type OpenCaseBody = z.infer<typeof openCaseBody>;

export const caseEventBody = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('start_assessment'), at: instant.optional() }),
    z.strictObject({ type: z.literal('complete_assessment'), at: instant.optional() }),
    z.strictObject({ type: z.literal('apply'), at: instant.optional() }),
    z.strictObject({ type: z.literal('decide'), at: instant.optional() }),
    z.strictObject({ type: z.literal('withdraw'), reason: reason.optional(), at: instant.optional() }),
    z.strictObject({ type: z.literal('suspend'), reason, at: instant.optional() }),
    z.strictObject({ type: z.literal('resume'), at: instant.optional() }),
    z.strictObject({
      type: z.literal('extend'),
      days: z.number().int({ error: 'Het aantal dagen is een geheel getal.' }).min(1).max(365),
      reason,
      at: instant.optional(),
    }),
    z.strictObject({ type: z.literal('receive_own_plan'), at: instant.optional() }),
    z.strictObject({ type: z.literal('pay_advance'), at: instant.optional() }),
    z.strictObject({ type: z.literal('provide_temporary_provision'), at: instant.optional() }),
  ],
  { error: 'Onbekende stap in de casus.' },
);
export type CaseEventBody = z.infer<typeof caseEventBody>;

const deadline = z.object({
  kind: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'met', 'due_soon', 'overdue']),
  metOn: z.string().optional(),
});

const transitionView = z.object({
  event: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actor: z.string(),
  at: z.string(),
  on: z.string(),
  reason: z.string().optional(),
});

export const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  law: z.enum(CASE_LAWS),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  reportDate: z.string(),
  urgent: z.boolean(),
  suspended: z.boolean(),
  nextDeadline: deadline.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseDetail = caseSummary.extend({
  request: z.string(),
  residentBsn: z.string(),
  deadlines: z.array(deadline),
  history: z.array(transitionView),
  /** The steps the law allows today; a screen offers only these. */
  allowedEvents: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const worklistQuery = z.strictObject({
  teamId: uuid.optional(),
  attention: z.enum(['true', 'false']).optional(),
  ...personalDataPaging,
});
export const worklist = listOf(caseSummary);

export const teamView = z.object({
  id: z.string(),
  name: z.string(),
  districtCode: z.string().nullable(),
  memberIds: z.array(z.string()),
});
export const teamBody = z.strictObject({
  name: requiredText('De naam van het team'),
  districtCode: z
    .string()
    .regex(/^WK[0-9]{6}$/, { error: 'Een wijkcode is WK gevolgd door 6 cijfers.' })
    .nullable()
    .default(null),
});
export const teamMembersBody = z.strictObject({ accountIds: z.array(uuid).max(200) });
