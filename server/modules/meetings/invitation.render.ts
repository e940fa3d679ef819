import { type NumberingStyle, printedNumber } from '../../../common/docnumber/format';
import { SECRECY_LABELS } from '../../../common/documents';
import { ATTENDEE_ROLE_LABELS } from '../../../common/meetings';
import type { Block, PartyDocumentLayout } from '../../platform/render/party-document';
import { layOutPartyDocumentPdf, renderPartyDocumentDocx } from '../../platform/render/party-document';
import type * as repo from './meetings.repository';
import { meetingTimeLine, placeOf } from './meetings.rules';
import type { MeetingInviteesTable } from './meetings.tables';

export interface InvitationInput {
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
