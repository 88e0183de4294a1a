/**
 * The rules a provision must obey, as a pure function: a general provision carries no
 * iStandaard product data; a tailored one names its unit and, for Wmo and Jeugdwet, a product
 * category from the standard's code list (the Participatiewet has no iStandaard).
 */
import { UNITS, WMO_PRODUCT_CATEGORIES, YOUTH_PRODUCT_CATEGORIES } from '../../shared/istandaard-codes.js';
import type { Law, ProvisionInput } from './registry-schema.js';

export interface RuleViolation {
  field: string;
  message: string;
}

export function productCategoriesFor(law: Law): readonly { code: string; description: string }[] {
  switch (law) {
    case 'wmo':
      return WMO_PRODUCT_CATEGORIES;
    case 'youth':
      return YOUTH_PRODUCT_CATEGORIES;
    case 'participation':
      return [];
  }
}

export function provisionViolation(input: ProvisionInput): RuleViolation | undefined {
  if (input.kind === 'general') {
    if (input.productCategory !== null || input.productCode !== null || input.unit !== null) {
      const field =
        input.productCategory !== null
          ? 'productCategory'
          : input.productCode !== null
            ? 'productCode'
            : 'unit';
      return {
        field,
        message:
          'Een algemene voorziening is vrij toegankelijk en wordt niet toegewezen: laat productcategorie, productcode en eenheid leeg.',
      };
    }
    return undefined;
  }
  if (input.law === 'participation') {
    if (input.productCategory !== null || input.productCode !== null) {
      return {
        field: input.productCategory !== null ? 'productCategory' : 'productCode',
        message:
          'Voor de Participatiewet bestaat geen iStandaard: laat productcategorie en productcode leeg.',
      };
    }
  } else {
    const categories = productCategoriesFor(input.law);
    if (input.productCategory === null || !categories.some((c) => c.code === input.productCategory)) {
      return {
        field: 'productCategory',
        message: `Kies een productcategorie uit de codelijst van de ${input.law === 'wmo' ? 'iWmo (WMO020)' : 'iJw (JZ020)'}.`,
      };
    }
    if (input.productCode !== null && !/^[0-9A-Z]{5}$/.test(input.productCode)) {
      return { field: 'productCode', message: 'Een productcode bestaat uit 5 cijfers of hoofdletters.' };
    }
  }
  if (input.unit === null || !UNITS.some((u) => u.code === input.unit)) {
    return {
      field: 'unit',
      message: 'Kies de eenheid uit de codelijst WJ756 (bijv. 04 uur, 82 stuks output).',
    };
  }
  return undefined;
}
