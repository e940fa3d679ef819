import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ResetLink,
  RoleAssignment,
  TemporaryPassword,
  UserCreateBody,
  UserView,
} from '../../../../common/schemas/users';
import { api, type Page } from '../../../app/api/client';

export type UserAccount = UserView;
export type { RoleAssignment };
export type CreateUserBody = UserCreateBody;

export interface UserListParams {
  q: string;
  page: number;
  pageSize: number;
}

const usersKey = ['admin', 'users'] as const;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: ({ signal }) => api.get<Page<UserAccount>>('/api/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every user mutation changes the list; one helper keeps them refreshing it the same way. */
function useUserMutation<TVariables, TResult = unknown>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserBody) => api.post<unknown>('/api/users', body));
}

export function useSetUserRoles() {
  return useUserMutation(({ id, roles }: { id: string; roles: RoleAssignment[] }) =>
    api.put<unknown>(`/api/users/${encodeURIComponent(id)}/roles`, { roles }),
  );
}

export function useSetUserDisabled() {
  return useUserMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    api.patch<unknown>(`/api/users/${encodeURIComponent(id)}`, { disabled }),
  );
}

export function useUnlockUser() {
  return useUserMutation(({ id }: { id: string }) => api.post<unknown>(`/api/users/${encodeURIComponent(id)}/unlock`));
}

export function useCreateResetLink() {
  return useMutation({
    mutationFn: ({ id }: { id: string }) => api.post<ResetLink>(`/api/users/${encodeURIComponent(id)}/reset-link`),
  });
}

/** A temporary password typed by the administrator, or made by the server when none is given. */
export function useSetTemporaryPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password?: string }) =>
      api.post<TemporaryPassword>(
        `/api/users/${encodeURIComponent(id)}/temporary-password`,
        password ? { password } : {},
      ),
  });
}
