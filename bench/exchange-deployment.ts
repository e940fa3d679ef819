import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../server/platform/db/database';
import { BENCH_PASSWORD, type BenchServer, signInCookie, startServer, tempDataDir } from './server-process';

/**
 * Deployments of the built product, each its own `serve` process with its own data directory
 * and database, set up as an operator would: the committee and its people with the command
 * line, then everything else (national identifier, peers, outside organizations, registers)
 * through the HTTP API as its administrator and clerk.
 */

const run = promisify(execFile);
const MAIN = path.resolve(process.env.BENCH_MAIN ?? 'dist/server/main.mjs');

export type Engine = 'sqlite' | 'postgres';

/** The secret both sides of a link share (the peer page asks for at least 32 characters). */
const LINK_SECRET = 'khoa-chung-lien-thong-giua-hai-may-chu-2026';

export interface Api {
  cookie: string;
  /** Answers the parsed body; throws unless the status is `expect` (200 by default). */
  call<T = Record<string, unknown>>(method: string, url: string, body?: unknown, expect?: number): Promise<T>;
  upload(fileName: string, bytes: Buffer): Promise<string>;
}

export interface Deployment {
  engine: Engine;
  node: string;
  url: string;
  server: BenchServer;
  env: NodeJS.ProcessEnv;
  committee: { id: string; code: string; name: string };
  nationalId: string;
  admin: Api;
  clerk: Api;
  leader: Api;
  specialist: Api;
  leaderId: string;
  specialistId: string;
  incomingRegister: string;
  outgoingRegister: string;
  stop(): Promise<void>;
}

