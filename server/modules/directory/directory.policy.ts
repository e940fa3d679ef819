import type { Role } from '../../../common/schemas/roles';
import { type Actor, type Caller, hasAnyRole, hasRoleOver, isSystem } from '../../platform/security/actor';
import { type ActionOf, type Authorizer, definePolicy, type Policy } from '../../platform/security/authorize';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    organization: OrganizationAction;
    person: PersonAction;
    group: GroupAction;
    directory: DirectoryAction;
  }
}

/**
 * Every signed-in user reads the whole directory. Writing needs `admin` over the record's
 * organization (a grant on it or on an ancestor); clerks also keep the people and groups of
 * their own subtree up to date.
 */

export interface OrganizationResource {
  kind: 'organization';
  /** The organization's path; for `createChild`, the parent's path, or null for a new root. */
  path: string | null;
  /**
   * Reached outside the deployment: at the top level, held by nobody's grant. An administrator of
   * a top-level organization keeps these, and nothing is created under them.
   */
  outside?: boolean;
}
export type OrganizationAction = 'read' | 'update' | 'delete' | 'createChild';

export interface PersonResource {
  kind: 'person';
  /** Paths of the organizations the person belongs to (or is about to). */
  organizationPaths: readonly string[];
}
export type PersonAction = 'read' | 'create' | 'update' | 'delete';

export interface GroupResource {
  kind: 'group';
  ownerPath: string;
}
export type GroupAction = 'read' | 'create' | 'update' | 'delete';

export interface DirectoryResource {
  kind: 'directory';
}
export type DirectoryAction = 'export' | 'import';

const EDITORS: readonly Role[] = ['admin', 'clerk'];

/** An administrator of a top-level organization, who may add another top-level one. */
function isRootAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' && g.organizationPath.split('/').filter(Boolean).length === 1);
}

export const organizationPolicy = definePolicy<OrganizationResource>('organization', (actor, action, resource) => {
  switch (action as OrganizationAction) {
    case 'read':
      return true;
    case 'update':
    case 'delete':
      if (resource.outside) return isRootAdmin(actor);
      return resource.path !== null && hasRoleOver(actor, ['admin'], resource.path);
    case 'createChild':
      if (resource.outside) return false;
      return resource.path === null ? isRootAdmin(actor) : hasRoleOver(actor, ['admin'], resource.path);
    default:
      return false;
  }
});

export const personPolicy = definePolicy<PersonResource>('person', (actor, action, resource) => {
  switch (action as PersonAction) {
    case 'read':
      return true;
    case 'create':
    case 'update':
    case 'delete':
      // Someone in no organization yet belongs to no subtree: any administrator may place them.
      return resource.organizationPaths.length === 0
        ? hasAnyRole(actor, ['admin'])
        : resource.organizationPaths.some((p) => hasRoleOver(actor, EDITORS, p));
    default:
      return false;
  }
});

export const groupPolicy = definePolicy<GroupResource>('group', (actor, action, resource) => {
  switch (action as GroupAction) {
    case 'read':
      return true;
    case 'create':
    case 'update':
    case 'delete':
      return hasRoleOver(actor, EDITORS, resource.ownerPath);
    default:
      return false;
  }
});

export const directoryPolicy = definePolicy<DirectoryResource>('directory', (actor, action) => {
  switch (action as DirectoryAction) {
    case 'export':
      return true;
    case 'import':
      // Each imported row is then checked against the policy of its own record.
      return hasAnyRole(actor, EDITORS);
    default:
      return false;
  }
});

export const directoryPolicyList: [string, Policy][] = [organizationPolicy, personPolicy, groupPolicy, directoryPolicy];

type ResourceOf = OrganizationResource | PersonResource | GroupResource | DirectoryResource;

/** The authorizer as directory services use it: the system (command line, demo loader) may do anything. */
export interface DirectoryAccess {
  can<R extends ResourceOf>(caller: Caller, action: ActionOf<R['kind']>, resource: R): boolean;
  authorize<R extends ResourceOf>(caller: Caller, action: ActionOf<R['kind']>, resource: R): void;
  allowed<R extends ResourceOf, A extends ActionOf<R['kind']>>(caller: Caller, actions: readonly A[], resource: R): A[];
}

export function createDirectoryAccess(authorizer: Authorizer): DirectoryAccess {
  return {
    can: (caller, action, resource) => isSystem(caller) || authorizer.can(caller, action, resource),
    authorize: (caller, action, resource) => {
      if (!isSystem(caller)) authorizer.authorize(caller, action, resource);
    },
    allowed: (caller, actions, resource) =>
      isSystem(caller) ? [...actions] : authorizer.allowedActions(caller, actions, resource),
  };
}
