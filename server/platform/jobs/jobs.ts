import type { Executor } from '../db/database';
import type { JobsTable } from '../db/schema';
import { newId } from '../ids';

export type Job = JobsTable;

/**
 * Does one job. Handlers must be idempotent: a job can run again after a worker dies
 * between the work and its "done". The job's `idempotency_key` is what a handler hands on
 * to its provider as that provider's own duplicate guard (the SMTP `Message-ID`, the SMS
 * gateway's `RequestId`), so a repeat is recognised at the far end and sends nothing twice.
 */
export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

export interface EnqueueInput {
  /** Which handler runs it, e.g. `email.send`. */
  kind: string;
  /** Names the work itself (`sms:meeting-invite:<meetingId>:<personId>`): enqueued twice, it is one job. */
  key: string;
  /** Stored as JSON. */
  payload: unknown;
  /** When it is due; now when absent. */
  runAt?: Date;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Transactions that queued a job, so whoever commits them can wake this process's runner. */
const queuedIn = new WeakSet<object>();
const queuedListeners = new Set<() => void>();

/** Calls `listener` when a transaction of this process that queued jobs has committed. */
export function onJobsQueued(listener: () => void): () => void {
  queuedListeners.add(listener);
  return () => queuedListeners.delete(listener);
}

/**
 * Called by the transactor once `trx` committed: if it queued jobs, this process's runner is
 * woken at once instead of at its next poll. Other processes find the jobs at their poll.
 */
export function committed(trx: object): void {
  if (!queuedIn.has(trx)) return;
  queuedIn.delete(trx);
  for (const listener of queuedListeners) listener();
}

/**
 * Queues a job in the caller's transaction, so the change and the work it causes commit
 * together, or neither does. Answers false when a job with that key already exists.
 */
export async function enqueue(trx: Executor, input: EnqueueInput, at: Date): Promise<boolean> {
  const now = at.toISOString();
  const inserted = await trx
    .insertInto('jobs')
    .values({
      id: newId(at.getTime()),
      kind: input.kind,
      idempotency_key: input.key,
      payload: JSON.stringify(input.payload ?? null),
      status: 'queued',
      attempts: 0,
      max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: (input.runAt ?? at).toISOString(),
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      done_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted !== undefined) queuedIn.add(trx);
  return inserted !== undefined;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * The wait before trying again after the `attempts`-th failure: 30 s, 1 min, 2 min, …
 * capped at one hour, spread ±20 % so jobs failing together do not return together.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1);
  return Math.round(Math.min(base * (0.8 + 0.4 * random()), BACKOFF_CAP_MS));
}
