import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingBody, MeetingStatus } from '../../../../common/meetings';
import type { Upserted } from '../../../../common/schemas/http';
import type {
  InviteeWrite,
  MeetingList,
  MeetingPatch,
  MeetingView,
  MeetingWrite,
  ReplyBody,
} from '../../../../common/schemas/meetings';
import { ApiError, api } from '../../../app/api/client';

export type MeetingScope = 'all' | 'mine' | 'organized';

/** The list filters as the address keeps them; every one is optional. */
export interface MeetingFilters {
  scope?: MeetingScope;
  q?: string;
  status?: MeetingStatus;
  body?: MeetingBody;
  from?: string;
  to?: string;
}

export interface MeetingListParams extends MeetingFilters {
  page: number;
  pageSize: number;
}

/** A new meeting as the form sends it: the schema's input, defaults left to the server. */
export type MeetingCreate = Omit<MeetingWrite, 'agenda' | 'invitees' | 'secrecy'> & {
  secrecy?: MeetingWrite['secrecy'];
  agenda: { title: string; presenterName?: string | null; uploadIds: string[] }[];
  invitees: InviteeWrite[];
};
export type MeetingEdit = Omit<MeetingPatch, 'agenda'> & {
  agenda?: { id?: string; title: string; presenterName?: string | null; uploadIds: string[] }[];
};

const root = ['meetings'] as const;
export const meetingKeys = {
  root,
  list: (params: object) => [...root, 'list', params] as const,
  meeting: (id: string) => [...root, 'meeting', id] as const,
};
const enc = encodeURIComponent;
const base = (id: string) => `/api/meetings/${enc(id)}`;

export function useMeetingList(params: MeetingListParams, options: { enabled?: boolean; live?: boolean } = {}) {
  return useQuery({
    queryKey: meetingKeys.list(params),
    queryFn: ({ signal }) => api.get<MeetingList>('/api/meetings', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 10_000,
    refetchInterval: options.live ? 60_000 : false,
  });
}

/**
 * Whether the caller follows everyone's replies (the organizer, the secretary): the
 * view then lists invitees other than the caller's own invitations.
 */
export function followsReplies(view: MeetingView | undefined): boolean {
  if (!view) return false;
  const mine = new Set(view.myInvitations.map((i) => i.id));
  return (
    view.invitees.some((i) => !mine.has(i.id)) ||
    view.actions.some((a) => a === 'remind' || a === 'attendance' || a === 'invite')
  );
}

/**
 * One meeting. Whoever follows the replies sees them move by themselves: the view is
 * fetched again every 5 seconds while the page is open and visible.
 */
export function meetingQuery(id: string, early = false) {
  return {
    queryKey: meetingKeys.meeting(id),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<MeetingView>(base(id), { signal, redirectOnSessionEnd: !early }),
  };
}

export function useMeeting(id: string) {
  return useQuery({
    ...meetingQuery(id),
    staleTime: 0,
    refetchInterval: (query) =>
      followsReplies(query.state.data) && query.state.data?.status !== 'cancelled' ? 5_000 : false,
    refetchIntervalInBackground: false,
  });
}

/** After any change, the lists (home page, calendar, mine) and the meeting itself may have moved. */
function useInvalidateMeetings() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: root });
}

export function useCreateMeeting() {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (body: MeetingCreate) => api.post<Upserted>('/api/meetings', body),
    onSuccess: () => void invalidate(),
  });
}

export function usePatchMeeting(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (body: MeetingEdit) => api.patch<null>(base(id), body),
    onSuccess: () => void invalidate(),
  });
}

/** One action on one meeting (`send`, `reply`, `files/…/withdraw`…); the meeting and lists reload after. */
export function useMeetingStep<R = null>(id: string) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ step, body }: { step: string; body?: unknown }) => api.post<R>(`${base(id)}/${step}`, body ?? {}),
    onSuccess: () => void invalidate(),
  });
}

/** A reply given from a list (my meetings, the home page), where the meeting's id varies. */
export function useReply() {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReplyBody }) => api.post<null>(`${base(id)}/reply`, body),
    onSuccess: () => void invalidate(),
  });
}

export type { ReplyBody };

/** Marks the meeting seen, so "new" and "replaced" marks start from now next time. */
export function markSeen(id: string): Promise<null> {
  return api.post<null>(`${base(id)}/seen`);
}

export function meetingFileUrl(meetingId: string, fileId: string, download = false): string {
  return `${base(meetingId)}/files/${enc(fileId)}${download ? '?download=1' : ''}`;
}

export const invitationPdfUrl = (id: string) => `${base(id)}/invitation.pdf`;
export const invitationDocxUrl = (id: string) => `${base(id)}/invitation.docx`;

/** 409s that mean "someone changed it first": reload and tell the person. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    ['common.stale_version', 'meetings.wrong_status', 'meetings.file_replaced'].includes(error.code)
  );
}
