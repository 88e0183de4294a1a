import { z } from 'zod';
import { AUTHENTICATED } from '../../server/access.js';
import type { ZodApp } from '../../server/zod-app.js';
import { UNITS, WMO_PRODUCT_CATEGORIES, YOUTH_PRODUCT_CATEGORIES } from '../../shared/istandaard-codes.js';
import { FINANCING_VARIANTS, LAW_LABELS, LAWS, PROVISION_KINDS } from './registry-schema.js';

const code = z.object({ code: z.string(), description: z.string() });
const labelled = z.object({ code: z.string(), label: z.string() });

const KIND_LABELS = { general: 'Algemene voorziening', tailored: 'Maatwerkvoorziening' } as const;
const VARIANT_LABELS = {
  effort: 'Inspanningsgericht',
  output: 'Outputgericht',
  task: 'Taakgericht',
} as const;

/** Code lists for forms, so the UI never hard-codes what the server validates. */
export function referenceRoutes(app: ZodApp): void {
  app.get(
    '/api/v1/reference',
    {
      config: { access: AUTHENTICATED },
      schema: {
        tags: ['referentiegegevens'],
        summary: 'Codelijsten voor formulieren',
        response: {
          200: z.object({
            laws: z.array(labelled),
            provisionKinds: z.array(labelled),
            financingVariants: z.array(labelled),
            productCategories: z.object({ wmo: z.array(code), youth: z.array(code) }),
            units: z.array(code),
          }),
        },
      },
    },
    async () => ({
      laws: LAWS.map((c) => ({ code: c, label: LAW_LABELS[c] })),
      provisionKinds: PROVISION_KINDS.map((c) => ({ code: c, label: KIND_LABELS[c] })),
      financingVariants: FINANCING_VARIANTS.map((c) => ({ code: c, label: VARIANT_LABELS[c] })),
      productCategories: { wmo: [...WMO_PRODUCT_CATEGORIES], youth: [...YOUTH_PRODUCT_CATEGORIES] },
      units: [...UNITS],
    }),
  );
}
