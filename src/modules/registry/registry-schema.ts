import { z } from 'zod';
import { AGB_CODE, isValidBsn, KVK_NUMBER, MESSAGES } from '../../shared/identifiers.js';
import { KPI_INDICATORS } from '../../shared/kpi-indicators.js';
import { isoDate, listOf, paging, requiredText, searchText } from '../../shared/schema-helpers.js';
import {
  composeName,
  GENDERS,
  HOUSE_LETTER,
  normalisePostcode,
  POSTCODE,
  RESIDENT_LIMITS,
} from './resident-rules.js';

export const LAWS = ['wmo', 'youth', 'participation'] as const;
export type Law = (typeof LAWS)[number];
export const LAW_LABELS: Record<Law, string> = {
  wmo: 'Wmo 2015',
  youth: 'Jeugdwet',
  participation: 'Participatiewet',
};
export const PROVISION_KINDS = ['general', 'tailored'] as const;
export type ProvisionKind = (typeof PROVISION_KINDS)[number];
export const FINANCING_VARIANTS = ['effort', 'output', 'task'] as const;
export type FinancingVariant = (typeof FINANCING_VARIANTS)[number];

const uuid = z.uuid({ error: 'Dit is geen geldige id.' });
export const idParams = z.object({ id: uuid });

// providers -------------------------------------------------------------------------------

export const providerBody = z.strictObject({
  agbCode: z.string({ error: MESSAGES.agbCode }).trim().regex(AGB_CODE, { error: MESSAGES.agbCode }),
  name: requiredText('De naam'),
  kvkNumber: z
    .string({ error: MESSAGES.kvkNumber })
    .trim()
    .regex(KVK_NUMBER, { error: MESSAGES.kvkNumber })
    .nullable()
    .default(null),
});
export type ProviderInput = z.infer<typeof providerBody>;

export const providerQuery = z.strictObject({ search: searchText.optional(), ...paging });

export const contractSummary = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  reference: z.string(),
  financingVariant: z.enum(FINANCING_VARIANTS),
  startDate: z.string(),
  endDate: z.string(),
  budgetCeilingCents: z.number().int().nullable(),
  lineCount: z.number().int(),
});
export type ContractSummary = z.infer<typeof contractSummary>;

export const providerSummary = z.object({
  id: z.string(),
  agbCode: z.string(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  contractCount: z.number().int(),
});
export type ProviderSummary = z.infer<typeof providerSummary>;
export const providerDetail = providerSummary.extend({ contracts: z.array(contractSummary) });
export type ProviderDetail = z.infer<typeof providerDetail>;
export const providerList = listOf(providerSummary);

// provisions ------------------------------------------------------------------------------

export const provisionBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, {
      error: 'De code bestaat uit 1 tot 20 letters, cijfers, punten of streepjes.',
    }),
  name: requiredText('De naam'),
  law: z.enum(LAWS, { error: 'Kies de wet: Wmo 2015, Jeugdwet of Participatiewet.' }),
  kind: z.enum(PROVISION_KINDS, { error: 'Kies algemene voorziening of maatwerkvoorziening.' }),
  productCategory: z.string().nullable().default(null),
  productCode: z.string().trim().nullable().default(null),
  unit: z.string().nullable().default(null),
  intent: requiredText('Het doel (de bedoeling)', 2000),
});
export type ProvisionInput = z.infer<typeof provisionBody>;

export const provisionView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  law: z.enum(LAWS),
  kind: z.enum(PROVISION_KINDS),
  productCategory: z.string().nullable(),
  productCode: z.string().nullable(),
  unit: z.string().nullable(),
  intent: z.string(),
});
export type ProvisionView = z.infer<typeof provisionView>;
export const provisionQuery = z.strictObject({
  law: z.enum(LAWS).optional(),
  kind: z.enum(PROVISION_KINDS).optional(),
  search: searchText.optional(),
  ...paging,
});
export const provisionList = listOf(provisionView);

// contracts -------------------------------------------------------------------------------

const cents = z
  .number({ error: 'Vul een bedrag in eurocenten in (een geheel getal).' })
  .int({ error: 'Bedragen zijn gehele eurocenten.' })
  .min(0, { error: 'Een bedrag kan niet negatief zijn.' })
  .max(100_000_000_000, { error: 'Dit bedrag is onwaarschijnlijk hoog.' });

