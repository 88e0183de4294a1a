/**
 * Load generation with autocannon in a worker thread, so the load generator does not share
 * the servers' event loop, and the statistics the report needs (medians over rounds).
 */
import autocannon from 'autocannon';

export interface LoadSettings {
  durationSeconds: number;
  connections: number;
}

export interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
}

export interface RoundResult {
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
}

export async function runLoad(target: Target, settings: LoadSettings): Promise<RoundResult> {
  const result = await autocannon({
    url: target.url,
    headers: target.headers,
    connections: settings.connections,
    duration: settings.durationSeconds,
    workers: 1,
  });
  const failures = [
    result.non2xx > 0 ? `${result.non2xx} non-2xx responses (${describeStatuses(result)})` : '',
    result.errors > 0 ? `${result.errors} connection errors` : '',
    result.timeouts > 0 ? `${result.timeouts} timeouts` : '',
  ].filter(Boolean);
  if (failures.length > 0) throw new Error(`${target.label}: ${failures.join(', ')}`);
  const requests = result.requests.total;
  if (!(requests > 0) || !(result.duration > 0)) throw new Error(`${target.label}: no completed requests`);
  return { requestsPerSecond: requests / result.duration, p99Ms: result.latency.p99, requests };
}

function describeStatuses(result: autocannon.Result): string {
  const stats = result.statusCodeStats ?? {};
  return Object.entries(stats)
    .map(([status, { count }]) => `${status}: ${count ?? 0}`)
    .join(', ');
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** A benchmark setting from the environment: a positive integer, or the fallback when unset. */
export function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
