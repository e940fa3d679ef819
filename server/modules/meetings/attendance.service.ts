import type { z } from 'zod';
import { REPLY_LABELS } from '../../../common/meetings';
import type {
  addInviteesSchema,
  attendanceSchema,
  cancelMeetingSchema,
  ReplyWrite,
  rescheduleSchema,
} from '../../../common/schemas/meetings';
import { dayInVietnam } from '../../platform/clock';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { MeetingsCore } from './context.service';
import * as invitees from './invitees.repository';
import * as errors from './meetings.errors';
import * as repo from './meetings.repository';
import { meetingTimeLine } from './meetings.rules';
import { replyHash } from './offline.service';

/** Replies, reminders, attendance, and the changes everyone invited must hear of. */
export function createAttendance(core: MeetingsCore) {
  const { db, deps, authorized, record, now } = core;

  return {
    /**
     * With an idempotency key (a phone's offline queue sends one), a repeat of the same key
     * answers as the first did and writes nothing: no second history entry, no second change.
     */
    async reply(actor: Actor, id: string, body: ReplyWrite, idempotencyKey?: string) {
      const hash = idempotencyKey ? replyHash(id, body) : null;
      const repeated = async (ex: typeof db) => {
        if (!idempotencyKey) return false;
        const seen = await invitees.replyKeyOf(ex, actor.userId, idempotencyKey);
        if (!seen) return false;
        if (seen.request_hash !== hash) throw errors.idempotencyMismatch();
        return true;
      };
      // Checked first: the answer to a repeat is the first one's, even once the meeting is over.
      if (await repeated(db)) return;
      // Said plainly before rights: a reply after the meeting, or to a cancelled one, is not a rights matter.
      const { row, mine, resource } = await authorized(db, actor, id, 'read');
      if (core.phaseOf(row) === 'after') throw errors.alreadyOver();
      if (row.status === 'cancelled' || row.status === 'draft') throw errors.wrongStatus(row.status);
      deps.authorizer.authorize(actor, 'reply', resource);
      const invitee = body.inviteeId
        ? mine.find((i) => i.id === body.inviteeId)
        : mine.find((i) => i.user_id === actor.userId);
      if (!invitee) throw errors.notInvited();
      await deps.transact(async ({ trx }) => {
        // Still open when the reply lands: a meeting cancelled meanwhile takes no more replies.
        const live = await invitees.meetingStatusOf(trx, id);
        if (live.status !== 'invited' && live.status !== 'postponed') throw errors.wrongStatus(live.status);
        if (idempotencyKey && hash) {
          // Two sends of one key at once: the second waits on the first's row, then finds it and stops.
          const claimed = await invitees.claimReplyKey(trx, {
            user_id: actor.userId,
            key: idempotencyKey,
            meeting_id: id,
            request_hash: hash,
            created_at: now(),
          });
          if (!claimed) {
            await repeated(trx);
            return;
          }
        }
        await invitees.setReply(trx, invitee.id, {
          reply: body.reply,
          reason: body.reply === 'absent' ? (body.reason ?? null) : null,
          deputy_name: body.reply === 'deputy' ? (body.deputyName ?? null) : null,
          replied_at: now(),
          replied_by: actor.userId,
        });
        const detail =
          body.reply === 'absent' ? `: ${body.reason}` : body.reply === 'deputy' ? `: ${body.deputyName}` : '';
        await record(trx, id, actor, 'replied', `${invitee.name} — ${REPLY_LABELS[body.reply]}${detail}`);
      });
    },

    /** Reminds everyone who has not answered; those reminded in the last hour are left in peace. */
    async remind(actor: Actor, id: string) {
      const { row } = await authorized(db, actor, id, 'remind');
      const hourAgo = new Date(deps.clock.now().getTime() - 3_600_000).toISOString();
      return deps.transact(async ({ trx }) => {
        const pending = await invitees.pendingReplies(trx, id, hourAgo);
        if (pending.length === 0) return { reminded: 0 };
        const users = [
          ...pending.flatMap((p) => (p.user_id ? [p.user_id] : [])),
          ...(await repo.officeOf(
            trx,
            pending.flatMap((p) => (p.organization_id ? [p.organization_id] : [])),
          )),
        ];
        await deps.events.emit(trx, 'meeting.replies_requested', core.factsOf(row, actor, users));
        await invitees.markReminded(
          trx,
          pending.map((p) => p.id),
          now(),
        );
        await record(trx, id, actor, 'reminded', `${pending.length} người chưa trả lời`);
        return { reminded: pending.length };
      });
    },

    /** The delegate checks in on their phone, on the day. */
    async checkIn(actor: Actor, id: string) {
      const { row, own, resource } = await authorized(db, actor, id, 'read');
      if (!own) throw errors.notInvited();
      if (dayInVietnam(new Date(row.starts_at)) !== core.today() || core.phaseOf(row) === 'after')
        throw errors.notToday();
      if (resource.declined) throw errors.declinedCheckIn();
      deps.authorizer.authorize(actor, 'checkIn', resource);
      await deps.transact(async ({ trx }) => {
        await invitees.markPresent(trx, own.id, now(), actor.userId);
        await record(trx, id, actor, 'checked_in', own.name);
      });
    },

    /** The secretary marks who is there. */
    async attendance(actor: Actor, id: string, body: z.infer<typeof attendanceSchema>) {
      await authorized(db, actor, id, 'attendance');
      const ids = [...new Set(body.marks.map((m) => m.inviteeId))];
      const found = await invitees.inviteesAmong(db, id, ids);
      if (found.length !== ids.length) throw errors.notInvited();
      await deps.transact(async ({ trx }) => {
        for (const mark of body.marks) {
          await invitees.setAttendance(trx, id, mark.inviteeId, {
            attendance: mark.attendance,
            checked_in_at: mark.attendance === 'unknown' ? null : now(),
            checked_in_by: mark.attendance === 'unknown' ? null : actor.userId,
          });
        }
        const present = body.marks.filter((m) => m.attendance === 'present').length;
        await record(trx, id, actor, 'checked_in', `Điểm danh ${body.marks.length} người, ${present} có mặt`);
      });
    },

    /** Invites more people once the invitation is out: they get it at once, with the documents. */
    async invite(actor: Actor, id: string, body: z.infer<typeof addInviteesSchema>) {
      const { row } = await authorized(db, actor, id, 'invite');
      const resolved = await core.resolveInvitees(db, body.invitees);
      return deps.transact(async ({ trx }) => {
        await core.advance(trx, row, null, {});
        const fresh = await core.insertInvitees(trx, id, resolved);
        if (fresh.length === 0) return { added: 0 };
        const users = [
          ...fresh.flatMap((f) => (f.user_id ? [f.user_id] : [])),
          ...(await repo.officeOf(
            trx,
            fresh.flatMap((f) => (f.organization_id ? [f.organization_id] : [])),
          )),
        ];
        if (row.invitation_document_id) {
          await invitees.openDocumentTo(trx, row.invitation_document_id, users);
        }
        const files = (await repo.filesOf(trx, id)).filter((f) => !f.superseded_at && !f.withdrawn_at);
        await deps.events.emit(trx, 'meeting.invitees_added', {
          ...core.factsOf(row, actor, users),
          invitationNumber: row.invitation_number ?? null,
          invited: fresh.length,
          papers: files.map((f) => ({
            kind: f.kind === 'invitation' ? ('invitation' as const) : ('document' as const),
            pages: f.pages === null ? null : Number(f.pages),
          })),
        });
        await record(trx, id, actor, 'invited', fresh.map((f) => f.name).join(', '));
        return { added: fresh.length };
      });
    },

    /**
     * Moves the meeting to a new time or place, or postpones it without one. Everyone invited
     * hears of it; a new time asks them to answer again.
     */
    async reschedule(actor: Actor, id: string, body: z.infer<typeof rescheduleSchema>) {
      const { row } = await authorized(db, actor, id, 'reschedule');
      const postpone = !body.startsAt && !body.endsAt;
      const startsAt = body.startsAt ? new Date(body.startsAt).toISOString() : row.starts_at;
      const endsAt = body.endsAt ? new Date(body.endsAt).toISOString() : row.ends_at;
      if (!postpone && endsAt <= startsAt) throw errors.endBeforeStart();
      const timeChanged = startsAt !== row.starts_at || endsAt !== row.ends_at;
      await deps.transact(async ({ trx, audit }) => {
        await core.advance(trx, row, body.version, {
          status: postpone ? 'postponed' : 'invited',
          starts_at: startsAt,
          ends_at: endsAt,
          ...(body.place && { place: body.place }),
        });
        if (timeChanged) {
          await invitees.resetReplies(trx, id);
        }
        const where = body.place ?? row.place;
        const news = postpone
          ? `Tạm hoãn, thời gian họp sẽ thông báo sau. Lý do: ${body.reason}`
          : `Thời gian mới: ${meetingTimeLine(startsAt)}, tại ${where}. Lý do: ${body.reason}`;
        await deps.events.emit(trx, 'meeting.changed', {
          ...core.factsOf({ ...row, starts_at: startsAt, place: where }, actor, await repo.audienceOf(trx, id)),
          postponed: postpone,
          endsAt,
          reason: body.reason,
        });
        await record(trx, id, actor, postpone ? 'postponed' : 'moved', news);
        await audit(auditActorOf(actor), {
          action: postpone ? 'meeting.postpone' : 'meeting.move',
          entityType: 'meeting',
          entityId: id,
          summary:
            row.secrecy === 'normal'
              ? `${row.title}: ${news}`.slice(0, 500)
              : `${postpone ? 'Hoãn' : 'Thay đổi'} cuộc họp mật (nội dung ẩn)`,
        });
      });
    },

    async cancel(actor: Actor, id: string, body: z.infer<typeof cancelMeetingSchema>) {
      const { row } = await authorized(db, actor, id, 'cancel');
      await deps.transact(async ({ trx, audit }) => {
        await core.advance(trx, row, body.version, { status: 'cancelled' });
        await deps.events.emit(trx, 'meeting.cancelled', {
          ...core.factsOf(row, actor, await repo.audienceOf(trx, id)),
          reason: body.reason,
        });
        await record(trx, id, actor, 'cancelled', body.reason);
        await audit(auditActorOf(actor), {
          action: 'meeting.cancel',
          entityType: 'meeting',
          entityId: id,
          summary:
            row.secrecy === 'normal'
              ? `Hủy cuộc họp ${row.title}: ${body.reason}`.slice(0, 500)
              : 'Hủy cuộc họp mật (nội dung ẩn)',
        });
      });
    },
  };
}
