import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Organization } from '../../../../common/schemas/directory';
import { api, type Page } from '../../../app/api/client';

export type OrganizationOption = Pick<Organization, 'id' | 'name' | 'abbreviation'>;

/**
 * Server-side search for organization pickers; the list can hold hundreds of Party cells. Roles
 * are granted inside the deployment only, so offices outside it are not offered.
 */
export function useOrganizationSearch(q: string) {
  return useQuery({
    queryKey: ['organizations', 'search', 'inside', q],
    queryFn: ({ signal }) =>
      api.get<Page<OrganizationOption>>('/api/organizations', { query: { q, pageSize: 20, reach: 'inside' }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
