import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthConfig, Me, SessionAnswer } from '../../../common/schemas/auth';
import { api } from './client';
import { queryClient } from './queryClient';

export const meQueryKey = ['auth', 'me'] as const;
const configQueryKey = ['auth', 'config'] as const;
/** True when the browser came with a session that is over (expired, signed out elsewhere). */
export const sessionEndedQueryKey = ['auth', 'session-ended'] as const;

/** The signed-in user, or null when nobody is signed in; asked without provoking a 401. */
export async function fetchMe(): Promise<Me | null> {
  const answer = await api.get<SessionAnswer>('/api/auth/session', { redirectOnSessionEnd: false });
  queryClient.setQueryData(sessionEndedQueryKey, answer.user === null && answer.ended);
  return answer.user;
}

/** Whether the last look at the session found one that had ended. */
export function useSessionEnded(): boolean {
  return (
    useQuery({ queryKey: sessionEndedQueryKey, queryFn: () => false, staleTime: Number.POSITIVE_INFINITY }).data ===
    true
  );
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

/** Signs out; the caller then leaves for the sign-in page, which drops everything in memory. */
export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/sign-out', undefined, { redirectOnSessionEnd: false }),
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
