import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobList, JobStatusName, JobView, PublicAddress } from '../../../../common/schemas/jobs';
import { api } from '../../../app/api/client';

export type { JobList, JobStatusName, JobView };

/** The statuses in the order a job goes through them (kept here so the page need not load zod). */
export const JOB_STATUS_ORDER: readonly JobStatusName[] = ['queued', 'running', 'done', 'failed', 'dead'];

export interface JobFilters {
  status: JobStatusName;
  kind: string;
}

const jobsKey = ['admin', 'jobs'] as const;

/** The queue is looked at while it works, so the list refreshes itself every 10 seconds. */
export function useJobs(filters: JobFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...jobsKey, filters, page, pageSize],
    queryFn: ({ signal }) => api.get<JobList>('/api/admin/jobs', { query: { ...filters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
    refetchIntervalInBackground: false,
  });
}

/** A failed or dead job back in the queue (409 `jobs.not_retryable` for any other). */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => api.post<JobView>(`/api/admin/jobs/${encodeURIComponent(id)}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsKey }),
  });
}

/** The address people use and whether phones can install the app over it (changes only with a restart). */
export function usePublicAddress() {
  return useQuery({
    queryKey: ['admin', 'public-address'],
    queryFn: ({ signal }) => api.get<PublicAddress>('/api/admin/public-address', { signal }),
    staleTime: Infinity,
  });
}
