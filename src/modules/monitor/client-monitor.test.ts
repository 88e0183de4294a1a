import { describe, expect, it } from 'vitest';
import type { OutcomeFact } from '../cases/outcome-facts.js';
import { buildClientMonitor, type MonitorLabels } from './client-monitor.js';

function fact(i: number, overrides: Partial<OutcomeFact>): OutcomeFact {
  return {
    caseId: `c${i}`,
    law: 'wmo',
    residentId: `r${i}`,
    reportDate: '2026-01-05',
    decidedOn: '2026-02-20',
    decisionDueDate: '2026-03-01',
    provisionIds: ['hh'],
    providerIds: ['p1'],
    outcome: 'compensated',
    evaluatedOn: '2026-08-10',
    goalDomains: ['housing'],
    zrmIntake: { housing: 2 },
    zrmAfter: { housing: 4 },
    ...overrides,
  };
}

const labels: MonitorLabels = {
  provision: new Map([
    ['hh', 'Hulp bij het huishouden'],
    ['db', 'Dagbesteding'],
  ]),
  provider: new Map([['p1', 'Zorg Noord']]),
  law: { wmo: 'Wmo 2015', youth: 'Jeugdwet', participation: 'Participatiewet' },
  residentDistrict: new Map(),
  district: new Map(),
};

// 20 household-help cases, 16 compensated; 12 day-care cases, 3 compensated (the planted one).
const facts: OutcomeFact[] = [
  ...Array.from({ length: 20 }, (_, i) => fact(i, { outcome: i < 16 ? 'compensated' : 'not_compensated' })),
  ...Array.from({ length: 12 }, (_, i) =>
    fact(100 + i, {
      provisionIds: ['db'],
      outcome: i < 3 ? 'compensated' : 'not_compensated',
      zrmAfter: { housing: 2 },
      decidedOn: i < 9 ? '2026-03-10' : '2026-02-20',
    }),
  ),
];

describe('client monitor', () => {
  it('shows which provision compensates and which does not, exactly for case workers', () => {
    const monitor = buildClientMonitor(facts, labels, false);
    const rates = Object.fromEntries(monitor.byProvision.map((r) => [r.label, r.compensationRate.value]));
    expect(rates).toEqual({ Dagbesteding: 25, 'Hulp bij het huishouden': 80 });
    expect(monitor.byLaw[0]).toMatchObject({
      label: 'Wmo 2015',
      evaluated: { value: 32 },
      compensated: { value: 19 },
    });
    expect(monitor.byQuarter.map((r) => r.key)).toEqual(['2026-K3']);
    expect(monitor.zrmChange).toEqual([
      expect.objectContaining({
        domain: 'housing',
        improved: { value: 20, suppressed: false },
        same: { value: 12, suppressed: false },
      }),
    ]);
    expect(monitor.leadTimes[0]).toMatchObject({
      decided: { value: 32 },
      decidedLate: { value: 9 },
      lateShare: { value: 28 },
    });
  });

  it('applies the CBS disclosure rule for roles without case access', () => {
    const monitor = buildClientMonitor(facts, labels, true);
    const daycare = monitor.byProvision.find((r) => r.label === 'Dagbesteding');
    expect(daycare).toMatchObject({
      evaluated: { value: 10, suppressed: false },
      compensated: { value: null, suppressed: true },
      notCompensated: { value: 10, suppressed: false },
      compensationRate: { value: null, suppressed: true },
    });
    const household = monitor.byProvision.find((r) => r.label === 'Hulp bij het huishouden');
    expect(household).toMatchObject({
      evaluated: { value: 20 },
      compensated: { value: 15 },
      compensationRate: { value: 80 },
    });
    expect(monitor.disclosureApplied).toBe(true);
  });

  it('leaves cases without an evaluation out of the rates but in the lead times', () => {
    const monitor = buildClientMonitor([fact(1, { outcome: null, evaluatedOn: null })], labels, false);
    expect(monitor.byProvision).toEqual([]);
    expect(monitor.leadTimes[0]?.decided.value).toBe(1);
  });
});
