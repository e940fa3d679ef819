import { Readable } from 'node:stream';
import { type NumberingStyle, numberingStyle, printedNumber } from '../../../common/docnumber/format';
import { SECRECY_LABELS } from '../../../common/documents';
import { ATTENDEE_ROLE_LABELS } from '../../../common/meetings';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import type { MeetingInviteesTable } from '../../platform/db/schema';
import type { Block, PartyDocumentLayout, UnstampedPdf } from '../../platform/render/party-document';
import { layOutPartyDocumentPdf, renderPartyDocumentDocx } from '../../platform/render/party-document';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { GeneratedDocuments } from '../documents/documents.contract';
import type { MeetingsCore } from './meetings.core';
import * as errors from './meetings.errors';
import * as repo from './meetings.repository';
import { meetingTimeLine, placeOf } from './meetings.rules';
import { invitationFileName } from './meetings.view';

interface InvitationInput {
  row: repo.MeetingRow;
  parentName: string | null;
  agenda: Awaited<ReturnType<typeof repo.agendaOf>>;
  invitees: readonly Pick<MeetingInviteesTable, 'name' | 'position' | 'role'>[];
  /** The notation as stored (`01-GM/HU`), printed in its register's style. */
  numberText: string | null;
  style: NumberingStyle;
  issueDate: string;
}

/** The invitation as a Party document (Hướng dẫn 36-HD/VPTW): header, time, place, agenda, who is invited, signer. */
export function invitationLayout(i: InvitationInput): PartyDocumentLayout {
  const { row } = i;
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `${row.organization_name} trân trọng kính mời các đồng chí có tên dưới đây tới dự ${row.title}.`,
      indent: true,
      align: 'justify',
    },
    {
      kind: 'field',
      label: 'Thời gian:',
      value: `${meetingTimeLine(row.starts_at)} (dự kiến kết thúc ${meetingTimeLine(row.ends_at).split(',')[0]})`,
    },
    { kind: 'field', label: 'Địa điểm:', value: row.place },
  ];
  if (row.chair_name) body.push({ kind: 'field', label: 'Chủ trì:', value: row.chair_name });
  if (row.content)
    for (const p of row.content.split(/\n+/).filter((t) => t.trim()))
      body.push({ kind: 'paragraph', text: p.trim(), indent: true, align: 'justify' });
  if (i.agenda.length > 0) {
    body.push({ kind: 'paragraph', text: 'Nội dung:', bold: true });
    body.push({
      kind: 'list',
      items: i.agenda.map((a) => (a.presenter_name ? `${a.title} (trình bày: ${a.presenter_name})` : a.title)),
    });
  }
  body.push({ kind: 'paragraph', text: 'Thành phần:', bold: true });
  body.push({
    kind: 'table',
    columns: ['TT', 'Họ và tên, đơn vị', 'Chức vụ', 'Thành phần'],
    widths: [8, 50, 27, 15],
    rows: i.invitees.map((v, n) => [
      String(n + 1),
      v.name,
      v.position ?? '',
      ATTENDEE_ROLE_LABELS[v.role as keyof typeof ATTENDEE_ROLE_LABELS] ?? '',
    ]),
  });
  body.push({
    kind: 'paragraph',
    text: 'Giấy mời và tài liệu họp được gửi qua hệ thống văn phòng điện tử; đề nghị các đồng chí nghiên cứu tài liệu trước và xác nhận tham dự trên hệ thống.',
    indent: true,
    italic: true,
    align: 'justify',
  });
  return {
    parentIssuer: i.parentName ? i.parentName.toLocaleUpperCase('vi-VN') : null,
    issuer: row.organization_name.toLocaleUpperCase('vi-VN'),
    numberText: i.numberText ? printedNumber(i.style, i.numberText) : null,
    place: placeOf(row.organization_name),
    date: i.issueDate,
    typeName: 'GIẤY MỜI',
    summary: row.title,
    secrecyMark:
      row.secrecy === 'normal'
        ? null
        : SECRECY_LABELS[row.secrecy as keyof typeof SECRECY_LABELS].toLocaleUpperCase('vi-VN'),
    urgencyMark: null,
    body,
    signer: {
      authority: row.signer_authority,
      position: (row.signer_position ?? '').toLocaleUpperCase('vi-VN'),
      name: row.signer_name ?? '',
    },
    recipients: ['Như thành phần mời,', 'Lưu Văn phòng.'],
  };
}

/**
 * The renderers the invitation is made with; a seam for the tests that make rendering fail or
 * watch it. The PDF is laid out first and stamped with its number and date last.
 */
export const invitationRenderer = { pdf: layOutPartyDocumentPdf, docx: renderPartyDocumentDocx };

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
      ex
        .selectFrom('organizations as o')
        .innerJoin('organizations as p', 'p.id', 'o.parent_id')
        .select('p.name')
        .where('o.id', '=', row.organization_id)
        .executeTakeFirst(),
    ]);
    return { row, agenda, invitees, parentName: parent?.name ?? null, numberText, style, issueDate };
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
      // Laid out before the register is held: inside, the number and the date are only stamped in.
      const unnumbered = invitationLayout(await inputOf(db, row, null, style, core.today()));
      const unstamped: UnstampedPdf = await making(id, () => invitationRenderer.pdf(unnumbered));
      const result = await deps.transact(async ({ trx, audit }) => {
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
            const pdf = await making(id, () =>
              unstamped.stamp({ numberText: printedNumber(style, numberText), date: issueDate }),
            );
            const stored = await deps.files.put(Readable.from([pdf]), {
              fileName: invitationFileName(numberText),
              maxBytes: 50 * 1024 * 1024,
              executor: trx,
            });
            const blob = await trx
              .selectFrom('blobs')
              .select('page_count')
              .where('sha256', '=', stored.sha256)
              .executeTakeFirst();
            pages = Math.max(1, Number(blob?.page_count ?? 1));
            await trx
              .insertInto('meeting_files')
              .values({
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
              })
              .execute();
            return stored;
          },
        });
        await trx.updateTable('meetings').set({ invitation_document_id: doc.id }).where('id', '=', id).execute();
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
      });
      return {
        invitationDocumentId: result.invitationDocumentId,
        invitationNumber: result.invitationNumber,
        invited: result.invited,
      };
    },
  };
}
