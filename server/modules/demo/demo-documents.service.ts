import { Readable } from 'node:stream';
import { addDays, dayInVietnam } from '../../platform/clock';
import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import type { DocumentsModule } from '../documents/documents.contract';
import { versionOf } from './demo.repository';

type Documents = DocumentsModule;

export interface DemoDocumentPeople {
  clerk: Actor;
  leader: Actor;
  specialist: Actor;
  communeClerk: Actor;
  rootId: string;
  communeId: string;
  grassrootsGroupId: string;
}

/** A one-page PDF whose text is `text` (ASCII), so the demo has something to open and to search. */
export function demoPdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 720 Td (${text.replace(/[()\\]/g, ' ')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Registers for the committee and one commune, and a handful of documents at every stage,
 * made through the same services people use, so the lists and queues are not empty.
 */
export async function seedDemoDocuments(deps: PlatformDeps, documents: Documents, p: DemoDocumentPeople) {
  const registers = documents.registers;
  const SYSTEM = { system: true as const, audit: { userId: null, name: 'Dữ liệu mẫu', ip: null, userAgent: null } };
  const make = (organizationId: string, direction: 'incoming' | 'outgoing', name: string, extra = {}) =>
    registers.createRegister(SYSTEM, {
      organizationId,
      direction,
      secret: false,
      name,
      style: 'party',
      reset: direction === 'outgoing' ? 'term' : 'year',
      perType: direction === 'outgoing',
      termLabel: direction === 'outgoing' ? '2025-2030' : null,
      issuerAbbreviation: organizationId === p.rootId ? 'HU' : 'ĐU',
      typeCodes: [],
      ...extra,
    });
  const incoming = await make(p.rootId, 'incoming', 'Sổ văn bản đến');
  await make(p.rootId, 'incoming', 'Sổ văn bản đến mật', { secret: true });
  const outgoing = await make(p.rootId, 'outgoing', 'Sổ văn bản đi');
  await make(p.rootId, 'outgoing', 'Sổ văn bản đi mật', { secret: true });
  await make(p.communeId, 'incoming', 'Sổ văn bản đến');
  await make(p.communeId, 'outgoing', 'Sổ văn bản đi');

  const upload = async (actor: Actor, fileName: string, text: string) => {
    const stored = await deps.files.put(Readable.from([demoPdf(text)]), { fileName, maxBytes: 1_000_000 });
    return (await deps.files.recordUpload(actor.userId, stored)).id;
  };
  const register = async (numberText: string, issuerName: string, summary: string, typeCode: string, text: string) =>
    (
      await documents.incoming.registerIncoming(p.clerk, {
        registerId: incoming.id,
        issuerName,
        numberText,
        issueDate: inDays(deps, -1),
        channel: 'paper',
        typeCode,
        summary,
        secrecy: 'normal',
        urgency: 'normal',
        confirmDuplicate: false,
        uploadIds: [await upload(p.clerk, `${numberText.replace(/\//g, '-')}.pdf`, text)],
      })
    ).id;
  const version = (id: string) => versionOf(deps.database.db, 'documents', id);

  await register(
    '215-CV/TU',
    'Tỉnh ủy Hà Giang',
    'Về việc triển khai văn phòng điện tử trong các cơ quan Đảng',
    'CV',
    'Trien khai van phong dien tu trong cac co quan Dang',
  );
  const submitted = await register(
    '48-HD/BTGTU',
    'Ban Tuyên giáo Tỉnh ủy',
    'Hướng dẫn tuyên truyền kỷ niệm 80 năm Ngày thành lập Đảng bộ tỉnh',
    'HD',
    'Huong dan tuyen truyen ky niem',
  );
  await documents.incoming.submitToLeader(p.clerk, submitted, { version: 1, leaderId: p.leader.userId });
  const directed = await register(
    '112-KH/TU',
    'Tỉnh ủy Hà Giang',
    'Kế hoạch kiểm tra, giám sát năm 2027 của Ban Thường vụ Tỉnh ủy',
    'KH',
    'Ke hoach kiem tra giam sat nam 2027',
  );
  await documents.incoming.submitToLeader(p.clerk, directed, { version: 1, leaderId: p.leader.userId });
  await documents.incoming.direct(p.leader, directed, {
    version: await version(directed),
    direction: 'Giao Văn phòng chủ trì tham mưu xây dựng kế hoạch của Huyện ủy, trình trước ngày hạn.',
    lead: { kind: 'user', id: p.specialist.userId },
    coHandlers: [],
    forInformation: [p.clerk.userId],
    dueDate: inDays(deps, 2),
  });

  await documents.outgoing.createDraft(p.specialist, {
    organizationId: p.rootId,
    typeCode: 'TB',
    summary: 'Thông báo lịch làm việc của Thường trực Huyện ủy tuần tới',
    secrecy: 'normal',
    urgency: 'normal',
    recipients: [{ kind: 'group', id: p.grassrootsGroupId }],
    uploadIds: [await upload(p.specialist, 'Thong bao lich lam viec.pdf', 'Thong bao lich lam viec')],
  });
  const sent = await documents.outgoing.createDraft(p.specialist, {
    organizationId: p.rootId,
    typeCode: 'CV',
    summary: 'Về việc báo cáo kết quả sử dụng hòm thư công vụ và văn bản điện tử năm 2026',
    secrecy: 'normal',
    urgency: 'urgent',
    // Only the commune keeps a clerk in the demo: a dispatch reaches only who can receive it.
    recipients: [{ kind: 'organization', id: p.communeId }],
    uploadIds: [await upload(p.specialist, 'Cong van bao cao.pdf', 'Bao cao ket qua su dung hom thu cong vu')],
  });
  await documents.outgoing.submitForSignature(p.specialist, sent.id, { version: 1, leaderId: p.leader.userId });
  await documents.outgoing.approve(p.leader, sent.id, { version: await version(sent.id) });
  await documents.outgoing.issueNumber(p.clerk, sent.id, { version: await version(sent.id), registerId: outgoing.id });
  await documents.outgoing.dispatch(p.clerk, sent.id, { version: await version(sent.id) });
  return { outgoingRegisterId: outgoing.id };
}

function inDays(deps: PlatformDeps, days: number): string {
  return addDays(dayInVietnam(deps.clock.now()), days);
}
