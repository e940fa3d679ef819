import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './harness';

/** Requests as a signed-in browser makes them. */
export function browser(t: TestApp, cookie: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown) => send('POST', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

export function errorOf(res: LightMyRequestResponse): { code: string; message: string } {
  return (res.json() as { error: { code: string; message: string } }).error;
}

export async function auditEntries(t: TestApp, entityId: string) {
  return t.deps.database.db
    .selectFrom('audit_events')
    .select(['action', 'entity_type', 'summary', 'data'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

/** A multipart body carrying one file in the field `file`, as a browser's upload sends it. */
export function multipartFile(fileName: string, content: Buffer | string, contentType = 'application/octet-stream') {
  const boundary = `----vanphong${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
