import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import type { Policy } from '../../platform/security/authorize';
import { createDirectoryAccess, directoryPolicyList } from './directory.policy';
import { registerGroupRoutes } from './groups/groups.routes';
import { createGroupsService } from './groups/groups.service';
import { registerOrganizationRoutes } from './organizations/organizations.routes';
import { createOrganizationsService } from './organizations/organizations.service';
import { registerPeopleRoutes } from './people/people.routes';
import { createPeopleService } from './people/people.service';
import { registerTransferRoutes } from './transfer/import-export.routes';
import { createTransferService } from './transfer/import-export.service';

/** Organizations, people, distribution groups, and moving them in and out as files. */
export const directoryPolicies: [string, Policy][] = directoryPolicyList;

export function createDirectoryModule(deps: PlatformDeps) {
  const access = createDirectoryAccess(deps.authorizer);
  const organizations = createOrganizationsService(deps, access);
  const people = createPeopleService(deps, access);
  const groups = createGroupsService(deps, access);
  const transfer = createTransferService(deps, access);
  const service = { ...organizations, ...people, ...groups, ...transfer };
  return {
    service,
    register(app: App): void {
      registerOrganizationRoutes(app, organizations);
      registerPeopleRoutes(app, people);
      registerGroupRoutes(app, groups);
      registerTransferRoutes(app, transfer);
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryModule>['service'];
