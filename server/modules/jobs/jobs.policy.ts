import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    jobs: 'view' | 'retry';
  }
}

export interface JobsResource {
  kind: 'jobs';
}

/**
 * The queue carries every office's outgoing mail and messages: only an administrator of a
 * top-level Party committee (the system's own administrator) sees and retries it.
 */
export const jobsPolicy = definePolicy<JobsResource>('jobs', (actor, action) => {
  if (action !== 'view' && action !== 'retry') return false;
  return actor.grants.some((g) => g.role === 'admin' && g.organizationPath.split('/').filter(Boolean).length === 1);
});
