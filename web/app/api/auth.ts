import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthConfig, Me, SignInBody } from '../../../common/schemas/auth';
import { ApiError, api } from './client';

export const meQueryKey = ['auth', 'me'] as const;
const configQueryKey = ['auth', 'config'] as const;

/** The signed-in user, or null when nobody is signed in (the server answers 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const response = await api.get<{ user: Me }>('/api/auth/me', { redirectOnSessionEnd: false });
    return response.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: configQueryKey,
    queryFn: () => api.get<AuthConfig>('/api/auth/config', { redirectOnSessionEnd: false }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) =>
      api.post<{ user?: Me } | undefined>('/api/auth/sign-in', body, { redirectOnSessionEnd: false }),
    onSuccess: async (response) => {
      // Whatever the previous person had cached must not leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      if (response?.user) queryClient.setQueryData(meQueryKey, response.user);
      else await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/sign-out', undefined, { redirectOnSessionEnd: false }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<unknown>('/api/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api.post<unknown>('/api/auth/password-reset', body, { redirectOnSessionEnd: false }),
  });
}

export function useTotpSetup() {
  return useMutation({
    mutationFn: () => api.post<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup'),
  });
}

export function useTotpEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string }) => api.post<unknown>('/api/auth/totp/enable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useTotpDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; code: string }) => api.post<unknown>('/api/auth/totp/disable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
