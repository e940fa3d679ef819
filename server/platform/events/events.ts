import type { Transaction } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import { enqueue, type Job, type JobHandler } from '../jobs/jobs';

/**
 * Every domain event kind and its payload. The platform knows none of them: each module
 * adds the events it emits from its contract file, by declaration merging:
 *
 *   declare module '../../platform/events/events' {
 *     interface DomainEvents extends DocumentEvents {}
 *   }
 *
 * Payloads are stored as JSON and handed to jobs, so they hold plain data only.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' contracts
export interface DomainEvents {}

export type EventKind = keyof DomainEvents & string;

export interface DomainEvent<K extends EventKind = EventKind> {
  /** Opaque and time-ordered; a durable subscriber's job is keyed by it, so it runs once. */
  id: string;
  kind: K;
  /** UTC ISO-8601: the clock of the transaction that emitted it. */
  occurredAt: string;
  payload: DomainEvents[K];
}

/**
 * Runs inside the emitting transaction: what the user must see at once (a notification in
 * the app, the paper saved). A failure rolls the change back with it.
 */
export interface TransactionalSubscriber<K extends EventKind> {
  name: string;
  when: 'in-transaction';
  handle(trx: Transaction<DB>, event: DomainEvent<K>): Promise<void>;
}

/**
 * Runs after commit as a durable job (`event:<kind>:<name>`, keyed by the event id): what
 * leaves the process. A crash before commit sends nothing; after it, the job runs until it
 * succeeds, and must be idempotent like every job.
 */
export interface DurableSubscriber<K extends EventKind> {
  name: string;
  when: 'after-commit';
  handle(event: DomainEvent<K>, job: Job): Promise<void>;
  maxAttempts?: number;
}

export type Subscriber<K extends EventKind> = TransactionalSubscriber<K> | DurableSubscriber<K>;

export interface EventBus {
  /**
   * Records the event in the caller's transaction (`domain_events`), runs the in-transaction
   * subscribers in the order they subscribed, and queues one job per durable subscriber,
   * all in that transaction: the change, its event and its consequences commit together.
   */
  emit<K extends EventKind>(trx: Transaction<DB>, kind: K, payload: DomainEvents[K]): Promise<DomainEvent<K>>;
  subscribe<K extends EventKind>(kind: K, subscriber: Subscriber<K>): void;
  /** The names of a kind's subscribers, in order. */
  subscribersOf(kind: EventKind): string[];
  /** The job handlers of the durable subscribers, one per job kind. */
  jobHandlers(): Record<string, JobHandler>;
  /**
   * Throws unless every kind listed has at least one subscriber and every subscribed kind
   * is listed: called once the composition root has wired every module.
   */
  assertWired(kinds: readonly EventKind[]): void;
}

export const jobKindOf = (kind: string, subscriber: string) => `event:${kind}:${subscriber}`;

/**
 * The runtime list of a module's event kinds, checked against its declared type: a kind
 * added to the type and not to the list does not compile.
 */
export function eventKinds<T>(kinds: { [K in keyof T]: true }): (keyof T & string)[] {
  return Object.keys(kinds) as (keyof T & string)[];
}

export function createEventBus(clock: Clock): EventBus {
  const subscribers = new Map<string, Subscriber<EventKind>[]>();

  return {
    async emit(trx, kind, payload) {
      const list = subscribers.get(kind);
      if (!list || list.length === 0) throw new Error(`Domain event ${kind} has no subscriber`);
      const at = clock.now();
      const event = { id: newId(at.getTime()), kind, occurredAt: at.toISOString(), payload };
      await trx
        .insertInto('domain_events')
        .values({ id: event.id, kind, occurred_at: event.occurredAt, payload: JSON.stringify(payload) })
        .execute();
      for (const s of list) {
        if (s.when === 'in-transaction') {
          await s.handle(trx, event as DomainEvent<EventKind>);
        } else {
          await enqueue(
            trx,
            {
              kind: jobKindOf(kind, s.name),
              key: `event:${event.id}:${s.name}`,
              payload: event,
              maxAttempts: s.maxAttempts,
            },
            at,
          );
        }
      }
      return event;
    },

    subscribe(kind, subscriber) {
      const list = subscribers.get(kind) ?? [];
      if (list.some((s) => s.name === subscriber.name)) {
        throw new Error(`Domain event ${kind} already has a subscriber named ${subscriber.name}`);
      }
      list.push(subscriber as unknown as Subscriber<EventKind>);
      subscribers.set(kind, list);
    },

    subscribersOf(kind) {
      return (subscribers.get(kind) ?? []).map((s) => s.name);
    },

    jobHandlers() {
      const handlers: Record<string, JobHandler> = {};
      for (const [kind, list] of subscribers) {
        for (const s of list) {
          if (s.when !== 'after-commit') continue;
          handlers[jobKindOf(kind, s.name)] = (payload, job) => s.handle(payload as DomainEvent<EventKind>, job);
        }
      }
      return handlers;
    },

    assertWired(kinds) {
      const listed = new Set<string>(kinds);
      const missing = kinds.filter((k) => (subscribers.get(k)?.length ?? 0) === 0);
      const unknown = [...subscribers.keys()].filter((k) => !listed.has(k));
      if (missing.length > 0 || unknown.length > 0) {
        throw new Error(
          [
            missing.length > 0 ? `Domain events without a subscriber: ${missing.join(', ')}` : '',
            unknown.length > 0 ? `Subscribed to events no module emits: ${unknown.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        );
      }
    },
  };
}

/**
 * Merges the job handlers of every module, failing on a job kind handled twice: each kind
 * has exactly one handler.
 */
export function mergeJobHandlers(...groups: Record<string, JobHandler>[]): Record<string, JobHandler> {
  const merged: Record<string, JobHandler> = {};
  for (const group of groups) {
    for (const [kind, handler] of Object.entries(group)) {
      if (merged[kind]) throw new Error(`Job kind ${kind} has two handlers`);
      merged[kind] = handler;
    }
  }
  return merged;
}
