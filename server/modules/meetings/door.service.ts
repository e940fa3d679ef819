import { timingSafeEqual } from 'node:crypto';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { MeetingsCore } from './context.service';
import * as invitees from './invitees.repository';
import * as errors from './meetings.errors';

/** Letters and digits nobody misreads: no 0/O, 1/I/L, 5/S, 8/B, 2/Z. */
export const DOOR_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const DOOR_CODE_LENGTH = 6;
/** A code lasts one window; the one before is still taken, for whoever read it just before it changed. */
export const DOOR_WINDOW_MS = 60_000;
/** Wrong codes one person may send in a minute before being made to wait. */
export const DOOR_GUESSES_PER_MINUTE = 5;
/** How far back a code is still recognized as once right (and told "expired" rather than "wrong"). */
const EXPIRED_WINDOWS = 240;

/** Normalizes what was typed: case, spaces and dashes do not matter. */
export const normalizeDoorCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/**
 * The door code of a meeting for one time window: a keyed hash of the meeting and the
 * window, read in the alphabet above. Nothing is stored; the key never leaves the server.
 */
export function doorCodeOf(mac: (text: string) => string, meetingId: string, window: number): string {
  const bytes = Buffer.from(mac(`vanphong meeting door code\0${meetingId}\0${window}`), 'hex');
  let code = '';
  for (let i = 0; i < DOOR_CODE_LENGTH; i++) code += DOOR_ALPHABET[(bytes[i] as number) % DOOR_ALPHABET.length];
  return code;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The code shown at the meeting's door, and the check-in of a delegate who scanned or typed it. */
export function createDoorCheckIn(core: MeetingsCore) {
  const { db, deps, authorized, record, now } = core;
  const mac = (text: string) => deps.auditKey.mac(text);
  const windowAt = (ms: number) => Math.floor(ms / DOOR_WINDOW_MS);
  /** Wrong codes by person: the times of their recent failures (kept in memory; a restart forgets). */
  const failures = new Map<string, number[]>();

  function recentFailures(userId: string, at: number): number[] {
    const kept = (failures.get(userId) ?? []).filter((t) => at - t < 60_000);
    if (kept.length) failures.set(userId, kept);
    else failures.delete(userId);
    return kept;
  }

  return {
    /** For the organizer and the secretary on the day: the current code, until when it holds. */
    async current(actor: Actor, id: string) {
      await authorized(db, actor, id, 'doorCode');
      const at = deps.clock.now().getTime();
      const window = windowAt(at);
      return {
        code: doorCodeOf(mac, id, window),
        validUntil: new Date((window + 1) * DOOR_WINDOW_MS).toISOString(),
        rotatesEverySeconds: DOOR_WINDOW_MS / 1000,
        path: `/meetings/${encodeURIComponent(id)}/check-in`,
        // Behind a proxy the screen at the door may be opened on an address phones cannot reach
        // (localhost, an inside name): the installation's public address is the one to encode.
        url: deps.config.publicUrl
          ? new URL(`/meetings/${encodeURIComponent(id)}/check-in`, deps.config.publicUrl).href
          : null,
      };
    },

    /** A delegate checks in with the code of the door; checking in twice changes nothing. */
    async checkIn(actor: Actor, id: string, typed: string) {
      const at = deps.clock.now().getTime();
      if (recentFailures(actor.userId, at).length >= DOOR_GUESSES_PER_MINUTE) throw errors.doorCodeThrottled();
      const fail = () => failures.set(actor.userId, [...recentFailures(actor.userId, at), at]);
      const row = await core.load(db, id).catch((error: unknown) => {
        fail();
        throw error;
      });
      const code = normalizeDoorCode(typed);
      const window = windowAt(at);
      if (!same(code, doorCodeOf(mac, id, window)) && !same(code, doorCodeOf(mac, id, window - 1))) {
        fail();
        for (let w = window - 2; w > window - EXPIRED_WINDOWS; w--) {
          if (same(code, doorCodeOf(mac, id, w))) throw errors.doorCodeExpired();
        }
        throw errors.doorCodeWrong();
      }
      // Past the code: whoever stands at the door knows the meeting is there; only its delegates check in.
      const { own, resource } = await core.resourceOf(db, actor, row);
      if (!own) throw errors.doorNotInvited();
      if (row.status !== 'invited') throw errors.wrongStatus(row.status);
      if (core.phaseOf(row) === 'after') throw errors.alreadyOver();
      if (!resource.today) throw errors.notToday();
      if (resource.declined) throw errors.declinedCheckIn();
      if (own.attendance === 'present') return { checkedIn: true, already: true };
      await deps.transact(async ({ trx, audit }) => {
        await invitees.markPresent(trx, own.id, now(), actor.userId);
        await record(trx, id, actor, 'checked_in', `${own.name} (mã tại cửa)`);
        await audit(auditActorOf(actor), {
          action: 'meeting.door_check_in',
          entityType: 'meeting',
          entityId: id,
          summary:
            row.secrecy === 'normal'
              ? `${own.name} điểm danh bằng mã tại cửa: ${row.title}`.slice(0, 500)
              : `${own.name} điểm danh bằng mã tại cửa cuộc họp mật`,
        });
      });
      return { checkedIn: true, already: false };
    },
  };
}
