import { addDays, dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { PlatformDeps } from '../../platform/deps';
import { type CalendarEvent, writeCalendar } from '../../platform/ical';
import { newToken } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import { hashToken } from '../../platform/security/tokens';
import * as feeds from './calendar-feed.repository';
import * as errors from './schedules.errors';
import { ownerLabel, vietnamInstant } from './schedules.view';

export type { CalendarEvent };

/**
 * Where a person's feed gets its events: every event of `userId` that overlaps
 * [`fromIso`, `toIso`). Modules add their own (meetings the person is invited to) without
 * this module reading their tables. A source that fails fails the whole feed, so a phone
 * keeps the copy it has instead of deleting events it was not sent.
 */
export type CalendarSource = (userId: string, fromIso: string, toIso: string) => Promise<CalendarEvent[]>;

export interface CalendarFeedStatus {
  /** Known only when made: the secret itself is never stored, only its SHA-256. */
  url: string | null;
  createdAt: string | null;
}

const DAY_MS = 86_400_000;
/** How far back and ahead a feed reaches. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 180;
const FEED_NAME = 'VanPhong – Lịch công tác';

/**
 * The person's published schedule items: (a) items they are attached to, (b) every item of a
 * published Standing Committee week of an organization where they hold `leader` or `member`
 * granted on that organization itself, (c) every item of their own published week as a
 * leader. Items called off are left out, so the phone drops them.
 */
export function scheduleItemsSource(ex: Executor): CalendarSource {
  return async (userId, fromIso, toIso) => {
    const fromDay = dayInVietnam(new Date(fromIso));
    const toDay = dayInVietnam(new Date(toIso));
    const rows = await feeds.publishedItemsOf(ex, userId, addDays(fromDay, -6), fromDay, toDay);
    return rows.map((r) => ({
      uid: `schedule-item-${r.id}@vanphong`,
      start: vietnamInstant(r.day, r.start_time),
      end: r.end_time ? vietnamInstant(r.day, r.end_time) : null,
      summary: r.content,
      location: r.place,
      description:
        [
          r.lead_text && `Chủ trì: ${r.lead_text}`,
          r.attendees_text && `Thành phần: ${r.attendees_text}`,
          r.preparers_text && `Chuẩn bị: ${r.preparers_text}`,
          `Lịch công tác của ${ownerLabel(r)}`,
          r.changed_at && `Điều chỉnh sau khi công bố${r.change_note ? `: ${r.change_note}` : ''}`,
        ]
          .filter(Boolean)
          .join('\n') || null,
      url: `/schedule?week=${r.week_start}`,
      ...(r.meeting_id && { key: `meeting:${r.meeting_id}` }),
      cancelled: false,
      sequence: r.version,
      updatedAt: r.updated_at,
    }));
  };
}

/**
 * One event per thing shown: a meeting put on the schedule comes from both the schedule and
 * the meetings, and the one carrying the person's own answer is kept.
 */
function once(events: readonly CalendarEvent[]): CalendarEvent[] {
  const byKey = new Map<string, CalendarEvent>();
  const out: CalendarEvent[] = [];
  for (const event of events) {
    if (!event.key) {
      out.push(event);
      continue;
    }
    const seen = byKey.get(event.key);
    if (!seen || (!seen.attendee && event.attendee)) byKey.set(event.key, event);
  }
  return [...out, ...byKey.values()];
}

/** A person's secret iCalendar address, and the feed behind it. */
export function createCalendarFeed(input: { deps: PlatformDeps; sources: readonly CalendarSource[] }) {
  const { deps, sources } = input;
  const db = deps.database.db;
  const base = (origin: string) => (deps.config.publicUrl ?? origin).replace(/\/+$/, '');

  return {
    async status(actor: Actor): Promise<CalendarFeedStatus> {
      const row = await feeds.feedOf(db, actor.userId);
      return { url: null, createdAt: row?.created_at ?? null };
    },

    /** Makes a new address; one made before stops working in the same moment. */
    async create(actor: Actor, origin: string): Promise<{ url: string; createdAt: string }> {
      const token = newToken();
      const createdAt = deps.clock.now().toISOString();
      await deps.transact(async ({ trx, audit }) => {
        await feeds.saveFeed(trx, actor.userId, hashToken(token), createdAt);
        await audit(auditActorOf(actor), {
          action: 'calendar.feed_create',
          entityType: 'user',
          entityId: actor.userId,
          summary: `${actor.fullName} tạo địa chỉ theo dõi lịch`,
        });
      });
      return { url: `${base(origin)}/calendar/${token}.ics`, createdAt };
    },

    async revoke(actor: Actor): Promise<void> {
      await deps.transact(async ({ trx, audit }) => {
        if (!(await feeds.deleteFeed(trx, actor.userId))) return;
        await audit(auditActorOf(actor), {
          action: 'calendar.feed_revoke',
          entityType: 'user',
          entityId: actor.userId,
          summary: `${actor.fullName} ngừng theo dõi lịch`,
        });
      });
    },

    /**
     * The feed behind a token. Every token, well-formed or not, goes the same way: hashed and
     * looked up by its hash, so the answer and its timing say nothing but "not found".
     */
    async render(token: string, origin: string): Promise<string> {
      const owner = await feeds.ownerOfToken(db, hashToken(token));
      if (!owner) throw errors.feedNotFound();
      const now = deps.clock.now();
      const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS).toISOString();
      const to = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS).toISOString();
      const lists = await Promise.all(sources.map((source) => source(owner.id, from, to)));
      const events = once(lists.flat()).sort(
        (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.uid.localeCompare(b.uid),
      );
      return writeCalendar({ name: FEED_NAME, events, stampedAt: now, baseUrl: base(origin) });
    },
  };
}

export type CalendarFeed = ReturnType<typeof createCalendarFeed>;
