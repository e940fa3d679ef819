import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    exchange: 'view';
  }
}

export interface ExchangeResource {
  kind: 'exchange';
}

/**
 * The exchange's health (its queue, failures and last poll) names every office written to: only
 * an administrator of a top-level organization sees it, as with the job queue.
 */
export const exchangePolicy = definePolicy<ExchangeResource>('exchange', (actor, action) => {
  if (action !== 'view') return false;
  return actor.grants.some((g) => g.role === 'admin' && g.organizationPath.split('/').filter(Boolean).length === 1);
});
