import { createHash } from 'node:crypto';
import type { OfflinePackage } from '../../../common/schemas/meetings-offline';
import { dayInVietnam } from '../../platform/clock';
import type { Actor } from '../../platform/security/actor';
import type { MeetingsCore } from './context.service';
import * as errors from './meetings.errors';
import * as repo from './meetings.repository';

/** Papers of a meeting are kept on a phone until the end of the day it ends, in Vietnam (UTC+7, no DST). */
export function keepUntil(endsAt: string): string {
  return new Date(`${dayInVietnam(new Date(endsAt))}T23:59:59.999+07:00`).toISOString();
}

/** Only meetings marked normal may leave the office's systems onto a phone (DOMAIN: secrecy). */
export const mayKeepOffline = (secrecy: string) => secrecy === 'normal';

/**
 * The offline package of one meeting for its delegate: what the phone keeps to read it with
 * no signal. Only for someone the meeting invites (in person or through the organization
 * they answer for), never for a secret meeting.
 */
export function createOfflinePackages(core: MeetingsCore) {
  const { db } = core;
  return {
    async package(actor: Actor, id: string): Promise<OfflinePackage> {
      const { row, mine, own } = await core.authorized(db, actor, id, 'read');
      if (mine.length === 0) throw errors.notInvited();
      if (!mayKeepOffline(row.secrecy)) throw errors.offlineNotAllowed();
      const [agenda, files] = await Promise.all([repo.agendaOf(db, id), repo.filesOf(db, id)]);
      const current = files
        .filter((f) => !f.superseded_at && !f.withdrawn_at)
        // The invitation first, then the papers in the order they were added.
        .sort((a, b) => Number(b.kind === 'invitation') - Number(a.kind === 'invitation'));
      return {
        meeting: {
          id: row.id,
          title: row.title,
          organizationName: row.organization_name,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          place: row.place,
          status: row.status as OfflinePackage['meeting']['status'],
          secrecy: 'normal',
          chairName: row.chair_name,
          invitationNumber: row.invitation_number ?? null,
          content: row.content,
        },
        agenda: agenda.map((a) => ({
          id: a.id,
          position: Number(a.position),
          title: a.title,
          presenterName: a.presenter_name,
        })),
        files: current.map((f) => ({
          id: f.id,
          kind: f.kind as OfflinePackage['files'][number]['kind'],
          agendaItemId: f.agenda_item_id,
          fileName: f.file_name,
          contentType: f.content_type,
          size: Number(f.size),
          etag: f.sha256,
          url: `/api/meetings/${encodeURIComponent(id)}/files/${encodeURIComponent(f.id)}`,
        })),
        myInvitation: own
          ? {
              inviteeId: own.id,
              reply: own.reply as 'pending',
              reason: own.reason,
              deputyName: own.deputy_name,
              repliedAt: own.replied_at,
            }
          : null,
        keepUntil: keepUntil(row.ends_at),
        generatedAt: core.now(),
      };
    },
  };
}

/** What a reply's idempotency key stands for: the same key must carry the same answer. */
export function replyHash(meetingId: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([meetingId, body]))
    .digest('hex');
}
