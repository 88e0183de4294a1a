import { describe, expect, it } from 'vitest';
import type { OutcomeTallies, OutcomeTally } from '../cases/outcome-facts.js';
import { buildClientMonitor, type MonitorLabels } from './client-monitor.js';

const labels: MonitorLabels = {
  provision: new Map([
    ['hh', 'Hulp bij het huishouden'],
    ['db', 'Dagbesteding'],
  ]),
  provider: new Map([['p1', 'Zorg Noord']]),
  law: { wmo: 'Wmo 2015', youth: 'Jeugdwet', participation: 'Participatiewet' },
  neighbourhoodDistrict: new Map([
    ['BU00010001', 'WK000100'],
    ['BU00010002', 'WK000100'],
  ]),
  district: new Map([['WK000100', 'Centrum']]),
};

function tally(key: string, compensated: number, partly: number, not: number): OutcomeTally {
  return { key, evaluated: compensated + partly + not, compensated, partly, not };
}

// 24 household-help cases, 16 compensated; 12 day-care cases, 3 compensated (the planted one).
const tallies: OutcomeTallies = {
  byProvision: [tally('hh', 16, 0, 8), tally('db', 3, 0, 9)],
  byProvider: [tally('p1', 19, 0, 13)],
  byLaw: [tally('wmo', 19, 0, 13)],
  byNeighbourhood: [tally('BU00010001', 10, 0, 2), tally('BU00010002', 5, 0, 6), tally('', 4, 0, 6)],
  byQuarter: [tally('2026-K3', 12, 0, 3), tally('2026-K2', 7, 0, 10)],
  leadTimes: [{ law: 'wmo', decided: 32, late: 9, medianDays: 41.5 }],
  zrmChange: [
    { domain: 'housing', improved: 20, same: 12, worse: 0 },
    { domain: 'finances', improved: 0, same: 0, worse: 0 },
  ],
};

describe('client monitor', () => {
  it('puts the provision that compensates least on top, with exact figures for case workers', () => {
    const monitor = buildClientMonitor(tallies, labels, false);
    expect(monitor.byProvision.map((r) => [r.label, r.compensationRate.value])).toEqual([
      ['Dagbesteding', 25],
      ['Hulp bij het huishouden', 67],
    ]);
    expect(monitor.byLaw[0]).toMatchObject({
      key: 'wmo',
      label: 'Wmo 2015',
      evaluated: { value: 32 },
      compensated: { value: 19 },
    });
    expect(monitor.byQuarter.map((r) => r.key)).toEqual(['2026-K2', '2026-K3']);
    expect(monitor.zrmChange).toEqual([
      {
        domain: 'housing',
        label: expect.any(String),
        improved: { value: 20, suppressed: false },
        same: { value: 12, suppressed: false },
        worse: { value: 0, suppressed: false },
      },
    ]);
    expect(monitor.leadTimes[0]).toMatchObject({
      key: 'wmo',
      law: 'Wmo 2015',
      decided: { value: 32 },
      medianDays: 41.5,
      decidedLate: { value: 9 },
      lateShare: { value: 28 },
    });
  });

  it('sums neighbourhoods into their district before disclosing, unknown homes apart', () => {
    const monitor = buildClientMonitor(tallies, labels, true);
    expect(monitor.byDistrict).toEqual([
      expect.objectContaining({
        key: 'WK000100',
        label: 'Centrum',
        // 12 + 11 = 23 evaluated, 15 compensated: each neighbourhood alone would differ.
        evaluated: { value: 25, suppressed: false },
        compensated: { value: 15, suppressed: false },
        compensationRate: { value: 65, suppressed: false },
      }),
      // A suppressed rate sorts last.
      expect.objectContaining({
        key: 'onbekend',
        label: 'Onbekende wijk',
        evaluated: { value: 10, suppressed: false },
      }),
    ]);
  });

  it('applies the CBS disclosure rule for roles without case access', () => {
    const monitor = buildClientMonitor(tallies, labels, true);
    const daycare = monitor.byProvision.find((r) => r.label === 'Dagbesteding');
    expect(daycare).toMatchObject({
      evaluated: { value: 10, suppressed: false },
      compensated: { value: null, suppressed: true },
      notCompensated: { value: 10, suppressed: false },
      compensationRate: { value: null, suppressed: true },
    });
    const household = monitor.byProvision.find((r) => r.label === 'Hulp bij het huishouden');
    expect(household).toMatchObject({
      evaluated: { value: 25 },
      compensated: { value: 15 },
      compensationRate: { value: 67 },
    });
    expect(monitor.disclosureApplied).toBe(true);
  });

  it('shows nothing but empty lists when nothing was decided', () => {
    const empty: OutcomeTallies = {
      byProvision: [],
      byProvider: [],
      byLaw: [],
      byNeighbourhood: [],
      byQuarter: [],
      leadTimes: [],
      zrmChange: [],
    };
    expect(buildClientMonitor(empty, labels, true)).toEqual({
      disclosureApplied: true,
      byProvision: [],
      byProvider: [],
      byLaw: [],
      byDistrict: [],
      byQuarter: [],
      leadTimes: [],
      zrmChange: [],
    });
  });
});
