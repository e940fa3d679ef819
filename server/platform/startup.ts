import type { Logger } from 'pino';

export type StartupState = 'running' | 'done';

/**
 * The work a server does once at start after it already answers (a warm-up, the first
 * reminders, the job runner's first pass). Each piece registers itself when it is planned, so
 * one planned for later counts from then on; the start-up is done once every piece registered
 * has finished, succeeded or failed. Health reports it, so whoever must not share the
 * processor with that work (a benchmark) can wait for it rather than for a guessed time.
 */
export interface Startup {
  /** Registers work already under way; a failure is logged, and counts as finished. */
  track(name: string, work: Promise<unknown>): void;
  /** Registers work to run after `delayMs` (a timer that does not keep the process alive). */
  after(name: string, delayMs: number, work: () => Promise<unknown>): void;
  state(): StartupState;
  /** Resolves once the start-up is done. */
  done(): Promise<void>;
}

export function createStartup(logger: Pick<Logger, 'error'>): Startup {
  let pending = 0;
  let waiters: Array<() => void> = [];
  const finish = () => {
    pending -= 1;
    if (pending > 0) return;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  const track = (name: string, work: Promise<unknown>) => {
    pending += 1;
    work.catch((err: unknown) => logger.error({ err, task: name }, 'start-up work failed')).finally(finish);
  };
  return {
    track,
    after(name, delayMs, work) {
      track(
        name,
        new Promise((resolve, reject) => {
          setTimeout(() => Promise.resolve().then(work).then(resolve, reject), delayMs).unref();
        }),
      );
    },
    state: () => (pending > 0 ? 'running' : 'done'),
    done: () => (pending > 0 ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
  };
}
