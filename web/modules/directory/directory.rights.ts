import type { OrganizationView } from '../../../common/schemas/directory';
import { useCurrentUser } from '../../app/layout/currentUser';

/**
 * What the signed-in user may add, to show only real buttons before there is a record to
 * carry its own `actions`. The server checks again on every write.
 */
export function useDirectoryRights() {
  const me = useCurrentUser();
  const editorGrants = me.roles.filter((r) => r.role === 'admin' || r.role === 'clerk');
  return {
    /** Admins and clerks add people and groups (within their subtree). */
    canAddAnywhere: editorGrants.length > 0,
    /** Admin or clerk on this organization or above it. */
    canAddWithin: (organization: Pick<OrganizationView, 'id' | 'ancestors'>) =>
      editorGrants.some(
        (g) => g.organizationId === organization.id || organization.ancestors.some((a) => a.id === g.organizationId),
      ),
  };
}
