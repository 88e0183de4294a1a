/**
 * Zod building blocks shared by the API schemas: Dutch messages, list paging, ISO dates,
 * trimmed text. Request bodies are strict objects, so unknown fields are rejected.
 */
import { z } from 'zod';
import { isIsoDate } from './identifiers.js';

z.config(z.locales.nl());

export const isoDate = z.string().refine(isIsoDate, { error: 'Vul een bestaande datum in als JJJJ-MM-DD.' });

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { error: `${label} is verplicht.` })
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` });
}

export const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Paging for lists of personal data: a page is what one screen shows, and what is logged. */
export const personalDataPaging = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Free-text search: length-limited; the SQL treats it as a literal pattern (see likePattern). */
export const searchText = z
  .string()
  .trim()
  .max(100, { error: 'De zoektekst mag hoogstens 100 tekens lang zijn.' });

/** ILIKE pattern that matches `text` literally: %, _ and \ lose their special meaning. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const errorResponse = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
