import { describe, expect, it } from 'vitest';
import { contractViolation } from './contract-rules.js';
import { provisionViolation } from './provision-rules.js';
import type { ContractInput, ProvisionInput, ProvisionView } from './registry-schema.js';

const provision = (overrides: Partial<ProvisionInput> = {}): ProvisionInput => ({
  code: 'P',
  name: 'Begeleiding',
  law: 'wmo',
  kind: 'tailored',
  productCategory: '02',
  productCode: null,
  unit: '04',
  intent: 'Zelfstandig blijven wonen.',
  ...overrides,
});

describe('provision rules', () => {
  it('accepts tailored provisions for each law and general provisions without product data', () => {
    expect(provisionViolation(provision())).toBeUndefined();
    expect(
      provisionViolation(provision({ law: 'youth', productCategory: '54', productCode: '54001' })),
    ).toBeUndefined();
    expect(
      provisionViolation(provision({ law: 'participation', productCategory: null, unit: '82' })),
    ).toBeUndefined();
    expect(
      provisionViolation(
        provision({ kind: 'general', productCategory: null, unit: null, productCode: null }),
      ),
    ).toBeUndefined();
  });

  it('names the field of each violation', () => {
    expect(provisionViolation(provision({ productCategory: '40' }))?.field).toBe('productCategory');
    expect(provisionViolation(provision({ law: 'youth', productCategory: '31' }))?.field).toBe(
      'productCategory',
    );
    expect(provisionViolation(provision({ kind: 'general' }))?.field).toBe('productCategory');
    expect(provisionViolation(provision({ kind: 'general', productCategory: null }))?.field).toBe('unit');
    expect(provisionViolation(provision({ productCode: '02a' }))?.field).toBe('productCode');
    expect(
      provisionViolation(provision({ law: 'participation', productCategory: null, productCode: '01A01' }))
        ?.field,
    ).toBe('productCode');
    expect(provisionViolation(provision({ unit: '02' }))?.field).toBe('unit');
  });
});

const view = (id: string, unit: string | null, kind: 'general' | 'tailored' = 'tailored'): ProvisionView => ({
  id,
  code: id,
  name: `Voorziening ${id}`,
  law: 'wmo',
  kind,
  productCategory: kind === 'tailored' ? '02' : null,
  productCode: null,
  unit,
  intent: 'Doel',
});

const contract = (overrides: Partial<ContractInput> = {}): ContractInput => ({
  providerId: 'p',
  reference: 'C',
  financingVariant: 'effort',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  budgetCeilingCents: null,
  lines: [{ provisionId: 'hour', tariffCents: 6500 }],
  ...overrides,
});

const provisions = [
  view('hour', '04'),
  view('day', '14'),
  view('piece', '82'),
  view('euro', '83'),
  view('free', null, 'general'),
];

describe('contract rules', () => {
  it('matches units to the execution variant', () => {
    expect(contractViolation(contract(), provisions)).toBeUndefined();
    expect(
      contractViolation(contract({ lines: [{ provisionId: 'day', tariffCents: 14000 }] }), provisions),
    ).toBeUndefined();
    expect(
      contractViolation(
        contract({ financingVariant: 'output', lines: [{ provisionId: 'piece', tariffCents: 1 }] }),
        provisions,
      ),
    ).toBeUndefined();
    expect(contractViolation(contract({ financingVariant: 'output' }), provisions)?.field).toBe(
      'lines.0.provisionId',
    );
    expect(
      contractViolation(contract({ lines: [{ provisionId: 'euro', tariffCents: 100 }] }), provisions)?.field,
    ).toBe('lines.0.provisionId');
  });

  it('allows any unit and a zero tariff in a task contract, but demands its lump sum', () => {
    const task = contract({ financingVariant: 'task', lines: [{ provisionId: 'piece', tariffCents: 0 }] });
    expect(contractViolation(task, provisions)?.field).toBe('budgetCeilingCents');
    expect(contractViolation({ ...task, budgetCeilingCents: 1_000_000 }, provisions)).toBeUndefined();
  });

  it('accepts a one-day contract and rejects an end before the start', () => {
    expect(contractViolation(contract({ endDate: '2025-01-01' }), provisions)).toBeUndefined();
    expect(contractViolation(contract({ endDate: '2024-12-31' }), provisions)?.field).toBe('endDate');
  });

  it('rejects general, unknown and repeated provisions', () => {
    expect(
      contractViolation(contract({ lines: [{ provisionId: 'free', tariffCents: 1 }] }), provisions)?.message,
    ).toMatch(/algemene voorziening/);
    expect(
      contractViolation(contract({ lines: [{ provisionId: 'nope', tariffCents: 1 }] }), provisions)?.field,
    ).toBe('lines.0.provisionId');
    const twice = contract({
      lines: [
        { provisionId: 'hour', tariffCents: 1 },
        { provisionId: 'day', tariffCents: 1 },
        { provisionId: 'hour', tariffCents: 2 },
      ],
    });
    expect(contractViolation(twice, provisions)?.field).toBe('lines.2.provisionId');
  });
});
