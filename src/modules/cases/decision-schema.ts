import { z } from 'zod';
import { isoDate, requiredText } from '../../shared/schema-helpers.js';
import { FREQUENCIES } from './allocation-rules.js';

const uuid = z.uuid({ error: 'Dit is geen geldige id.' });

const decisionLineBody = z.strictObject({
  provisionId: uuid,
  granted: z.boolean({ error: 'Geef aan of de voorziening wordt toegekend.' }),
  form: z
    .enum(['in_kind', 'personal_budget'], { error: 'Kies zorg in natura of pgb.' })
    .nullable()
    .default(null),
  providerId: uuid.nullable().default(null),
  contractId: uuid.nullable().default(null),
  volume: z
    .number({ error: 'De omvang is een geheel getal.' })
    .int({ error: 'De omvang is een geheel getal.' })
    .min(1, { error: 'De omvang moet groter zijn dan nul (regel Omvang).' })
    .max(1_000_000)
    .nullable()
    .default(null),
  frequency: z
    .enum(FREQUENCIES, { error: 'Kies de frequentie: 1 per dag, 2 per week, 4 per maand, 6 totaal.' })
    .nullable()
    .default(null),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  reasoning: requiredText('De motivering', 4000),
});

export const decisionBody = z.strictObject({
  at: z.iso.datetime({ offset: true, error: 'Geef een tijdstip met tijdzone.' }).optional(),
  lines: z
    .array(decisionLineBody)
    .min(1, { error: 'Een besluit gaat over minstens één voorziening.' })
    .max(50),
});

export const decisionView = z.object({
  caseId: z.string(),
  decidedOn: z.string(),
  outcome: z.enum(['granted', 'partly_granted', 'refused']),
  decidedBy: z.string(),
  lines: z.array(
    z.object({
      id: z.string(),
      provisionId: z.string(),
      provisionName: z.string(),
      granted: z.boolean(),
      form: z.enum(['in_kind', 'personal_budget']).nullable(),
      providerId: z.string().nullable(),
      providerName: z.string().nullable(),
      contractId: z.string().nullable(),
      volume: z.number().int().nullable(),
      unit: z.string().nullable(),
      frequency: z.enum(FREQUENCIES).nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      reasoning: z.string(),
    }),
  ),
  allocations: z.array(
    z.object({
      id: z.string(),
      provisionId: z.string(),
      providerId: z.string(),
      contractId: z.string(),
      volume: z.number().int(),
      unit: z.string(),
      frequency: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      status: z.string(),
      /** ToewijzingNummer in the messages with the provider. */
      allocationNumber: z.number().int(),
      /** Changes after the decision (a granted request for a change), oldest first. */
      changes: z.array(
        z.object({
          changedAt: z.string(),
          changedBy: z.string(),
          reason: z.string(),
          previousEndDate: z.string().nullable(),
          previousVolume: z.number().int(),
          previousFrequency: z.string(),
          endDate: z.string().nullable(),
          volume: z.number().int(),
          frequency: z.string(),
          /** The allocation that continues this one with another size. */
          successorAllocationId: z.string().nullable(),
        }),
      ),
    }),
  ),
  /**
   * After recording: what the case worker should know about sending the allocations, e.g. an
   * allocation held because the resident's address is missing. Absent on a plain read.
   */
  notices: z.array(z.string()).optional(),
});

export type DecisionInput = z.infer<typeof decisionBody>;
export type DecisionView = z.infer<typeof decisionView>;
