import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { type Job, type JobHandler, onJobsQueued, retryDelayMs } from './jobs';

export interface JobRunnerOptions {
  deps: { database: Database; clock: Clock; logger: Logger };
  /** One handler per job kind; a job of another kind is dead at once. */
  handlers: Record<string, JobHandler>;
  /** Pause between polls when nothing was due. */
  pollMs?: number;
  /** Jobs run at once at most by this runner (and claimed per poll). */
  batch?: number;
  /**
   * The lease on a claimed job: if the worker dies, another takes the job again once it
   * ends. Longer than any handler should take.
   */
  lockMs?: number;
  /** For tests: the jitter of the retry delay. */
  random?: () => number;
}

export interface JobRunner {
  /**
   * Polls until stopped. Resolves once the first poll and the jobs it claimed have finished
   * (or the runner was stopped first): the runner's part of the server's start-up.
   */
  start(): Promise<void>;
  /** Claims the jobs due now (up to the free slots) and runs them to the end; answers how many. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the jobs in flight. */
  stop(): Promise<void>;
  readonly workerId: string;
}

const ERROR_MAX = 2000;

interface Poll {
  next: number;
  ran: Promise<unknown>;
}

/**
 * Runs queued jobs after their transaction committed. Claiming is one atomic statement
 * (`for update skip locked` on PostgreSQL, so runners in several processes never take the
 * same job; SQLite has one writer). A claimed job is `running` under a lease; a job whose
 * lease ran out (its worker crashed or stopped) is due again, which is how a job survives
 * a restart. Failures wait with exponential backoff until `max_attempts`, then the job is
 * `dead` with its last error, for an administrator to retry.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, clock, logger } = options.deps;
  const db = database.db;
  const pollMs = options.pollMs ?? 1000;
  const batch = options.batch ?? 10;
  const lockMs = options.lockMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`.slice(0, 100);
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<Poll> | null = null;
  let stopped = false;
  /** A wake-up that came while a poll was claiming: poll again as soon as it is done. */
  let wokenDuringPoll = false;
  let unsubscribe: (() => void) | null = null;
  /** Told what the first poll after `start` set running. */
  let firstPass: ((ran: Promise<unknown>) => void) | null = null;

  async function claim(limit: number): Promise<Job[]> {
    const now = clock.now();
    const nowIso = now.toISOString();
    return db.transaction().execute((trx) =>
      trx
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_until: new Date(now.getTime() + lockMs).toISOString(),
          locked_by: workerId,
          updated_at: nowIso,
        }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('jobs')
            .select('id')
            .where((w) =>
              w.or([
                w.and([w('status', 'in', ['queued', 'failed']), w('run_at', '<=', nowIso)]),
                w.and([w('status', '=', 'running'), w('locked_until', '<=', nowIso)]),
              ]),
            )
            .orderBy('run_at')
            .limit(limit)
            .$if(database.kind === 'postgres', (q) => q.forUpdate().skipLocked()),
        )
        .returningAll()
        .execute(),
    );
  }

  /** Writes the outcome, unless the lease was lost and another worker holds the job now. */
  async function finish(job: Job, set: Partial<Job>): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ locked_until: null, locked_by: null, updated_at: clock.now().toISOString(), ...set })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .execute();
  }

  async function run(job: Job): Promise<void> {
    const handler = options.handlers[job.kind];
    if (!handler) {
      await finish(job, { status: 'dead', last_error: `Không có bộ xử lý cho loại việc "${job.kind}".` });
      logger.error({ jobId: job.id, kind: job.kind }, 'job of unknown kind is dead');
      return;
    }
    // Taken back after leases ran out as many times as it may be tried: it kills its worker.
    if (job.attempts > job.max_attempts) {
      await finish(job, { status: 'dead', last_error: job.last_error ?? 'Hết thời hạn xử lý quá số lần cho phép.' });
      return;
    }
    try {
      await handler(JSON.parse(job.payload) as unknown, job);
      await finish(job, { status: 'done', done_at: clock.now().toISOString(), last_error: null });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX);
      if (job.attempts >= job.max_attempts) {
        await finish(job, { status: 'dead', last_error: message });
        logger.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err }, 'job is dead');
      } else {
        const runAt = new Date(clock.now().getTime() + retryDelayMs(job.attempts, random)).toISOString();
        await finish(job, { status: 'failed', run_at: runAt, last_error: message });
        logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, runAt, err }, 'job failed, will retry');
      }
    }
  }

  function track(job: Job): Promise<void> {
    const p = run(job)
      .catch((err: unknown) => logger.error({ err, jobId: job.id }, 'job outcome not recorded'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  }

  async function runOnce(): Promise<number> {
    const free = batch - inFlight.size;
    if (free <= 0 || stopped) return 0;
    const jobs = await claim(free);
    await Promise.all(jobs.map(track));
    return jobs.length;
  }

  /**
   * One poll: claims into the free slots without waiting for the jobs; answers when to poll
   * next, and the jobs it set running.
   */
  async function poll(): Promise<Poll> {
    try {
      const free = batch - inFlight.size;
      if (free <= 0) return { next: pollMs, ran: Promise.resolve() };
      const jobs = await claim(free);
      // A freed slot looks for more at once: a backlog drains without waiting for the next poll.
      const ran = jobs.map((job) => track(job).then(() => schedule(0)));
      return { next: pollMs, ran: Promise.all(ran) };
    } catch (err) {
      logger.error({ err }, 'job poll failed');
      return { next: pollMs, ran: Promise.resolve() };
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (polling) {
      // Not dropped: a slot freed or a job queued while claiming is looked at right after.
      if (ms === 0) wokenDuringPoll = true;
      return;
    }
    if (timer) {
      if (ms > 0) return;
      clearTimeout(timer);
    }
    timer = setTimeout(async () => {
      timer = null;
      polling = poll();
      const { next, ran } = await polling;
      polling = null;
      firstPass?.(ran);
      firstPass = null;
      const again = wokenDuringPoll;
      wokenDuringPoll = false;
      schedule(again ? 0 : next);
    }, ms);
    timer.unref();
  }

  return {
    workerId,
    runOnce,
    start() {
      stopped = false;
      // A job queued by this process runs as soon as its transaction commits, not at the next poll.
      unsubscribe ??= onJobsQueued(() => schedule(0));
      const first = new Promise<void>((resolve) => {
        firstPass = (ran) => void ran.then(() => resolve());
      });
      schedule(0);
      return first;
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      firstPass?.(Promise.resolve());
      firstPass = null;
      if (timer) clearTimeout(timer);
      timer = null;
      await polling;
      await Promise.allSettled([...inFlight]);
    },
  };
}
