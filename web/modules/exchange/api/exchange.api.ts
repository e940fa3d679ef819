import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeerPatch, PeerView, PeerWrite } from '../../../../common/schemas/exchange';
import { api } from '../../../app/api/client';

export type { PeerView };

export const exchangeKeys = { peers: ['exchange', 'peers'] as const };

/** The other VanPhong deployments documents travel to directly; administrators only. */
export function usePeers(enabled = true) {
  return useQuery({
    queryKey: exchangeKeys.peers,
    queryFn: ({ signal }) => api.get<{ items: PeerView[] }>('/api/exchange/peers', { signal }),
    staleTime: 30_000,
    enabled,
  });
}

/** A peer's name shows beside the organizations reached through it: both are refreshed. */
export function useSavePeer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: null; body: PeerWrite } | { id: string; body: PeerPatch }) =>
      v.id === null
        ? api.post<PeerView>('/api/exchange/peers', v.body)
        : api.patch<PeerView>(`/api/exchange/peers/${encodeURIComponent(v.id)}`, v.body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: exchangeKeys.peers }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
      ]),
  });
}
