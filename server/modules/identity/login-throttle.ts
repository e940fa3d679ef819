/**
 * Per-address sign-in throttle: at most `limit` attempts in a sliding window.
 * It lives in the process; the per-account lockout, which matters more, lives
 * in the database and holds across processes.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Records an attempt and says whether it may go ahead. */
  hit(key: string, now: number): boolean {
    const since = now - this.windowMs;
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(since);
    return true;
  }

  private prune(since: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => t <= since)) this.attempts.delete(key);
    }
  }
}
