import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuerSuggestion } from '../../../common/schemas/documents';
import { type Client, incomingInput, makeOffice, ok } from '../../test/documents';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('the issuing bodies a clerk picks from, learnt as documents come (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const suggest = async (api: Client, q: string) =>
    ok<{ items: IssuerSuggestion[] }>(await api.get(`/api/documents/issuers?q=${encodeURIComponent(q)}`)).items;

  it('offers the directory, outside organizations written to, and issuers registered before, typed without diacritics', async () => {
    const o = await makeOffice(t);
    expect(await suggest(o.clerk.api, 'tuyen giao')).toEqual([]);
    ok(
      await o.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(o.incomingRegister, { issuerName: 'Ban Tuyên giáo Tỉnh ủy Hà Giang' }),
      ),
      201,
    );
    ok(
      await o.specialist.api.post('/api/documents/outgoing', {
        organizationId: o.committee.id,
        typeCode: 'CV',
        summary: 'Công văn gửi Sở',
        recipients: [{ kind: 'external', name: 'Sở Nội vụ tỉnh Hà Giang', channel: 'paper' }],
      }),
      201,
    );
    // Learnt: the issuer registered once is offered the next time, found without diacritics.
    expect(await suggest(o.clerk.api, 'tuyen giao')).toEqual([
      { name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang', source: 'seen', organizationId: null },
    ]);
    expect(await suggest(o.clerk.api, 'TUYÊN GIÁO')).toHaveLength(1);
    expect(await suggest(o.clerk.api, 'so noi vu')).toEqual([
      { name: 'Sở Nội vụ tỉnh Hà Giang', source: 'outside', organizationId: null },
    ]);
    // The directory: đ typed as d; the organization's id comes with it.
    expect(await suggest(o.clerk.api, 'huyen uy dong')).toEqual([
      { name: 'Huyện ủy Đồng Văn', source: 'directory', organizationId: o.committee.id },
    ]);
    // Words begin words: "van" finds Đồng Văn, "an" does not.
    expect((await suggest(o.clerk.api, 'van')).map((s) => s.name)).toContain('Huyện ủy Đồng Văn');
    expect((await suggest(o.clerk.api, 'an')).map((s) => s.name)).not.toContain('Huyện ủy Đồng Văn');
    // Only clerks register: nobody else is told the office's correspondents.
    expect(await suggest(o.specialist.api, 'tuyen')).toEqual([]);
    const hostile = await o.clerk.api.get(`/api/documents/issuers?q=${'%25%27%20%00%ED%A0%80'}`);
    expect(hostile.statusCode).toBeLessThan(500);
  });
});
