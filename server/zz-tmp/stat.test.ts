import { it } from 'vitest';
import { bulkLoad } from '../../bench/documents-data';

it('list plan with and without statistics', async () => {
  const loaded = await bulkLoad('sqlite', 100000);
  const t = loaded.app;
  const db = t.deps.database.sqlite!;
  const docs = t.services.documents.documents;
  const clerkId = db.prepare('select created_by from documents limit 1').get() as { created_by: string };
  const clerk = await t.services.auth.actorFor(clerkId.created_by);
  const registerId = (db.prepare('select register_id from documents limit 1').get() as { register_id: string })
    .register_id;
  const base = { direction: 'incoming' as const, sort: 'newest' as const, page: 1, pageSize: 20 };
  const cases: [string, Record<string, unknown>][] = [
    ['newest', {}],
    ['oldest', { sort: 'oldest' }],
    ['number', { sort: 'number' }],
    ['due', { sort: 'due' }],
    ['register', { registerId }],
    ['status', { status: 'in_progress' }],
    ['overdue', { overdue: 'true' }],
    ['words', { q: 'quyet dinh' }],
    ['page 50', { page: 50 }],
    ['from-to', { from: '2020-02-01', to: '2020-02-10' }],
    ['type', { typeCode: 'NQ' }],
    ['issuer', { issuer: 'tinh uy' }],
  ];
  const run = async (label: string) => {
    const out: string[] = [];
    for (const [name, extra] of cases) {
      const xs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await docs.listDocuments(clerk, { ...base, ...extra } as never);
        xs.push(performance.now() - t0);
      }
      xs.sort((a, b) => a - b);
      out.push(`${name}=${xs[3]!.toFixed(1)}`);
    }
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await docs.queueCounts(clerk);
    out.push(`queueCounts=${((performance.now() - t0) / 5).toFixed(1)}`);
    console.log(label, out.join(' '));
  };
  await run('NO STATS');
  db.exec('analyze');
  await run('STATS   ');
  await loaded.close();
}, 600000);
