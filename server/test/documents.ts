import type { LightMyRequestResponse } from 'fastify';
import { makeOrganization, makeUser, type OrgFixture, sessionFor } from './factories';
import { multipart } from './files';
import type { TestApp } from './harness';

/** Requests as a signed-in browser makes them, JSON in and out. */
export function client(t: TestApp, cookie: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    cookie,
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown = {}) => send('POST', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
    delete: (url: string) => send('DELETE', url),
    /** Uploads one file through the product's upload endpoint; returns its upload id. */
    async upload(fileName: string, bytes: Buffer): Promise<string> {
      const body = multipart([{ fileName, data: bytes }]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { cookie, ...body.headers },
        payload: body.payload,
      });
      if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  };
}
export type Client = ReturnType<typeof client>;

export function ok<T = Record<string, unknown>>(res: LightMyRequestResponse, status = 200): T {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return (res.body ? res.json() : null) as T;
}

export function errorCode(res: LightMyRequestResponse): string {
  return (res.json() as { error: { code: string } }).error.code;
}

/** A minimal, valid PDF whose text is `text` (ASCII only): the one the demo attaches. */
export { demoPdf as tinyPdf } from '../modules/demo/demo-documents.service';

/**
 * A committee with its office people and a grassroots cell with its own clerk, each with
 * an incoming and an outgoing register: the world most document tests need.
 */
export async function makeOffice(t: TestApp) {
  const committee = await makeOrganization(t, { name: 'Huyện ủy Đồng Văn', abbreviation: 'HU' });
  const cell = await makeOrganization(t, { parent: committee, name: 'Đảng ủy xã Lũng Cú', abbreviation: 'ĐU' });
  const person = async (org: OrgFixture, role: 'clerk' | 'leader' | 'specialist' | 'member', fullName: string) => {
    const user = await makeUser(t, [{ organization: org, role }], { fullName });
    return { ...user, api: client(t, await sessionFor(t, user)) };
  };
  const clerk = await person(committee, 'clerk', 'Lò Thị Văn Thư');
  const leader = await person(committee, 'leader', 'Vàng Seo Lãnh Đạo');
  const specialist = await person(committee, 'specialist', 'Sùng Mí Chuyên Viên');
  const cellClerk = await person(cell, 'clerk', 'Giàng Thị Cơ Sở');
  const cellLeader = await person(cell, 'leader', 'Lù Văn Bí Thư');
  const register = async (api: Client, organizationId: string, direction: 'incoming' | 'outgoing', extra = {}) =>
    ok<{ id: string }>(
      await api.post('/api/registers', {
        organizationId,
        direction,
        name: `${direction === 'incoming' ? 'Sổ đến' : 'Sổ đi'} ${Math.random().toString(16).slice(2, 8)}`,
        style: 'party',
        reset: 'year',
        perType: direction === 'outgoing',
        issuerAbbreviation: organizationId === committee.id ? 'HU' : 'ĐU',
        ...extra,
      }),
      201,
    ).id;
  return {
    committee,
    cell,
    clerk,
    leader,
    specialist,
    cellClerk,
    cellLeader,
    incomingRegister: await register(clerk.api, committee.id, 'incoming'),
    outgoingRegister: await register(clerk.api, committee.id, 'outgoing'),
    cellIncomingRegister: await register(cellClerk.api, cell.id, 'incoming'),
    register,
  };
}

/** Each test document its own number, so two never look like a duplicate of each other. */
let nextNumberText = 100;

export const incomingInput = (registerId: string, extra: Record<string, unknown> = {}) => ({
  registerId,
  issuerName: 'Tỉnh ủy Hà Giang',
  numberText: `${nextNumberText++}-CV/TU`,
  issueDate: '2026-11-20',
  typeCode: 'CV',
  summary: 'Về việc triển khai văn phòng điện tử trong các cơ quan Đảng',
  ...extra,
});
