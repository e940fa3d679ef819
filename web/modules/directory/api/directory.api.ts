import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationReach } from '../../../../common/exchange';
import type {
  GroupExpansion,
  GroupListItem,
  GroupPatch,
  GroupView,
  GroupWrite,
  OrganizationPatch,
  OrganizationTree,
  OrganizationView,
  OrganizationWrite,
  PersonPatch,
  PersonView,
  PersonWrite,
} from '../../../../common/schemas/directory';
import type { FileFormat, ImportMode, ImportReport, TransferKind } from '../../../../common/schemas/directory-transfer';
import { api, type Page } from '../../../app/api/client';

/**
 * How an organization is reached, as every organization answer carries it. Optional here so a
 * page still works with an answer that predates it: none means inside.
 */
export interface ReachFields {
  reach?: OrganizationReach;
  peerId?: string | null;
  peerName?: string | null;
}
export type OrganizationDetails = OrganizationView;
export type OrganizationListItem = Omit<OrganizationView, 'ancestors'>;
/** What a form sends about the reach: outside ones name their peer when reached through one. */
export interface ReachWrite {
  reach?: OrganizationReach;
  peerId?: string | null;
}

export const reachOf = (organization: ReachFields): OrganizationReach => organization.reach ?? 'inside';

const root = ['directory'] as const;
const keys = {
  tree: [...root, 'tree'] as const,
  organization: (id: string) => [...root, 'organization', id] as const,
  organizations: (params: object) => [...root, 'organizations', params] as const,
  outside: (params: object) => [...root, 'outside', params] as const,
  people: (params: object) => [...root, 'people', params] as const,
  groups: (params: object) => [...root, 'groups', params] as const,
  group: (id: string) => [...root, 'group', id] as const,
  expansion: (id: string) => [...root, 'expansion', id] as const,
};
const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export function useOrganizationTree() {
  return useQuery({
    queryKey: keys.tree,
    queryFn: ({ signal }) => api.get<OrganizationTree>('/api/organizations/tree', { signal }),
    staleTime: 60_000,
  });
}

export function useOrganization(id: string | null) {
  return useQuery({
    queryKey: keys.organization(id ?? ''),
    queryFn: ({ signal }) => api.get<OrganizationDetails>(path('/api/organizations', id ?? ''), { signal }),
    enabled: id !== null,
  });
}

/** Server-side search for pickers: a province holds hundreds of Party cells. */
export function useOrganizationSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: keys.organizations({ q }),
    queryFn: ({ signal }) =>
      api.get<Page<OrganizationListItem>>('/api/organizations', { query: { q, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

export interface OutsideParams {
  q: string;
  page: number;
  pageSize: number;
}

/** Organizations outside this deployment, reached through a peer or the exchange platform. */
export function useOutsideOrganizations(params: OutsideParams) {
  return useQuery({
    queryKey: keys.outside(params),
    queryFn: ({ signal }) =>
      api.get<Page<OrganizationListItem>>('/api/organizations', {
        query: { ...params, reach: 'outside' },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export interface PeopleParams {
  q?: string;
  organizationId?: string | null;
  includeDescendants?: boolean;
  page: number;
  pageSize: number;
}

export function usePeople(params: PeopleParams, enabled = true) {
  return useQuery({
    queryKey: keys.people(params),
    queryFn: ({ signal }) => api.get<Page<PersonView>>('/api/people', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface GroupParams {
  q?: string;
  ownerOrganizationId?: string | null;
  page: number;
  pageSize: number;
}

export function useGroups(params: GroupParams) {
  return useQuery({
    queryKey: keys.groups(params),
    queryFn: ({ signal }) => api.get<Page<GroupListItem>>('/api/groups', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGroup(id: string | null) {
  return useQuery({
    queryKey: keys.group(id ?? ''),
    queryFn: ({ signal }) => api.get<GroupView>(path('/api/groups', id ?? ''), { signal }),
    enabled: id !== null,
  });
}

export function useGroupExpansion(id: string | null) {
  return useQuery({
    queryKey: keys.expansion(id ?? ''),
    queryFn: ({ signal }) => api.get<GroupExpansion>(`${path('/api/groups', id ?? '')}/expand`, { signal }),
    enabled: id !== null,
  });
}

/** Any directory change can show in the tree, the lists and the details: refresh them all. */
function useDirectoryMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useSaveOrganization() {
  return useDirectoryMutation(
    (v: { id: null; body: OrganizationWrite & ReachWrite } | { id: string; body: OrganizationPatch & ReachWrite }) =>
      v.id === null
        ? api.post<OrganizationDetails>('/api/organizations', v.body)
        : api.patch<OrganizationDetails>(path('/api/organizations', v.id), v.body),
  );
}

export function useDeleteOrganization() {
  return useDirectoryMutation((id: string) => api.delete<null>(path('/api/organizations', id)));
}

export function useSavePerson() {
  return useDirectoryMutation((v: { id: null; body: PersonWrite } | { id: string; body: PersonPatch }) =>
    v.id === null
      ? api.post<PersonView>('/api/people', v.body)
      : api.patch<PersonView>(path('/api/people', v.id), v.body),
  );
}

export function useDeletePerson() {
  return useDirectoryMutation((id: string) => api.delete<null>(path('/api/people', id)));
}

export function useSaveGroup() {
  return useDirectoryMutation((v: { id: null; body: GroupWrite } | { id: string; body: GroupPatch }) =>
    v.id === null
      ? api.post<GroupView>('/api/groups', v.body)
      : api.patch<GroupView>(path('/api/groups', v.id), v.body),
  );
}

export function useDeleteGroup() {
  return useDirectoryMutation((id: string) => api.delete<null>(path('/api/groups', id)));
}

export function exportUrl(kind: TransferKind, format: FileFormat): string {
  return `/api/directory/export?${new URLSearchParams({ kind, format }).toString()}`;
}

/** The shared client speaks JSON; an upload is multipart, so it is sent here with the same error shape. */
function uploadImport(kind: TransferKind, mode: ImportMode, file: File): Promise<ImportReport> {
  return api.upload<ImportReport>('/api/directory/import', file, { query: { kind, mode } });
}

export function useImport() {
  return useDirectoryMutation((v: { kind: TransferKind; mode: ImportMode; file: File }) =>
    uploadImport(v.kind, v.mode, v.file),
  );
}
