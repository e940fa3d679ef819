import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEventView, AuditVerification } from '../../../../common/schemas/audit';
import { api, type Page } from '../../../app/api/client';

export type AuditEvent = AuditEventView;
export type { AuditVerification };

export interface AuditFilters {
  q: string;
  action: string;
  entityType: string;
  actorId: string;
  /** ISO instants in UTC, inclusive. */
  from: string;
  to: string;
}

export function useAuditEvents(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['admin', 'audit', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/api/audit', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The actions recorded so far, to pick from instead of guessing their codes. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['admin', 'audit', 'actions'],
    queryFn: ({ signal }) => api.get<string[]>('/api/audit/actions', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });
}

export type VerifyAuditMutation = ReturnType<typeof useVerifyAudit>;
