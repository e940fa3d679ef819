import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../common/schemas/documents';
import { extractText } from '../../platform/files/text-extract';
import { errorCode, incomingInput, makeOffice, ok } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

type List = { items: DocumentSummary[]; total: number };

describe.each(testEngines())('register books are one register of one organization (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const pdfText = async (bytes: Buffer) => {
    const file = path.join(os.tmpdir(), `so-${Date.now()}-${Math.random()}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      return await extractText(file, 'pdf');
    } finally {
      fs.rmSync(file, { force: true });
    }
  };

  it("keeps the commune's register out of the district's book, and names each row's register in a list over both", async () => {
    const o = await makeOffice(t);
    ok(
      await o.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(o.incomingRegister, { summary: 'Công văn của Tỉnh ủy gửi Huyện ủy' }),
      ),
      201,
    );
    ok(
      await o.cellClerk.api.post(
        '/api/documents/incoming',
        incomingInput(o.cellIncomingRegister, {
          summary: 'Công văn của Huyện ủy gửi xã',
          issuerName: 'Huyện ủy Đồng Văn',
        }),
      ),
      201,
    );

    // The district clerk's list spans both organizations: every row says whose register it is in.
    const list = ok<List>(await o.clerk.api.get('/api/documents?direction=incoming&sort=oldest'));
    expect(list.items.map((i) => [i.summary, i.arrivalNumber, i.organizationName])).toEqual([
      ['Công văn của Tỉnh ủy gửi Huyện ủy', 1, 'Huyện ủy Đồng Văn'],
      ['Công văn của Huyện ủy gửi xã', 1, 'Đảng ủy xã Lũng Cú'],
    ]);
    expect(list.items.every((i) => i.registerName?.startsWith('Sổ đến'))).toBe(true);
    expect(new Set(list.items.map((i) => i.registerId)).size).toBe(2);

    // The book on screen runs as it is written: the first number first.
    ok(
      await o.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(o.incomingRegister, { summary: 'Công văn thứ hai của Tỉnh ủy' }),
      ),
      201,
    );
    const book = async (sort: string) =>
      ok<List>(
        await o.clerk.api.get(`/api/documents?direction=incoming&registerId=${o.incomingRegister}&sort=${sort}`),
      ).items.map((i) => i.arrivalNumber);
    expect(await book('register')).toEqual([1, 2]);
    expect(await book('number')).toEqual([2, 1]);

    // The printed book is one register: chosen, titled with its organization, name and year.
    const refused = await o.clerk.api.get('/api/documents/export.pdf?direction=incoming');
    expect(refused.statusCode).toBe(400);
    expect(errorCode(refused)).toBe('documents.book_register_required');
    const pdf = await o.clerk.api.get(`/api/documents/export.pdf?direction=incoming&registerId=${o.incomingRegister}`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('huyen uy dong van');
    expect(text).toContain('so den');
    expect(text).toContain(`nam ${new Date().getUTCFullYear()}`);
    expect(text).toContain('cong van cua tinh uy gui huyen uy');
    expect(text).not.toContain('cong van cua huyen uy gui xa');

    // An outgoing register is not an incoming book; another organization's register out of reach is not found.
    const wrong = await o.clerk.api.get(
      `/api/documents/export.pdf?direction=incoming&registerId=${o.outgoingRegister}`,
    );
    expect(errorCode(wrong)).toBe('documents.register_wrong_direction');
    const theirs = await o.cellClerk.api.get(
      `/api/documents/export.pdf?direction=incoming&registerId=${o.incomingRegister}`,
    );
    expect(theirs.statusCode).toBe(404);
  });
});
