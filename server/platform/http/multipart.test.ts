import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/factories';
import { makePdf } from '../../test/files';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';
import { malformedMultipart } from './fuzz.cases';

const BOUNDARY = 'vpTestBoundary';

function multipart(parts: { headers: string[]; body: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n${part.headers.join('\r\n')}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

describe.each(testEngines())('multipart bodies (%s)', (engine) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ cookie } = await signedInAs(t, 'admin'));
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: string | Buffer, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { ...headers, cookie }, payload });

  it.each(['/api/files', '/api/directory/import?kind=people&mode=preview'])(
    'a malformed body sent to %s is refused with a 4xx, a stable code and a Vietnamese message',
    async (url) => {
      const answers: string[] = [];
      for (const m of malformedMultipart()) {
        const res = await post(url, m.payload, m.headers);
        const error = res.json().error as { code: string; message: string } | undefined;
        answers.push(`${m.label}: ${res.statusCode} ${error?.code}`);
        expect(res.statusCode, m.label).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, m.label).toBeLessThan(500);
        expect(error?.code, m.label).toMatch(/^[a-z_]+\.[a-z_]+$/);
        expect(error?.message, m.label).toMatch(
          /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
        );
      }
      // The parser's own failures get their own code rather than a generic one.
      expect(answers).toEqual(
        expect.arrayContaining([
          'truncated: 400 request.malformed_multipart',
          'no closing boundary: 400 request.malformed_multipart',
          'missing boundary: 400 request.malformed_multipart',
          'mismatched boundary: 400 request.malformed_multipart',
        ]),
      );
    },
  );

  it('keeps an uploaded file name canonical: decomposed text becomes NFC', async () => {
    const name = 'Nghi\u0323 quye\u0302\u0301t so\u0302\u0301 05.pdf';
    const payload = multipart([
      {
        headers: [
          `Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}`,
          'Content-Type: application/pdf',
        ],
        body: makePdf('Nghị quyết'),
      },
    ]);
    const res = await post('/api/files', payload, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('Nghị quyết số 05.pdf');
  });

  it('refuses a NUL in a file name or a field value', async () => {
    const withNulName = multipart([
      {
        headers: [
          `Content-Disposition: form-data; name="file"; filename*=UTF-8''a%00b.pdf`,
          'Content-Type: application/pdf',
        ],
        body: makePdf('x'),
      },
    ]);
    const res = await post('/api/files', withNulName, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('common.invalid_text');
    const withNulValue = multipart([
      { headers: ['Content-Disposition: form-data; name="note"'], body: 'a\u0000b' },
      { headers: ['Content-Disposition: form-data; name="file"; filename="people.csv"'], body: 'Họ và tên\nA\n' },
    ]);
    const imported = await post('/api/directory/import?kind=people', withNulValue, {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error.code).toBe('common.invalid_text');
  });
});