export function apiOf(url: string, cookie: string): Api {
  return {
    cookie,
    async call<T>(method: string, route: string, body?: unknown, expect = 200): Promise<T> {
      const res = await fetch(`${url}${route}`, {
        method,
        headers: {
          cookie,
          origin: url,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== expect) throw new Error(`${method} ${route}: expected ${expect}, got ${res.status}: ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    async upload(fileName: string, bytes: Buffer): Promise<string> {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
      const res = await fetch(`${url}/api/files`, { method: 'POST', headers: { cookie, origin: url }, body: form });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
  };
}

async function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  await run('node', [MAIN, ...args], { env });
}

/** A database of its own on the PostgreSQL server at `url`, dropped with `drop`. */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vp_ex_${randomBytes(6).toString('hex')}`;
  const admin = openDatabase({ kind: 'postgres', url, poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const cleanup = openDatabase({ kind: 'postgres', url, poolSize: 1 });
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup.db);
      await cleanup.close();
    },
  };
}

/** A national identifier of the committee, distinct per deployment. */
const nationalIdOf = (index: number) => `000.00.${String(10 + index)}.H01`;

export async function startDeployment(input: {
  engine: Engine;
  node: string;
  index: number;
  code: string;
  name: string;
  postgresUrl?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<Deployment> {
  const dataDir = tempDataDir();
  const pg = input.engine === 'postgres' ? await freshPostgresDatabase(input.postgresUrl ?? '') : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'false',
    EXCHANGE_NODE: input.node,
    ...input.env,
  };
  if (pg) env.DATABASE_URL = pg.url;
  else delete env.DATABASE_URL;
  const { code } = input;
  await cli(env, 'org', 'create', '--code', code, '--name', input.name, '--abbreviation', code);
  // The administrator by the command line, as at installation; the office's people through the API.
  await cli(
    env,
    'user',
    'create',
    '--username',
    'quantri',
    '--full-name',
    'Quản trị hệ thống',
    '--password',
    BENCH_PASSWORD,
    '--role',
    `${code}:admin`,
  );
  const server = await startServer(env);
  const { url } = server;
  const admin = apiOf(url, await signInCookie(url, 'quantri', BENCH_PASSWORD));
  const tree = await admin.call<{ items: { id: string; code: string; name: string }[] }>(
    'GET',
    '/api/organizations/tree',
  );
  const committee = tree.items.find((o) => o.code === code);
  if (!committee) throw new Error(`no organization ${code}`);
  const person = async (username: string, fullName: string, role: string) => {
    const user = await admin.call<{ id: string }>(
      'POST',
      '/api/users',
      {
        username,
        fullName,
        password: BENCH_PASSWORD,
        mustChangePassword: false,
        roles: [{ organizationId: committee.id, role }],
      },
      201,
    );
    return { id: user.id, api: apiOf(url, await signInCookie(url, username, BENCH_PASSWORD)) };
  };
  const clerk = await person('vanthu', 'Lò Thị Văn Thư', 'clerk');
  const leader = await person('lanhdao', 'Vàng Seo Lãnh Đạo', 'leader');
  const specialist = await person('chuyenvien', 'Sùng Mí Chuyên Viên', 'specialist');
  const nationalId = nationalIdOf(input.index);
  const current = await admin.call<{ version: number }>('GET', `/api/organizations/${committee.id}`);
  await admin.call('PATCH', `/api/organizations/${committee.id}`, { nationalId, version: current.version });
  const register = async (direction: 'incoming' | 'outgoing') =>
    (
      await clerk.api.call<{ id: string }>(
        'POST',
        '/api/registers',
        {
          organizationId: committee.id,
          direction,
          name: direction === 'incoming' ? 'Sổ văn bản đến' : 'Sổ văn bản đi',
          style: 'party',
          reset: 'year',
          perType: direction === 'outgoing',
          issuerAbbreviation: code,
        },
        201,
      )
    ).id;
  return {
    engine: input.engine,
    node: input.node,
    url,
    server,
    env,
    committee: { id: committee.id, code, name: committee.name },
    nationalId,
    admin,
    clerk: clerk.api,
    leader: leader.api,
    specialist: specialist.api,
    leaderId: leader.id,
    specialistId: specialist.id,
    incomingRegister: await register('incoming'),
    outgoingRegister: await register('outgoing'),
    async stop() {
      if (server.process.exitCode === null) await server.stop();
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `from` knows `to` as a peer deployment; answers the peer's id in `from`. */
export async function addPeer(from: Deployment, to: Deployment): Promise<string> {
  const peer = await from.admin.call<{ id: string }>(
    'POST',
    '/api/exchange/peers',
    { node: to.node, name: `Máy chủ ${to.node}`, url: `${to.url}/api/exchange/peer`, secret: LINK_SECRET },
    201,
  );
  return peer.id;
}

/** An organization of another deployment in `from`'s directory, reached through `peerId`. */
export async function addOutside(
  from: Deployment,
  input: { peerId: string; code: string; name: string; nationalId: string },
): Promise<string> {
  const org = await from.admin.call<{ id: string }>(
    'POST',
    '/api/organizations',
    {
      parentId: null,
      type: 'party_committee',
      code: input.code,
      name: input.name,
      abbreviation: input.code.replace(/[^\p{L}\p{N}]/gu, ''),
      nationalId: input.nationalId,
      reach: 'peer',
      peerId: input.peerId,
    },
    201,
  );
  return org.id;
}

/** Peers both ways and each committee in the other's directory; answers B's committee as A knows it. */
export async function linkDeployments(a: Deployment, b: Deployment) {
  const peerOfA = await addPeer(a, b);
  const peerOfB = await addPeer(b, a);
  const bInA = await addOutside(a, {
    peerId: peerOfA,
    code: `NG${b.committee.code}`,
    name: `${b.committee.name} (máy ${b.node})`,
    nationalId: b.nationalId,
  });
  const aInB = await addOutside(b, {
    peerId: peerOfB,
    code: `NG${a.committee.code}`,
    name: `${a.committee.name} (máy ${a.node})`,
    nationalId: a.nationalId,
  });
  return { peerOfA, peerOfB, bInA, aInB };
}

/**
 * Drafts, signs, numbers and (unless `dispatch: false`) dispatches a document of `d` to
 * `recipientIds`; answers its id, number and version.
 */
export async function dispatchDocument(
  d: Deployment,
  recipientIds: string[],
  input: { summary: string; uploadIds: string[]; dispatch?: boolean },
): Promise<{ id: string; numberText: string | null; version: number }> {
  type Doc = { id: string; version: number; numberText: string | null };
  const { id } = await d.specialist.call<{ id: string }>(
    'POST',
    '/api/documents/outgoing',
    {
      organizationId: d.committee.id,
      typeCode: 'CV',
      summary: input.summary,
      recipients: recipientIds.map((rid) => ({ kind: 'organization', id: rid })),
      uploadIds: input.uploadIds,
    },
    201,
  );
  let doc = await d.specialist.call<Doc>('POST', `/api/documents/${id}/submit`, {
    version: 1,
    leaderId: d.leaderId,
  });
  doc = await d.leader.call<Doc>('POST', `/api/documents/${id}/approve`, { version: doc.version });
  doc = await d.clerk.call<Doc>('POST', `/api/documents/${id}/issue`, {
    version: doc.version,
    registerId: d.outgoingRegister,
  });
  if (input.dispatch !== false)
    doc = await d.clerk.call<Doc>('POST', `/api/documents/${id}/dispatch`, { version: doc.version });
  return { id, numberText: doc.numberText, version: doc.version };
}

/** Polls `check` every `everyMs` until it answers something other than undefined, for at most `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A valid PDF of about `bytes` bytes: one page of text and a stream of random bytes beside it. */
export function paddedPdf(text: string, bytes: number): Buffer {
  const page = `BT /F1 14 Tf 72 720 Td (${text.replace(/[()\\]/g, ' ')}) Tj ET`;
  const filler = randomBytes(Math.max(0, bytes - 1000));
  const parts: Buffer[] = [];
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${page.length} >>\nstream\n${page}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${filler.length} >>\nstream\n`, 'latin1'),
      filler,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  push('%PDF-1.4\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    push(o);
    push('\nendobj\n');
  });
  const xref = length;
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  push(tail);
  return Buffer.concat(parts);
}
