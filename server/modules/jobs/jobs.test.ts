import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobList, JobView } from '../../../common/schemas/jobs';
import { enqueue } from '../../platform/jobs/jobs';
import { createJobRunner } from '../../platform/jobs/runner';
import { client, errorCode, ok } from '../../test/documents';
import { makeOrganization, makeUser, sessionFor, signedInAs } from '../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../test/harness';

describe.each(testEngines())('the job queue for administrators (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('lists jobs with counts per status, and puts a dead or failed one back in the queue', async () => {
    const now = t.clock.now();
    await t.deps.transact(async ({ trx }) => {
      await enqueue(trx, { kind: 'sms.send', key: 'sms:1', payload: { to: '0912000001' } }, now);
      await enqueue(trx, { kind: 'sms.send', key: 'sms:2', payload: { to: '0912000002' } }, now);
      await enqueue(trx, { kind: 'email.send', key: 'email:1', payload: {}, maxAttempts: 2 }, now);
      await enqueue(
        trx,
        { kind: 'email.send', key: 'email:later', payload: {}, runAt: new Date(now.getTime() + 3600_000) },
        now,
      );
    });
    const runner = createJobRunner({
      deps: t.deps,
      handlers: {
        'sms.send': async (payload) => {
          if ((payload as { to: string }).to.endsWith('2')) throw new Error('Số thuê bao không tồn tại');
        },
      },
      random: () => 0.5,
    });
    await runner.runOnce();

    const committee = await makeOrganization(t);
    const admin = await makeUser(t, [{ organization: committee, role: 'admin' }]);
    const api = client(t, await sessionFor(t, admin));
    const all = ok<JobList>(await api.get('/api/admin/jobs'));
    expect(all.counts).toEqual({ queued: 1, running: 0, done: 1, failed: 1, dead: 1 });
    expect(all.total).toBe(4);
    expect(all.items.map((j) => j.key).sort()).toEqual(['email:1', 'email:later', 'sms:1', 'sms:2']);

    const failed = ok<JobList>(await api.get('/api/admin/jobs?status=failed&kind=sms.send'));
    expect(failed.items).toEqual([
      expect.objectContaining({ key: 'sms:2', status: 'failed', attempts: 1, lastError: 'Số thuê bao không tồn tại' }),
    ]);
    expect(failed.counts).toEqual({ queued: 0, running: 0, done: 1, failed: 1, dead: 0 });
    const paged = ok<JobList>(await api.get('/api/admin/jobs?page=2&pageSize=3'));
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.items).toHaveLength(1);

    // The e-mail job of a kind nobody handles yet is dead: retrying brings it back, due now.
    const dead = all.items.find((j) => j.key === 'email:1') as JobView;
    expect(dead.status).toBe('dead');
    const retried = ok<JobView>(await api.post(`/api/admin/jobs/${dead.id}/retry`));
    expect(retried).toMatchObject({ status: 'queued', attempts: 0, runAt: t.clock.now().toISOString() });
    const retriedFailed = ok<JobView>(await api.post(`/api/admin/jobs/${failed.items[0]?.id}/retry`));
    expect(retriedFailed.status).toBe('queued');

    // Queued, running or done jobs are not retried; an unknown id is not found.
    const again = await api.post(`/api/admin/jobs/${dead.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('jobs.not_retryable');
    const doneJob = all.items.find((j) => j.status === 'done') as JobView;
    expect(errorCode(await api.post(`/api/admin/jobs/${doneJob.id}/retry`))).toBe('jobs.not_retryable');
    const missing = await api.post('/api/admin/jobs/khong-co/retry');
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('jobs.not_found');

    // The retry is on the audit trail.
    const trail = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'jobs.retry')
      .execute();
    expect(trail.map((e) => e.entity_id).sort()).toEqual([dead.id, failed.items[0]?.id].sort());
  });

  it('refuses everyone but an administrator of a top-level committee', async () => {
    const committee = await makeOrganization(t);
    const cell = await makeOrganization(t, { parent: committee });
    const { cookie: clerk } = await signedInAs(t, 'clerk', committee);
    const { cookie: cellAdmin } = await signedInAs(t, 'admin', cell);
    for (const cookie of [clerk, cellAdmin]) {
      const api = client(t, cookie);
      const list = await api.get('/api/admin/jobs');
      expect(list.statusCode).toBe(403);
      expect(errorCode(list)).toBe('auth.forbidden');
      expect((await api.post('/api/admin/jobs/any/retry')).statusCode).toBe(403);
    }
  });
});
