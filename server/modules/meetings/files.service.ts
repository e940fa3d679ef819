import type { FastifyReply } from 'fastify';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { MEETING_FILE_KIND_LABELS, type MeetingFileKind } from '../../../common/meetings';
import type { addMeetingFilesSchema, replaceMeetingFileSchema } from '../../../common/schemas/meetings';
import type { Executor } from '../../platform/db/database';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { MeetingsCore } from './context.service';
import * as fileRepo from './files.repository';
import * as errors from './meetings.errors';
import * as repo from './meetings.repository';

/** Takes the caller's uploads into the meeting as files of one kind, in the caller's transaction. */
export async function attachUploads(
  core: MeetingsCore,
  trx: Executor,
  meetingId: string,
  actor: Actor,
  uploadIds: readonly string[],
  kind: string,
  agendaItemId: string | null,
  replacesId: string | null = null,
) {
  const uploads = await core.deps.files.takeUploads(trx, actor.userId, uploadIds);
  if (uploads.length === 0) return [];
  const pages = await fileRepo.pageCountsOf(
    trx,
    uploads.map((u) => u.sha256),
  );
  const pagesOf = new Map(pages.map((p) => [p.sha256, p.page_count]));
  const at = core.now();
  const rows = uploads.map((u) => ({
    id: newId(),
    meeting_id: meetingId,
    agenda_item_id: agendaItemId,
    kind,
    sha256: u.sha256,
    file_name: u.fileName,
    pages: pagesOf.get(u.sha256) ?? null,
    replaces_id: replacesId,
    superseded_at: null,
    withdrawn_at: null,
    added_by: actor.userId,
    added_by_name: actor.fullName,
    added_at: at,
  }));
  await fileRepo.insertFiles(trx, rows);
  return rows;
}

/** Once the invitation is out, new documents reach every delegate at once, and count as paper saved. */
async function announce(
  core: MeetingsCore,
  trx: Transaction<DB>,
  actor: Actor,
  row: repo.MeetingRow,
  files: readonly { pages: number | null }[],
  what: { change: 'added' | 'replaced' } | { fileKind: MeetingFileKind },
) {
  const audience = await repo.audienceOf(trx, row.id);
  const invited = await fileRepo.invitedCount(trx, row.id);
  const facts = {
    ...core.factsOf(row, actor, audience),
    invited,
    pages: files.map((f) => (f.pages === null ? null : Number(f.pages))),
  };
  if ('change' in what) await core.deps.events.emit(trx, 'meeting.files_changed', { ...facts, change: what.change });
  else await core.deps.events.emit(trx, 'meeting.minutes_published', { ...facts, fileKind: what.fileKind });
}

export function createMeetingFiles(core: MeetingsCore) {
  const { db, deps, authorized, record } = core;

  return {
    async add(actor: Actor, id: string, body: z.infer<typeof addMeetingFilesSchema>) {
      const action = body.kind === 'document' ? 'addFiles' : 'minutes';
      const { row } = await authorized(db, actor, id, action);
      if (body.agendaItemId) {
        const item = await fileRepo.agendaItemOf(db, id, body.agendaItemId);
        if (!item) throw errors.unknownAgendaItem();
      }
      await deps.transact(async ({ trx }) => {
        // Holds the meeting where the caller saw it: a file is never added to a meeting cancelled meanwhile.
        await core.advance(trx, row, null, {});
        const files = await attachUploads(core, trx, id, actor, body.uploadIds, body.kind, body.agendaItemId ?? null);
        const names = files.map((f) => f.file_name).join(', ');
        if (body.kind === 'document') {
          await record(trx, id, actor, 'files_added', names);
          if (row.status !== 'draft') await announce(core, trx, actor, row, files, { change: 'added' });
        } else {
          await record(trx, id, actor, 'minutes_sent', `${MEETING_FILE_KIND_LABELS[body.kind]}: ${names}`);
          await announce(core, trx, actor, row, files, { fileKind: body.kind });
        }
      });
    },

    /**
     * A new version of a document: the old one stays readable (a delegate reading it keeps
     * their copy) but is marked replaced; two replacing the same file at once, one wins.
     */
    async replace(actor: Actor, id: string, fileId: string, body: z.infer<typeof replaceMeetingFileSchema>) {
      const { row } = await authorized(db, actor, id, 'addFiles');
      const old = await fileRepo.fileOf(db, id, fileId);
      if (!old || old.kind === 'invitation') throw errors.fileNotFound();
      await deps.transact(async ({ trx }) => {
        const at = core.now();
        if (!(await fileRepo.supersedeFile(trx, fileId, at))) throw errors.fileReplaced();
        await core.advance(trx, row, null, {});
        const files = await attachUploads(core, trx, id, actor, [body.uploadId], old.kind, old.agenda_item_id, old.id);
        await record(
          trx,
          id,
          actor,
          'file_replaced',
          `${old.file_name} → ${files[0]?.file_name ?? ''}${body.note ? `: ${body.note}` : ''}`,
        );
        if (row.status !== 'draft') await announce(core, trx, actor, row, files, { change: 'replaced' });
      });
    },

    async withdraw(actor: Actor, id: string, fileId: string) {
      const { row } = await authorized(db, actor, id, 'addFiles');
      await deps.transact(async ({ trx }) => {
        const done = await fileRepo.withdrawFile(trx, id, fileId, core.now());
        if (!done) throw errors.fileNotFound();
        await core.advance(trx, row, null, {});
        await record(trx, id, actor, 'file_withdrawn', done.file_name);
      });
    },

    /** Sends a file of the meeting and remembers that the caller opened it. */
    async open(actor: Actor, id: string, fileId: string, reply: FastifyReply, download: boolean) {
      const { row } = await authorized(db, actor, id, 'read');
      const file = await fileRepo.fileOf(db, id, fileId);
      if (!file) throw errors.fileNotFound();
      const at = core.now();
      await deps.transact(async ({ trx, audit }) => {
        await fileRepo.recordOpen(trx, fileId, actor.userId, at);
        if (row.secrecy !== 'normal') {
          await audit(auditActorOf(actor), {
            action: 'meeting.file_open',
            entityType: 'meeting',
            entityId: id,
            summary: 'Mở tài liệu của cuộc họp mật (nội dung ẩn)',
            data: { meetingFileId: file.id },
          });
        }
      });
      return deps.files.sendFile(reply, { sha256: file.sha256, fileName: file.file_name, inline: !download });
    },
  };
}
