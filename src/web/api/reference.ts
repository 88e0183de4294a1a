/** Code lists for forms (laws, kinds, financing variants, iStandaard categories and units). */
import { useApiGet } from './use-api.js';

export interface Labelled {
  code: string;
  label: string;
}

export interface Code {
  code: string;
  description: string;
}

export interface Reference {
  laws: Labelled[];
  provisionKinds: Labelled[];
  financingVariants: Labelled[];
  productCategories: { wmo: Code[]; youth: Code[] };
  units: Code[];
}

export function useReference() {
  return useApiGet<Reference>('/api/v1/reference');
}

/** The iStandaard product categories of a law (the Participatiewet has none). */
export function categoriesFor(reference: Reference | undefined, law: string): Code[] {
  if (!reference) return [];
  if (law === 'wmo') return reference.productCategories.wmo;
  if (law === 'youth') return reference.productCategories.youth;
  return [];
}

export function describeCode(list: readonly Code[] | undefined, code: string | null): string {
  if (code === null) return '';
  const found = list?.find((c) => c.code === code);
  return found ? `${found.code} ${found.description}` : code;
}
