import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, postgresSchema, runCli, signInCookie, startServer } from '../../../bench/server-process';
import type { Database } from '../../platform/db/database';

const url = process.env.TEST_DATABASE_URL;

/**
 * Two server processes (the built product) sharing one PostgreSQL database, with clerks
 * registering through both at once: every arrival number is issued once, with no gap.
 */
describe.skipIf(!url)('arrival numbers across two server processes on one PostgreSQL database', () => {
  let shared: Awaited<ReturnType<typeof postgresSchema>> | undefined;
  const servers: BenchServer[] = [];
  let db: Database;
  const password = 'Mat-khau-so-den-2026';

  beforeAll(async () => {
    if (!url) return;
    execFileSync('node', ['scripts/ensure-built.mjs'], { stdio: 'ignore' });
    shared = await postgresSchema(url);
    db = shared.open();
    const first = shared.env();
    runCli(first, 'seed-demo');
    runCli(
      first,
      'user',
      'create',
      '--username',
      'sodenthu',
      '--full-name',
      'Văn thư',
      '--password',
      password,
      '--role',
      'HUDV:clerk',
    );
    servers.push(await startServer(first), await startServer(shared.env()));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (db) await db.close();
    await shared?.drop();
  });

  it('issues 1..N exactly once when 10 clients register through both processes at the same time', async () => {
    const cookies = await Promise.all(servers.map((s) => signInCookie(s.url, 'sodenthu', password)));
    const register = await db.db
      .selectFrom('registers')
      .innerJoin('organizations', 'organizations.id', 'registers.organization_id')
      .select('registers.id')
      .where('organizations.code', '=', 'HUDV')
      .where('registers.direction', '=', 'incoming')
      .where('registers.secret', '=', 0)
      .executeTakeFirstOrThrow();
    const before = await db.db.selectFrom('documents').select('id').where('register_id', '=', register.id).execute();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, client) => {
        const server = servers[client % 2] as BenchServer;
        const codes: number[] = [];
        for (let i = 0; i < 8; i++) {
          const res = await fetch(`${server.url}/api/documents/incoming`, {
            method: 'POST',
            headers: { cookie: cookies[client % 2] ?? '', 'content-type': 'application/json', origin: server.url },
            body: JSON.stringify({
              registerId: register.id,
              issuerName: `Ban Tổ chức Tỉnh ủy ${client}`,
              numberText: `${client * 100 + i}-CV/BTCTU`,
              issueDate: '2026-11-20',
              typeCode: 'CV',
              summary: `Văn bản ${client}.${i}`,
            }),
          });
          codes.push(res.status);
          await res.arrayBuffer();
        }
        return codes;
      }),
    );
    expect(statuses.flat().every((s) => s === 201)).toBe(true);
    const numbers = (
      await db.db.selectFrom('documents').select('arrival_number').where('register_id', '=', register.id).execute()
    )
      .map((r) => Number(r.arrival_number))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: before.length + 80 }, (_, i) => i + 1));
  });
});
