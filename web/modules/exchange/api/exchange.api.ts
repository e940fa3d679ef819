import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExchangeHealth,
  ImportResult,
  PeerPatch,
  PeerView,
  PeerWrite,
  RecallRequest,
} from '../../../../common/schemas/exchange';
import { api, fetchFile, saveBlob } from '../../../app/api/client';

export type { ExchangeHealth, ImportResult, PeerView, RecallRequest };

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

export const exchangeQueryKeys = {
  health: ['exchange', 'health'] as const,
  recalls: ['exchange', 'recalls'] as const,
};

/** What the administrator watches: this deployment's messages in and out, and the platform's last poll. */
export function useExchangeHealth() {
  return useQuery({
    queryKey: exchangeQueryKeys.health,
    queryFn: ({ signal }) => api.get<ExchangeHealth>('/api/exchange/health', { signal }),
  });
}

/** Outside offices asking the clerk to give back a copy they sent. */
export function useRecalls(enabled = true) {
  return useQuery({
    queryKey: exchangeQueryKeys.recalls,
    queryFn: ({ signal }) => api.get<{ items: RecallRequest[] }>('/api/exchange/recalls', { signal }),
    staleTime: 30_000,
    enabled,
  });
}

/** Agreeing cancels the copy here; either answer goes back to the sender and changes the inbox. */
export function useAnswerRecall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { deliveryId: string; agree: true } | { deliveryId: string; agree: false; reason: string }) =>
      v.agree
        ? api.post<null>(`/api/exchange/recalls/${encodeURIComponent(v.deliveryId)}/agree`)
        : api.post<null>(`/api/exchange/recalls/${encodeURIComponent(v.deliveryId)}/refuse`, { reason: v.reason }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: exchangeQueryKeys.recalls }),
        queryClient.invalidateQueries({ queryKey: ['documents'] }),
        queryClient.invalidateQueries({ queryKey: ['deliveries'] }),
      ]),
  });
}

export interface ImportRequest {
  organizationId: string;
  register: boolean;
  registerId?: string;
  file: File;
}

/**
 * An `.edxml` file brought by hand. The server reads the fields before the file (it decides
 * where the package goes before reading it), so they are appended first.
 */
export function importForm(v: ImportRequest): FormData {
  const form = new FormData();
  form.append('organizationId', v.organizationId);
  form.append('register', v.register ? '1' : '0');
  if (v.register && v.registerId) form.append('registerId', v.registerId);
  form.append('file', v.file, v.file.name);
  return form;
}

export function useImportEdxml() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: ImportRequest) => api.post<ImportResult>('/api/exchange/import', importForm(v)),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['documents'] }),
        queryClient.invalidateQueries({ queryKey: ['deliveries'] }),
      ]),
  });
}

/** A document as an edXML package, saved by the browser; a refusal is thrown with the server's sentence. */
export async function downloadEdxml(documentId: string): Promise<void> {
  const { blob, fileName } = await fetchFile(`/api/documents/${encodeURIComponent(documentId)}/edxml`, 'van-ban.edxml');
  saveBlob(blob, fileName);
}
