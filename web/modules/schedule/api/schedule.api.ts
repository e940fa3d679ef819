import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScheduleAction } from '../../../../common/meetings';
import type { CreatedId } from '../../../../common/schemas/http';
import type {
  AwaitingApproval,
  CalendarFeed,
  Schedule,
  ScheduleCreateInput,
  ScheduleItemInput,
  ScheduleItemPatchInput,
  SchedulePeople,
  SchedulePerson,
  ScheduleWeek,
} from '../../../../common/schemas/schedules';
import { ApiError, api } from '../../../app/api/client';

const root = ['schedules'] as const;
export const scheduleKeys = {
  root,
  week: (week: string) => [...root, 'week', week] as const,
  schedule: (id: string) => [...root, 'schedule', id] as const,
  feed: ['calendar-feed'] as const,
};
const enc = encodeURIComponent;

/** What an item's form sends; absent text fields are sent as null so they can be cleared. */
export type ItemFields = Required<Omit<ScheduleItemInput, 'meetingId'>> & Pick<ScheduleItemInput, 'meetingId'>;

export type Step = Exclude<ScheduleAction, 'edit'>;

export type { CalendarFeed };

export function useScheduleWeek(week: string) {
  return useQuery({
    queryKey: scheduleKeys.week(week),
    queryFn: ({ signal }) => api.get<ScheduleWeek>('/api/schedules', { query: { week }, signal }),
    placeholderData: keepPreviousData,
  });
}

export type AwaitingSchedule = AwaitingApproval['items'][number];

/** Schedules submitted to the caller for approval (none for anyone who approves nothing). */
export function useSchedulesAwaiting() {
  return useQuery({
    queryKey: [...root, 'awaiting'],
    queryFn: ({ signal }) => api.get<AwaitingApproval>('/api/schedules/awaiting-approval', { signal }),
    staleTime: 30_000,
  });
}

export function useSchedule(id: string) {
  return useQuery({
    queryKey: scheduleKeys.schedule(id),
    queryFn: ({ signal }) => api.get<Schedule>(`/api/schedules/${enc(id)}`, { signal }),
    staleTime: 0,
  });
}

/** Any change: the schedule, and the weeks that list it, are read again. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: root });
}

export function useCreateSchedule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ScheduleCreateInput) => api.post<CreatedId>('/api/schedules', body),
    onSuccess: () => void invalidate(),
  });
}

/** The schedule that already holds this week for the chosen owner, when creation says so. */
export function existingScheduleId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'schedules.exists') return null;
  const details = error.details;
  if (typeof details === 'object' && details !== null && 'id' in details && typeof details.id === 'string') {
    return details.id || null;
  }
  return null;
}

export function useSaveItem(scheduleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { itemId: null; body: ItemFields } | { itemId: string; body: ScheduleItemPatchInput }) =>
      v.itemId === null
        ? api.post<CreatedId>(`/api/schedules/${enc(scheduleId)}/items`, v.body)
        : api.patch<null>(`/api/schedules/${enc(scheduleId)}/items/${enc(v.itemId)}`, v.body),
    onSettled: () => invalidate(),
  });
}

/** Deletes an item of a draft; after publishing, marks it called off. */
export function useCancelItem(scheduleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ itemId, version, changeNote }: { itemId: string; version: number; changeNote?: string | null }) =>
      api.post<null>(`/api/schedules/${enc(scheduleId)}/items/${enc(itemId)}/cancel`, { version, changeNote }),
    onSettled: () => invalidate(),
  });
}

export function useScheduleStep(scheduleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ step, version, note }: { step: Step; version: number; note?: string | null }) =>
      api.post<null>(`/api/schedules/${enc(scheduleId)}/${step}`, { version, note: note || undefined }),
    onSettled: () => invalidate(),
  });
}

export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys.feed,
    queryFn: ({ signal }) => api.get<CalendarFeed>('/api/calendar/feed', { signal }),
    enabled,
    staleTime: 0,
  });
}

/** Creates the address, or replaces it (the old one stops working); `null` revokes it. */
export function useChangeFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'create' | 'revoke'): Promise<CalendarFeed> => {
      if (action === 'revoke') {
        await api.delete<null>('/api/calendar/feed');
        return { url: null, createdAt: null };
      }
      return api.post<CalendarFeed>('/api/calendar/feed');
    },
    onSuccess: (feed) => client.setQueryData(scheduleKeys.feed, feed),
  });
}

export const weekPdfUrl = (week: string) => `/api/schedules/week.pdf?week=${enc(week)}`;
export const schedulePdfUrl = (id: string) => `/api/schedules/${enc(id)}/print.pdf`;

/** 409s that mean "someone changed it first": reload and tell the person. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'common.stale_version' ||
      error.code === 'schedules.wrong_status' ||
      error.code === 'schedules.item_cancelled')
  );
}

/** A person with an account, who can own a leader's week or have an item in their calendar. */
export type PersonChoice = SchedulePerson;
export type { SchedulePeople };

/** The accounts a composer picks from, for one organization. */
export function useSchedulePeople(organizationId: string | null) {
  return useQuery({
    queryKey: [...root, 'people', organizationId] as const,
    queryFn: ({ signal }) => api.get<SchedulePeople>('/api/schedules/people', { query: { organizationId }, signal }),
    enabled: organizationId !== null,
    staleTime: 5 * 60_000,
  });
}

export const personLabel = (p: PersonChoice) => (p.position ? `${p.fullName} — ${p.position}` : p.fullName);
