/**
 * Throttles logins in memory, on top of the per-account lock in the database: per client
 * address (20 attempts in 15 minutes), so spraying many accounts is slow, and per unknown
 * username (5 failures), so an unknown name is locked just like a real one and a 429 does not
 * reveal which usernames exist.
 */
export class LoginThrottle {
  private readonly byAddress = new Map<string, number[]>();
  private readonly byUnknownName = new Map<string, number[]>();

  constructor(
    private readonly maxPerAddress = 20,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxPerUnknownName = 5,
  ) {}

  /** Milliseconds until this address may try again, or 0. */
  retryAfterMs(address: string): number {
    return this.wait(this.byAddress, address, this.maxPerAddress);
  }

  /** Counts an attempt before its outcome is known, so parallel guesses cannot slip through. */
  recordAttempt(address: string): void {
    this.add(this.byAddress, address);
  }

  /** A successful login takes its attempt back. */
  forgive(address: string): void {
    this.byAddress.get(address)?.pop();
  }

  unknownNameRetryAfterMs(username: string): number {
    return this.wait(this.byUnknownName, username, this.maxPerUnknownName);
  }

  recordUnknownName(username: string): void {
    this.add(this.byUnknownName, username);
  }

  private wait(map: Map<string, number[]>, key: string, max: number): number {
    const recent = this.recent(map, key);
    if (recent.length < max) return 0;
    const oldest = recent[recent.length - max] ?? this.now();
    return Math.max(0, oldest + this.windowMs - this.now());
  }

  private add(map: Map<string, number[]>, key: string): void {
    const recent = this.recent(map, key);
    recent.push(this.now());
    map.set(key, recent);
    if (map.size > 10_000) this.prune(map);
  }

  private recent(map: Map<string, number[]>, key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (map.get(key) ?? []).filter((t) => t > cutoff);
  }

  private prune(map: Map<string, number[]>): void {
    for (const key of [...map.keys()]) {
      if (this.recent(map, key).length === 0) map.delete(key);
    }
  }
}
