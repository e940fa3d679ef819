/**
 * Per-address throttle of failed sign-ins: after `limit` failures within the
 * window, further attempts from that address wait. Only failures count, because
 * a whole commune office often reaches the server through one address and
 * everyone signs in at eight in the morning. It lives in the process; the
 * per-account lockout, which matters more, lives in the database.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 30,
    private readonly windowMs = 10 * 60_000,
  ) {}

  isBlocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(now: number): void {
    const since = now - this.windowMs;
    for (const [key, times] of this.failures) {
      if (times.every((t) => t <= since)) this.failures.delete(key);
    }
  }
}