export { KPI_AT_LEAST, KPI_INDICATORS, type KpiIndicator } from '../../shared/kpi-indicators.js';

const kpiBody = z
  .strictObject({
    indicator: z.enum(KPI_INDICATORS, {
      error: 'Kies een van de prestatie-indicatoren van de aanbiedersmonitor.',
    }),
    target: z
      .number({ error: 'De norm is een getal.' })
      .min(0, { error: 'De norm is 0 of meer.' })
      .max(365, { error: 'De norm is hoogstens 365.' }),
  })
  .refine((k) => k.indicator === 'median_days_to_start' || k.target <= 100, {
    error: 'Een percentage is hoogstens 100.',
    path: ['target'],
  });

export const contractBody = z.strictObject({
  providerId: uuid,
  reference: requiredText('Het kenmerk', 50),
  financingVariant: z.enum(FINANCING_VARIANTS, {
    error: 'Kies de uitvoeringsvariant: inspanningsgericht, outputgericht of taakgericht.',
  }),
  startDate: isoDate,
  endDate: isoDate,
  budgetCeilingCents: cents.nullable().default(null),
  lines: z
    .array(z.strictObject({ provisionId: uuid, tariffCents: cents }))
    .min(1, { error: 'Een contract bevat minstens één voorziening.' })
    .max(500),
  kpis: z
    .array(kpiBody)
    .max(KPI_INDICATORS.length)
    .default([])
    .superRefine((kpis, ctx) => {
      const seen = new Set<string>();
      for (const [index, kpi] of kpis.entries()) {
        if (seen.has(kpi.indicator)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'indicator'],
            message: 'Elke prestatie-indicator komt één keer voor in een contract.',
          });
        }
        seen.add(kpi.indicator);
      }
    }),
});
export type ContractKpi = z.output<typeof contractBody>['kpis'][number];
/** A contract as the service takes it: without agreements when the caller has none (imports, the demo). */
export type ContractInput = Omit<z.output<typeof contractBody>, 'kpis'> & { kpis?: ContractKpi[] };

export const contractLineView = z.object({
  provisionId: z.string(),
  provisionCode: z.string(),
  provisionName: z.string(),
  unit: z.string().nullable(),
  tariffCents: z.number().int(),
});
export const contractDetail = contractSummary.extend({
  lines: z.array(contractLineView),
  kpis: z.array(z.object({ indicator: z.enum(KPI_INDICATORS), target: z.number() })),
});
export type ContractDetail = z.infer<typeof contractDetail>;
export const contractQuery = z.strictObject({
  providerId: uuid.optional(),
  search: searchText.optional(),
  ...paging,
});
export const contractList = listOf(contractSummary);

// residents -------------------------------------------------------------------------------

/** Optional text of a name part or an address: trimmed; null (or left out) when there is none. */
/**
 * No line breaks, tabs or other control characters: a 301 carries these values, and the XSD
 * patterns (.*[^\s].*) do not match across a line end.
 */
const SINGLE_LINE = /^\P{Cc}*$/u;
const singleLineMessage = (label: string) => `${label} is één regel tekst, zonder regeleinden of tabs.`;

function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} is tekst, of null als er geen is.` })
    .trim()
    .min(1, { error: `${label} is leeg: laat het weg of geef null als er geen is.` })
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` })
    .regex(SINGLE_LINE, { error: singleLineMessage(label) })
    .nullable()
    .default(null);
}

function singleLineText(label: string, max: number) {
  return requiredText(label, max).regex(SINGLE_LINE, { error: singleLineMessage(label) });
}

const HOUSE_NUMBER_MESSAGE = `Het huisnummer is een geheel getal van 0 tot en met ${RESIDENT_LIMITS.houseNumberMax}.`;
const POSTCODE_MESSAGE = 'Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.';
const HOUSE_LETTER_MESSAGE = 'De huisletter is precies één letter, bijvoorbeeld A.';

