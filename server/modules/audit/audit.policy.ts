import { definePolicy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    audit: 'audit.read' | 'audit.verify';
  }
}

/** The whole trail is for administrators of a top-level Party committee. */
export interface AuditResource {
  kind: 'audit';
}

export const auditPolicy = definePolicy<AuditResource>('audit', (actor, action) => {
  if (action !== 'audit.read' && action !== 'audit.verify') return false;
  return actor.grants.some((g) => g.role === 'admin' && g.organizationPath.split('/').filter(Boolean).length === 1);
});
