/**
 * Marks the moment a page's main action can be taken, as a `performance` mark named
 * `vp:usable:<page>`. The web benchmark (bench/web.ts) reads these marks to measure
 * time to usable on a throttled link; nothing else depends on them.
 */
export function markUsable(page: string): void {
  try {
    performance.mark(`vp:usable:${page}`);
  } catch {
    // A browser without User Timing: nothing to measure.
  }
}