/** The BRP address (CDT_Adres of the 301): whole or absent. */
export const residentAddressBody = z.strictObject({
  street: singleLineText('De straatnaam', RESIDENT_LIMITS.street),
  houseNumber: z
    .number({ error: HOUSE_NUMBER_MESSAGE })
    .int({ error: HOUSE_NUMBER_MESSAGE })
    .min(0, { error: HOUSE_NUMBER_MESSAGE })
    .max(RESIDENT_LIMITS.houseNumberMax, { error: HOUSE_NUMBER_MESSAGE }),
  houseLetter: z
    .string({ error: HOUSE_LETTER_MESSAGE })
    .trim()
    .regex(HOUSE_LETTER, { error: HOUSE_LETTER_MESSAGE })
    .nullable()
    .default(null),
  houseNumberAddition: optionalText('De huisnummertoevoeging', RESIDENT_LIMITS.houseNumberAddition),
  postcode: z
    .string({ error: POSTCODE_MESSAGE })
    .overwrite(normalisePostcode)
    .regex(POSTCODE, { error: POSTCODE_MESSAGE })
    .describe('Nederlandse postcode; spatie en kleine letters mogen ("1234 ab" wordt "1234AB").'),
  place: singleLineText('De plaatsnaam', RESIDENT_LIMITS.place),
});

export const residentBody = z
  .strictObject({
    bsn: z.string({ error: MESSAGES.bsn }).trim().refine(isValidBsn, { error: MESSAGES.bsn }),
    name: singleLineText('De naam', RESIDENT_LIMITS.name)
      .optional()
      .describe('Weergavenaam; zonder naam wordt die samengesteld uit voornamen, voorvoegsel en achternaam.'),
    dateOfBirth: isoDate,
    neighbourhoodCode: z
      .string()
      .regex(/^BU[0-9]{8}$/, { error: MESSAGES.neighbourhoodCode })
      .nullable()
      .default(null),
    gender: z
      .enum(GENDERS, { error: 'Kies het geslacht: 0 (onbekend), 1 (man) of 2 (vrouw).' })
      .default('0')
      .describe('LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw.'),
    familyName: optionalText('De achternaam', RESIDENT_LIMITS.familyName),
    familyNamePrefix: optionalText('Het voorvoegsel', RESIDENT_LIMITS.familyNamePrefix),
    givenNames: optionalText('De voornamen', RESIDENT_LIMITS.givenNames),
    address: residentAddressBody.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.familyName !== null) {
      if (body.name === undefined && composeName(body).length > RESIDENT_LIMITS.name) {
        ctx.addIssue({
          code: 'custom',
          path: ['givenNames'],
          message: `Voornamen, voorvoegsel en achternaam samen mogen hoogstens ${RESIDENT_LIMITS.name} tekens lang zijn.`,
        });
      }
    } else if (body.givenNames !== null || body.familyNamePrefix !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyName'],
        message: 'Vul de achternaam in: voornamen en voorvoegsel horen bij een achternaam.',
      });
    } else if (body.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'Vul de achternaam in.' });
    }
  })
  .transform(({ name, ...body }) => ({ ...body, name: name ?? composeName(body) }));
/** A resident as the service takes it: validated, the display name always present. */
export type ResidentInput = z.output<typeof residentBody>;
/** A resident as a client sends it (name optional, defaults left out). */
export type ResidentRequest = z.input<typeof residentBody>;

export const residentAddressView = z.object({
  street: z.string(),
  houseNumber: z.number().int(),
  houseLetter: z.string().nullable(),
  houseNumberAddition: z.string().nullable(),
  postcode: z.string(),
  place: z.string(),
});
export const residentView = z.object({
  id: z.string(),
  bsn: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  gender: z.enum(GENDERS),
  familyName: z.string().nullable(),
  familyNamePrefix: z.string().nullable(),
  givenNames: z.string().nullable(),
  /** Derived from the given names; not an input. */
  initials: z.string().nullable(),
  address: residentAddressView.nullable(),
  neighbourhoodCode: z.string().nullable(),
  neighbourhoodName: z.string().nullable(),
});
export type ResidentView = z.infer<typeof residentView>;
/** No search, no list: a case worker finds a resident, never browses all identities. */
export const residentQuery = z.strictObject({
  search: searchText.refine(
    (text) => /^[0-9]{9}$/.test(text) || (text.length >= 2 && !/^[0-9]+$/.test(text)),
    {
      error: 'Zoek op naam (minstens 2 tekens) of op een volledig BSN van 9 cijfers.',
    },
  ),
  ...paging,
});
export const residentList = listOf(residentView);
