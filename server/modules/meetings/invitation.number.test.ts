import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../common/schemas/documents';
import { readZipEntries, readZipEntry } from '../../platform/files/zip';
import { type Client, ok } from '../../test/documents';
import { pdfText } from '../../test/files';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { createMeeting, type MeetingWorld, makeMeetingWorld, meetingInput } from '../../test/meetings';

/** Each paragraph of the DOCX as text. */
async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-docx-'));
  const file = path.join(dir, 'giay-moi.docx');
  fs.writeFileSync(file, bytes);
  const handle = await fs.promises.open(file, 'r');
  try {
    const entries = await readZipEntries(handle, (await handle.stat()).size);
    const found = entries?.find((e) => e.name === 'word/document.xml');
    if (!found) throw new Error('no word/document.xml');
    const xml = (await readZipEntry(handle, file, found, 10_000_000))?.toString('utf8') ?? '';
    return xml.split('</w:p>').map((p) => p.replace(/<[^>]+>/g, ''));
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testEngines())('document numbers as people read them (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  /** An invitation sent from a register of the given style; its number, the GM document and the files. */
  async function invitationFrom(w: MeetingWorld, registerId: string) {
    const id = await createMeeting(w.clerk.api, meetingInput(w, { agenda: [] }));
    const sent = ok<{ invitationNumber: string; invitationDocumentId: string }>(
      await w.clerk.api.post(`/api/meetings/${id}/send`, { version: 1, registerId }),
    );
    const delegate = w.delegates[0]?.api as Client;
    const doc = ok<DocumentView>(await delegate.get(`/api/documents/${sent.invitationDocumentId}`));
    const pdf = await delegate.get(`/api/meetings/${id}/invitation.pdf`);
    const docx = await delegate.get(`/api/meetings/${id}/invitation.docx`);
    expect([pdf.statusCode, docx.statusCode]).toEqual([200, 200]);
    return {
      number: sent.invitationNumber,
      timeline: doc.events.filter((e) => e.kind === 'numbered').map((e) => e.note),
      pdf: await pdfText(pdf.rawPayload),
      docx: await docxParagraphs(docx.rawPayload),
    };
  }

  it('prints a state register number with its colon in the timeline, the invitation PDF and DOCX', async () => {
    const w = await makeMeetingWorld(t);
    const state = await w.register(w.clerk.api, w.committee.id, 'outgoing', {
      style: 'state',
      issuerAbbreviation: 'UBND',
    });
    const got = await invitationFrom(w, state);
    expect(got.number).toBe('01/GM-UBND');
    expect(got.timeline).toEqual(['Số: 01/GM-UBND']);
    expect(got.pdf).toContain('Số: 01/GM-UBND');
    expect(got.docx).toContain('Số: 01/GM-UBND');

    // A document numbered by the clerk reads the same way in its timeline.
    const { id } = ok<{ id: string }>(
      await w.specialist.api.post('/api/documents/outgoing', {
        organizationId: w.committee.id,
        typeCode: 'QĐ',
        summary: 'Quyết định thành lập tổ công tác',
        recipients: [{ kind: 'organization', id: w.cell.id }],
      }),
      201,
    );
    let doc = ok<DocumentView>(
      await w.specialist.api.post(`/api/documents/${id}/submit`, { version: 1, leaderId: w.leader.id }),
    );
    doc = ok(await w.leader.api.post(`/api/documents/${id}/approve`, { version: doc.version }));
    doc = ok(await w.clerk.api.post(`/api/documents/${id}/issue`, { version: doc.version, registerId: state }));
    expect(doc.numberText).toBe('01/QĐ-UBND');
    expect(doc.events.filter((e) => e.kind === 'numbered').map((e) => e.note)).toEqual(['Số: 01/QĐ-UBND']);
  });

  it('prints a Party register number without a colon', async () => {
    const w = await makeMeetingWorld(t);
    const got = await invitationFrom(w, w.outgoingRegister);
    expect(got.number).toBe('01-GM/HU');
    expect(got.timeline).toEqual(['Số 01-GM/HU']);
    expect(got.pdf).toContain('Số 01-GM/HU');
    expect(got.pdf).not.toContain('Số: 01-GM/HU');
    expect(got.docx).toContain('Số 01-GM/HU');
  });
});
