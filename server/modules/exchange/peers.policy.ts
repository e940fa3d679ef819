import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    exchange_peers: 'manage';
  }
}

export interface PeersResource {
  kind: 'exchange_peers';
}

/**
 * The peer deployments carry every document that leaves for another VanPhong and the secrets
 * that sign them: only an administrator of a top-level Party committee (the system's own
 * administrator) sees and changes them.
 */
export const peersPolicy = definePolicy<PeersResource>('exchange_peers', (actor, action) => {
  if (action !== 'manage') return false;
  return actor.grants.some((g) => g.role === 'admin' && g.organizationPath.split('/').filter(Boolean).length === 1);
});
