import type { z } from 'zod';
import {
  JOB_STATUSES,
  type JobList,
  type JobView,
  type jobListQuerySchema,
  type PublicAddress,
} from '../../../common/schemas/jobs';
import { publicAddressStatus } from '../../platform/config/public-address';
import type { JobsTable } from '../../platform/db/schema';
import type { PlatformDeps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/http/errors';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { JobsResource } from './jobs.policy';
import * as repo from './jobs.repository';

const resource: JobsResource = { kind: 'jobs' };

const jobNotFound = () => notFound('jobs.not_found', 'Không tìm thấy việc trong hàng đợi.');
const notRetryable = () =>
  conflict(
    'jobs.not_retryable',
    'Chỉ chạy lại được việc đã lỗi hoặc đã dừng hẳn; việc này đang chờ, đang chạy hoặc đã xong.',
  );

function viewOf(j: JobsTable): JobView {
  return {
    id: j.id,
    kind: j.kind,
    key: j.idempotency_key,
    status: j.status,
    attempts: j.attempts,
    maxAttempts: j.max_attempts,
    runAt: j.run_at,
    lockedUntil: j.locked_until,
    lockedBy: j.locked_by,
    lastError: j.last_error,
    createdAt: j.created_at,
    updatedAt: j.updated_at,
    doneAt: j.done_at,
  };
}

/** The administrator's view of the job queue: what waits, what failed, and trying a job again. */
export function createJobsService(deps: PlatformDeps) {
  const db = deps.database.db;
  return {
    async list(actor: Actor, query: z.infer<typeof jobListQuerySchema>): Promise<JobList> {
      deps.authorizer.authorize(actor, 'view', resource);
      const { rows, total, perStatus } = await repo.listJobs(db, {
        kind: query.kind,
        status: query.status,
        page: query.page,
        pageSize: query.pageSize,
      });
      const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as JobList['counts'];
      for (const r of perStatus) counts[r.status] = r.n;
      return { items: rows.map(viewOf), total, page: query.page, pageSize: query.pageSize, counts };
    },

    /** A failed or dead job back in the queue, due now, with its full run of attempts again. */
    async retry(actor: Actor, id: string): Promise<JobView> {
      deps.authorizer.authorize(actor, 'retry', resource);
      return deps.transact(async ({ trx, audit }) => {
        const job = await repo.findJob(trx, id);
        if (!job) throw jobNotFound();
        if (job.status !== 'failed' && job.status !== 'dead') throw notRetryable();
        const now = deps.clock.now().toISOString();
        const updated = await repo.requeueJob(trx, id, now);
        if (!updated) throw notRetryable();
        await audit(auditActorOf(actor), {
          action: 'jobs.retry',
          entityType: 'job',
          entityId: id,
          summary: `Chạy lại việc ${job.kind} (${job.idempotency_key})`,
          data: { status: job.status, attempts: job.attempts, lastError: job.last_error },
        });
        return viewOf(updated);
      });
    },

    /** PUBLIC_URL when set, else `requestOrigin`, judged for what browsers allow over it. */
    publicAddress(actor: Actor, requestOrigin: string): PublicAddress {
      deps.authorizer.authorize(actor, 'view', resource);
      const url = deps.config.publicUrl ?? requestOrigin;
      return { url, configured: deps.config.publicUrl !== null, status: publicAddressStatus(url) };
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;
