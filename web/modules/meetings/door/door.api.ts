import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DoorCheckInResult, DoorCode } from '../../../../common/schemas/meetings';
import { api } from '../../../app/api/client';
import { meetingKeys } from '../api/meetings.api';

export type { DoorCode };

const base = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

/** The code at the door, asked again every few seconds while shown: it changes each minute. */
export function useDoorCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingKeys.meeting(id), 'door-code'],
    queryFn: ({ signal }) => api.get<DoorCode>(`${base(id)}/door-code`, { signal }),
    enabled,
    staleTime: 0,
    refetchInterval: 5_000,
  });
}

/** The address the QR code opens: the delegate's check-in for this meeting, with the code, on the public address when one is set. */
export const doorUrl = (door: DoorCode) =>
  `${door.url ?? `${window.location.origin}${door.path}`}?code=${encodeURIComponent(door.code)}`;

/** Checks the caller in with a code of the door; the meeting is fetched again after. */
export function useDoorCheckIn(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<DoorCheckInResult>(`${base(id)}/door-check-in`, { code }),
    onSettled: () => client.invalidateQueries({ queryKey: meetingKeys.meeting(id) }),
  });
}

/** The code out of what a camera read: the address of a QR code, or the code alone. */
export function codeFromScan(text: string): string {
  try {
    return new URL(text).searchParams.get('code') ?? text;
  } catch {
    return text;
  }
}
