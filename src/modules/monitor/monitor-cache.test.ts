import { describe, expect, it } from 'vitest';
import type { ClientMonitor } from './client-monitor.js';
import { MonitorCache } from './client-monitor-service.js';

const figures = (n: number): ClientMonitor => ({
  disclosureApplied: false,
  byProvision: [],
  byProvider: [],
  byLaw: [],
  byDistrict: [],
  byQuarter: [],
  leadTimes: [],
  zrmChange: Array.from({ length: n }, () => ({
    domain: 'housing',
    label: 'Huisvesting',
    improved: { value: n, suppressed: false },
    same: { value: 0, suppressed: false },
    worse: { value: 0, suppressed: false },
  })),
});

describe('the monitor cache', () => {
  it('computes once per key, again for a new generation, and again after a minute', async () => {
    let clock = 0;
    const cache = new MonitorCache(() => clock);
    let computed = 0;
    const compute = async () => figures(++computed);
    expect(await cache.get('0363|7|', compute)).toEqual(figures(1));
    expect(await cache.get('0363|7|', compute)).toEqual(figures(1));
    expect(computed).toBe(1);
    // A write to the outcomes gives a new generation, so a new key.
    expect(await cache.get('0363|8|', compute)).toEqual(figures(2));
    clock = 59_999;
    expect(await cache.get('0363|8|', compute)).toEqual(figures(2));
    clock = 60_000;
    expect(await cache.get('0363|8|', compute)).toEqual(figures(3));
  });

  it('keeps at most 64 entries, dropping the least recently used', async () => {
    const cache = new MonitorCache(() => 0);
    let computed = 0;
    const compute = async () => figures(++computed);
    for (let i = 0; i < 64; i += 1) await cache.get(`k${i}`, compute);
    await cache.get('k0', compute); // used again: now the most recent
    await cache.get('k64', compute); // pushes out k1, the least recently used
    expect(computed).toBe(65);
    await cache.get('k0', compute);
    expect(computed).toBe(65);
    await cache.get('k1', compute);
    expect(computed).toBe(66);
  });

  it('does not keep a failed computation', async () => {
    const cache = new MonitorCache(() => 0);
    await expect(cache.get('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(await cache.get('k', async () => figures(1))).toEqual(figures(1));
  });
});
