import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DatabaseKind } from '../server/platform/db/database';
import { client, ok } from '../server/test/documents';
import { makeOrganization, makeUser, signIn } from '../server/test/factories';
import { createTestApp } from '../server/test/harness';

const RECIPIENTS = 124;
const FILES = 4;
const FILE_BYTES = 5 * 1024 * 1024;

/** A valid one-page PDF carrying `padding` bytes of scanned-image-like data in an unused stream. */
export function bigPdf(padding: number): Buffer {
  const page = 'BT /F1 12 Tf 72 720 Td (Tai lieu hop) Tj ET';
  const head = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${page.length} >>\nstream\n${page}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  const add = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  head.forEach((o, i) => {
    offsets.push(length);
    add(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
  });
  offsets.push(length);
  add(Buffer.from(`6 0 obj\n<< /Length ${padding} >>\nstream\n`, 'latin1'));
  add(randomBytes(padding));
  add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = length;
  let tail = `xref\n0 7\n0000000000 65535 f \n`;
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  add(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * One outgoing document with 20 MB of attachments dispatched to 124 organizations, then
 * accepted by every one of them: the dispatch time, and bytes written to storage ÷ payload.
 */
export async function dispatchFigures(kind: DatabaseKind) {
  const t = await createTestApp(kind, { env: { UPLOAD_LIMIT_BYTES: String(FILE_BYTES * 2) } });
  try {
    const root = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', abbreviation: 'HU' });
    const recipients = [];
    for (let i = 0; i < RECIPIENTS; i++)
      recipients.push(await makeOrganization(t, { parent: root, name: `Chi bộ ${i + 1}` }));
    const clerk = await makeUser(t, [{ organization: root, role: 'clerk' }]);
    const leader = await makeUser(t, [{ organization: root, role: 'leader' }]);
    const receiver = await makeUser(
      t,
      recipients.map((organization) => ({ organization, role: 'clerk' as const })),
    );
    const [c, l, rc] = await Promise.all([clerk, leader, receiver].map(async (u) => client(t, await signIn(t, u))));
    if (!c || !l || !rc) throw new Error('sign-in');
    const outgoing = ok<{ id: string }>(
      await c.post('/api/registers', {
        organizationId: root.id,
        direction: 'outgoing',
        name: 'Sổ đi',
        issuerAbbreviation: 'HU',
      }),
      201,
    ).id;
    const receiverActor = await t.services.auth.actorFor(receiver.id);
    for (const org of recipients) {
      await t.services.documents.registers.createRegister(receiverActor, {
        organizationId: org.id,
        direction: 'incoming',
        secret: false,
        name: 'Sổ đến',
        style: 'party',
        reset: 'year',
        perType: false,
        termLabel: null,
        issuerAbbreviation: 'CB',
        typeCodes: [],
      });
    }
    const before = t.deps.files.stats().bytesWritten;
    const uploads = [];
    for (let i = 0; i < FILES; i++) uploads.push(await c.upload(`Tai lieu ${i + 1}.pdf`, bigPdf(FILE_BYTES)));
    const payload = t.deps.files.stats().bytesWritten - before;
    const { id } = ok<{ id: string }>(
      await c.post('/api/documents/outgoing', {
        organizationId: root.id,
        typeCode: 'GM',
        summary: 'Giấy mời họp Ban Chấp hành mở rộng, kèm tài liệu',
        recipients: recipients.map((o) => ({ kind: 'organization', id: o.id })),
        uploadIds: uploads,
      }),
      201,
    );
    let doc = ok<{ version: number }>(await c.post(`/api/documents/${id}/submit`, { version: 1, leaderId: leader.id }));
    doc = ok(await l.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(await c.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: outgoing }));
    const started = performance.now();
    ok(await c.post(`/api/documents/${id}/dispatch`, { version: doc.version }));
    const dispatchMs = performance.now() - started;

    const inbox = ok<{ items: { deliveryId: string; version: number }[] }>(await rc.get('/api/deliveries'));
    const acceptStarted = performance.now();
    for (const item of inbox.items)
      ok(await rc.post(`/api/deliveries/${item.deliveryId}/accept`, { version: item.version }));
    const acceptMs = performance.now() - acceptStarted;
    const written = t.deps.files.stats().bytesWritten - before;
    return {
      engine: kind,
      recipients: RECIPIENTS,
      attachmentBytes: FILES * FILE_BYTES,
      dispatchMs: Math.round(dispatchMs),
      deliveries: inbox.items.length,
      acceptAllMs: Math.round(acceptMs),
      bytesWritten: written,
      bytesWrittenPerPayload: Number((written / payload).toFixed(3)),
    };
  } finally {
    await t.close();
  }
}
