import { Readable } from 'node:stream';
import { type NumberingStyle, numberingStyle, printedNumber } from '../../../common/docnumber/format';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { UnstampedPdf } from '../../platform/render/party-document';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { GeneratedDocuments } from '../documents/documents.contract';
import type { MeetingsCore } from './context.service';
import * as fileRepo from './files.repository';
import { type InvitationInput, invitationLayout, invitationRenderer } from './invitation.render';
import * as errors from './meetings.errors';
import * as repo from './meetings.repository';
import { meetingTimeLine } from './meetings.rules';
import { invitationFileName } from './meetings.view';

/** The mailboxes, as the invitation uses them: one message written in the sending transaction. */
export interface InvitationMail {
  send(
    trx: Executor,
    mail: {
      fromOrganizationId: string;
      to: { people: string[]; organizations: string[] };
      subject: string;
      text: string;
      files: { sha256: string; fileName: string }[];
    },
  ): Promise<unknown>;
}

export function createInvitations(
  core: MeetingsCore,
  generated: GeneratedDocuments,
  mail: InvitationMail | null = null,
) {
  const { db, deps, authorized, record } = core;

  async function inputOf(
    ex: Executor,
    row: repo.MeetingRow,
    numberText: string | null,
    style: NumberingStyle,
    issueDate: string,
  ): Promise<InvitationInput> {
    const [agenda, invitees, parent] = await Promise.all([
      repo.agendaOf(ex, row.id),
      repo.inviteesOf(ex, row.id),
      repo.parentNameOf(ex, row.organization_id),
    ]);
    return { row, agenda, invitees, parentName: parent, numberText, style, issueDate };
  }

  /** Makes the invitation; any failure is the one the user is told of. */
  async function making<T>(meetingId: string, make: () => Promise<T>): Promise<T> {
    try {
      return await make();
    } catch (error) {
      deps.logger.error({ err: error, meetingId }, 'invitation rendering failed');
      throw errors.invitationFailed();
    }
  }

  async function render(format: 'pdf' | 'docx', input: InvitationInput): Promise<Buffer> {
    const layout = invitationLayout(input);
    return making(input.row.id, async () =>
      format === 'pdf' ? (await invitationRenderer.pdf(layout)).stamp(layout) : await invitationRenderer.docx(layout),
    );
  }

  return {
    /** The invitation as it stands: with its number once sent, blank before (a preview). */
    async document(actor: Actor, id: string, format: 'pdf' | 'docx') {
      const { row } = await authorized(db, actor, id, 'read');
      const issueDate = row.sent_at ? dayInVietnam(new Date(row.sent_at)) : core.today();
      const bytes = await render(
        format,
        await inputOf(db, row, row.invitation_number ?? null, numberingStyle(row.invitation_style), issueDate),
      );
      return { bytes, fileName: invitationFileName(row.invitation_number ?? 'du-thao', format) };
    },

    /**
     * Numbers the invitation (GM) from the outgoing register, makes its PDF with the number
     * on it, and delivers it with the meeting documents to every invitee, in one transaction:
     * if anything fails, nobody is invited and the number is not used.
     */
    async send(actor: Actor, id: string, body: { version: number; registerId: string }) {
      const { row } = await authorized(db, actor, id, 'send');
      if (core.phaseOf(row) === 'after') throw errors.alreadyOver();
      const invitees = await repo.inviteesOf(db, id);
      if (invitees.length === 0) throw errors.noInvitees();
      const register = await generated.checkRegister(body.registerId, row.organization_id, row.secrecy, 'GM');
      const style = numberingStyle(register.style);
      const audience = await repo.audienceOf(db, id);
      // Made whole before the register is held, with the number and date it will be given unless
      // someone is numbered from the register in between; inside, they are only checked.
      const unnumbered = invitationLayout(await inputOf(db, row, null, style, core.today()));
      const expected = await generated.expectedNumber(body.registerId, 'GM');
      const stamped = (numbered: { numberText: string; issueDate: string }) =>
        making(id, async () => {
          const unstamped: UnstampedPdf = await invitationRenderer.pdf(unnumbered);
          const pdf = await unstamped.stamp({
            numberText: printedNumber(style, numbered.numberText),
            date: numbered.issueDate,
          });
          // Received (hashed, read for its pages and text) here too: inside, it is only stored.
          return deps.files.receive(Readable.from([pdf]), {
            fileName: invitationFileName(numbered.numberText),
            maxBytes: 50 * 1024 * 1024,
          });
        });
      const ready = await stamped(expected);
      let again: typeof ready | null = null;
      const result = await deps
        .transact(async ({ trx, audit }) => {
          await core.advance(trx, row, body.version, {
            status: 'invited',
            register_id: body.registerId,
            sent_at: core.now(),
          });
          let pages = 1;
          const people = invitees.filter((i) => i.user_id).map((i) => i.user_id as string);
          const doc = await generated.issue(trx, actor, {
            organizationId: row.organization_id,
            registerId: body.registerId,
            typeCode: 'GM',
            summary: `Giấy mời: ${row.title}`,
            secrecy: row.secrecy,
            signerName: row.signer_name,
            signerPosition: row.signer_position,
            recipients: invitees.map((i) =>
              i.kind === 'person'
                ? { kind: 'person' as const, id: i.person_id as string, name: i.name }
                : { kind: 'organization' as const, id: i.organization_id as string, name: i.name },
            ),
            readers: audience,
            render: async ({ numberText, issueDate }) => {
              if (numberText !== expected.numberText || issueDate !== expected.issueDate) {
                // Another document took the number meanwhile: made again, the register held.
                again = await stamped({ numberText, issueDate });
              }
              const file = again ?? ready;
              const stored = await file.commit(trx);
              const [blob] = await fileRepo.pageCountsOf(trx, [stored.sha256]);
              pages = Math.max(1, Number(blob?.page_count ?? 1));
              await fileRepo.insertFiles(trx, [
                {
                  id: `${id}-gm`,
                  meeting_id: id,
                  agenda_item_id: null,
                  kind: 'invitation',
                  sha256: stored.sha256,
                  file_name: stored.fileName,
                  pages,
                  replaces_id: null,
                  superseded_at: null,
                  withdrawn_at: null,
                  added_by: actor.userId,
                  added_by_name: actor.fullName,
                  added_at: core.now(),
                },
              ]);
              return stored;
            },
          });
          await repo.setInvitationDocument(trx, id, doc.id);
          const files = await repo.filesOf(trx, id);
          const current = files.filter((f) => !f.superseded_at && !f.withdrawn_at);
          // The official mailboxes get the invitation and, unless the meeting is secret, its papers.
          await mail?.send(trx, {
            fromOrganizationId: row.organization_id,
            to: {
              people: invitees.flatMap((i) => (i.kind === 'person' && i.person_id ? [i.person_id] : [])),
              organizations: invitees.flatMap((i) =>
                i.kind === 'organization' && i.organization_id ? [i.organization_id] : [],
              ),
            },
            subject: `Giấy mời số ${doc.numberText}: ${row.title}`,
            text: [
              `${meetingTimeLine(row.starts_at)} tại ${row.place}.`,
              row.content ?? '',
              row.secrecy === 'normal'
                ? 'Giấy mời và tài liệu họp gửi kèm thư này; trả lời tham dự trên trang cuộc họp.'
                : 'Cuộc họp có nội dung mật: giấy mời và tài liệu chỉ xem trên trang cuộc họp.',
              `Trang cuộc họp: ${deps.config.publicUrl ?? ''}/meetings/${id}`,
            ]
              .filter(Boolean)
              .join('\n\n'),
            files:
              row.secrecy === 'normal'
                ? current
                    .filter((f) => f.kind === 'invitation' || f.kind === 'document')
                    .map((f) => ({ sha256: f.sha256, fileName: f.file_name }))
                : [],
          });
          await deps.events.emit(trx, 'meeting.invitation_sent', {
            ...core.factsOf(row, actor, audience),
            invitationNumber: doc.numberText,
            invited: invitees.length,
            papers: [
              { kind: 'invitation', pages },
              ...current
                .filter((f) => f.kind === 'document')
                .map((f) => ({ kind: 'document' as const, pages: f.pages === null ? null : Number(f.pages) })),
            ],
          });
          await record(trx, id, actor, 'sent', `Giấy mời số ${doc.numberText} gửi ${invitees.length} đại biểu`);
          await audit(auditActorOf(actor), {
            action: 'meeting.send',
            entityType: 'meeting',
            entityId: id,
            summary:
              row.secrecy === 'normal'
                ? `Gửi giấy mời ${doc.numberText} đến ${invitees.length} đại biểu: ${row.title}`.slice(0, 500)
                : `Gửi giấy mời ${doc.numberText} đến ${invitees.length} đại biểu, cuộc họp mật (nội dung ẩn)`,
          });
          return {
            invitationDocumentId: doc.id,
            invitationNumber: doc.numberText,
            invited: invitees.length,
            people: people.length,
          };
        })
        .finally(() => Promise.all([ready.discard(), again?.discard()])); // temporary files left unstored
      return {
        invitationDocumentId: result.invitationDocumentId,
        invitationNumber: result.invitationNumber,
        invited: result.invited,
      };
    },
  };
}
