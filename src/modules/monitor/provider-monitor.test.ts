import { describe, expect, it } from 'vitest';
import type { MonitoredAllocation } from '../cases/allocation-service.js';
import type { AllocationDelivery } from '../messaging/delivery-facts.js';
import { buildProviderMonitor, measuredUntil } from './provider-monitor.js';

const allocation = (
  id: string,
  providerId: string,
  overrides: Partial<MonitoredAllocation> = {},
): MonitoredAllocation => ({
  id,
  providerId,
  contractId: `contract-${providerId}`,
  provisionId: 'p',
  law: 'wmo',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  volume: 7,
  unit: '04',
  frequency: '1',
  status: 'started',
  contractTariffCents: 100,
  ...overrides,
});
const delivered = (
  allocationId: string,
  overrides: Partial<AllocationDelivery> = {},
): AllocationDelivery => ({
  allocationId,
  careStartedOn: '2026-01-03',
  careStoppedOn: null,
  lateReports: 0,
  reports: 1,
  awardedCents: 0,
  servicesDeclared: 0,
  servicesRejected: 0,
  rejectionCodes: {},
  ...overrides,
});

describe('the provider monitor', () => {
  it('measures to the end of the month whose claims are in', () => {
    expect(measuredUntil('2026-12-02')).toBe('2026-10-31');
    expect(measuredUntil('2026-12-15')).toBe('2026-11-30');
    expect(measuredUntil('2026-01-20')).toBe('2025-12-31');
  });

  it('compares awarded with allocated value, and puts the lowest delivery first', () => {
    // 2026-01-01 .. 2026-01-31 measured (today 2026-02-20): 31 days × 7 × 100 cents = 21,700.
    const monitor = buildProviderMonitor({
      today: '2026-02-20',
      allocations: [
        allocation('a1', 'good'),
        allocation('a2', 'low'),
        allocation('a3', 'low', { startDate: '2026-01-05' }),
      ],
      delivery: new Map([
        ['a1', delivered('a1', { awardedCents: 21_700, servicesDeclared: 1 })],
        [
          'a2',
          delivered('a2', {
            careStartedOn: '2026-01-21',
            awardedCents: 5_000,
            servicesDeclared: 2,
            servicesRejected: 1,
            rejectionCodes: { '0611': 1 },
            lateReports: 1,
          }),
        ],
      ]),
      providerNames: new Map([
        ['good', 'Goed BV'],
        ['low', 'Laag BV'],
      ]),
      contracts: [
        {
          id: 'contract-low',
          providerId: 'low',
          reference: 'C-LOW',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          budgetCeilingCents: 10_000,
          kpis: [
            { indicator: 'median_days_to_start', target: 10 },
            { indicator: 'never_started_share', target: 5 },
            { indicator: 'delivery_rate', target: 80 },
            { indicator: 'rejected_services_share', target: 60 },
            { indicator: 'late_reports_share', target: 10 },
          ],
        },
      ],
      disclose: false,
    });
    expect(monitor.measuredUntil).toBe('2026-01-31');
    expect(monitor.providers.map((p) => p.name)).toEqual(['Laag BV', 'Goed BV']);
    const [low, good] = monitor.providers;
    expect(good).toMatchObject({
      allocatedCents: 21_700,
      awardedCents: 21_700,
      deliveryRate: 100,
      medianDaysToStart: 2,
    });
    // a3 runs from the 5th: 27 days × 700 = 18,900 more allocated; 46 days on, it has never started.
    expect(low).toMatchObject({
      allocatedCents: 21_700 + 18_900,
      awardedCents: 5_000,
      deliveryRate: 12.3,
      medianDaysToStart: 20,
      neverStarted: { value: 1, suppressed: false },
      servicesRejected: 1,
      rejectedRate: 50,
      lateRate: 100,
    });
    expect(low?.rejections).toEqual([{ code: '0611', meaning: expect.stringContaining('tarief'), count: 1 }]);
    expect(monitor.contracts[0]).toMatchObject({ reference: 'C-LOW', awardedCents: 5_000, ceilingUsed: 50 });
    // The contract's agreements against what it measured: a wait of 20 days, one of the two
    // allocations due never started, 12.3% delivered, half the services refused, every report late.
    expect(monitor.contracts[0]?.kpis).toEqual([
      { indicator: 'median_days_to_start', target: 10, measured: 20, met: false },
      { indicator: 'never_started_share', target: 5, measured: 50, met: false },
      { indicator: 'delivery_rate', target: 80, measured: 12.3, met: false },
      { indicator: 'rejected_services_share', target: 60, measured: 50, met: true },
      { indicator: 'late_reports_share', target: 10, measured: 100, met: false },
    ]);
  });

  it('counts allocations never started after 30 days, and discloses client counts', () => {
    const allocations = Array.from({ length: 12 }, (_, i) => allocation(`a${i}`, 'p1'));
    const monitor = buildProviderMonitor({
      today: '2026-03-20',
      allocations,
      delivery: new Map(allocations.slice(0, 9).map((a) => [a.id, delivered(a.id)])),
      providerNames: new Map([['p1', 'Een']]),
      contracts: [],
      disclose: true,
    });
    const [row] = monitor.providers;
    expect(row?.allocations).toEqual({ value: 10, suppressed: false });
    expect(row?.neverStarted).toEqual({ value: null, suppressed: true });
    expect(row?.neverStartedRate.suppressed).toBe(true);
    // Nine started clients: their median wait is shown.
    expect(row?.medianDaysToStart).toBe(2);
  });

  it('hides the median wait of a handful of clients under disclosure', () => {
    const few = [allocation('f1', 'p2'), allocation('f2', 'p2')];
    const input = {
      today: '2026-03-20',
      allocations: few,
      delivery: new Map(few.map((a) => [a.id, delivered(a.id)])),
      providerNames: new Map([['p2', 'Klein']]),
      contracts: [],
    };
    expect(buildProviderMonitor({ ...input, disclose: true }).providers[0]?.medianDaysToStart).toBeNull();
    expect(buildProviderMonitor({ ...input, disclose: false }).providers[0]?.medianDaysToStart).toBe(2);
  });
});
