import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeliveryView,
  DocumentPeople,
  DocumentPerson,
  DocumentSummary,
  DocumentView,
  DraftVersionList,
  Inbox,
  InboxItem,
  IncomingWrite,
  OutgoingPatch,
  OutgoingWrite,
  QueueCounts,
  QueueKind,
  Register,
  RegisterList,
  RegisterWrite,
} from '../../../../common/schemas/documents';
import type { UploadView } from '../../../../common/schemas/files';
import type { CreatedId, Upserted } from '../../../../common/schemas/http';
import { ApiError, api, type Page, type QueryParams } from '../../../app/api/client';

export type Direction = 'incoming' | 'outgoing';

/** The list filters as the URL keeps them; every one is optional. */
export interface DocumentFilters {
  q?: string;
  registerId?: string;
  from?: string;
  to?: string;
  typeCode?: string;
  urgency?: string;
  secrecy?: string;
  status?: string;
  overdue?: 'true';
  sort?: 'newest' | 'oldest' | 'number' | 'register' | 'due';
}

export type { DocumentPeople, InboxItem };
export type PersonChoice = DocumentPerson;

/** A list page; `totalCapped` means the server stopped counting at `total` (5,000, or 1,000 for a search). */
export interface DocumentPage extends Page<DocumentSummary> {
  totalCapped?: boolean;
}

/** A new register: its organization, direction and secrecy are fixed once created. */
export type RegisterCreate = Omit<RegisterWrite, 'termLabel'> & { termLabel?: string | null };
/** What may change afterwards, with the version read. */
export type RegisterPatch = Partial<
  Omit<RegisterCreate, 'organizationId' | 'direction' | 'secret'> & { active: boolean }
> & { version: number };

/** The name kept has the ending of the type the bytes are, which may differ from the name sent. */
export type UploadedFile = UploadView;

const root = ['documents'] as const;
export const documentKeys = {
  root,
  list: (direction: Direction, params: object) => [...root, 'list', direction, params] as const,
  document: (id: string) => [...root, 'document', id] as const,
  people: (id: string) => [...root, 'people', id] as const,
  queue: [...root, 'queue'] as const,
  queueList: (kind: string) => [...root, 'queue', kind] as const,
  registers: ['registers'] as const,
  deliveries: ['deliveries'] as const,
};
const enc = encodeURIComponent;

export function filterQuery(direction: Direction, filters: DocumentFilters): QueryParams {
  return { direction, ...filters };
}

/** Rows per page of the registers on screen. */
export const DOCUMENT_PAGE_SIZE = 20;

/**
 * One page of a register: what the list shows, and what the router fetches while the
 * page's code loads (`early`: a refusal then is the page's to handle, not a session end).
 */
export function documentListQuery(
  direction: Direction,
  filters: DocumentFilters,
  page: number,
  pageSize: number,
  early = false,
) {
  const query = { ...filterQuery(direction, filters), page, pageSize };
  return {
    queryKey: documentKeys.list(direction, query),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<DocumentPage>('/api/documents', { query, signal, redirectOnSessionEnd: !early }),
  };
}

export function useDocumentList(direction: Direction, filters: DocumentFilters, page: number, pageSize: number) {
  return useQuery({ ...documentListQuery(direction, filters, page, pageSize), placeholderData: keepPreviousData });
}

/**
 * The dispatched outgoing documents of one organization matching the words typed: those a
 * new draft may replace. The first page only; the typed words narrow it.
 */
export function useReplaceableDocuments(organizationId: string | undefined, q: string, enabled = true) {
  const query = { direction: 'outgoing', status: 'dispatched', organizationId, q: q || undefined, pageSize: 20 };
  return useQuery({
    queryKey: documentKeys.list('outgoing', { ...query, purpose: 'replaces' }),
    queryFn: ({ signal }) => api.get<DocumentPage>('/api/documents', { query, signal }),
    enabled: enabled && organizationId !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function exportXlsxUrl(direction: Direction, filters: DocumentFilters): string {
  return exportUrl('xlsx', direction, filters);
}

/** The register book made on the server as a PDF, for paper and for filing. */
export function exportPdfUrl(direction: Direction, filters: DocumentFilters): string {
  return exportUrl('pdf', direction, filters);
}

function exportUrl(format: 'xlsx' | 'pdf', direction: Direction, filters: DocumentFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterQuery(direction, filters))) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return `/api/documents/export.${format}?${params.toString()}`;
}

export function useRegisters() {
  return useQuery({
    queryKey: documentKeys.registers,
    queryFn: ({ signal }) => api.get<RegisterList>('/api/registers', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Creates a register, or changes one (with its version); the lists of registers reload. */
export function useSaveRegister() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: null; body: RegisterCreate } | { id: string; body: RegisterPatch }) =>
      v.id === null
        ? api.post<Register>('/api/registers', v.body)
        : api.patch<Register>(`/api/registers/${enc(v.id)}`, v.body),
    onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.registers }),
  });
}

/** One document: what its page shows, and what the router fetches while the page's code loads. */
export function documentQuery(id: string, early = false) {
  return {
    queryKey: documentKeys.document(id),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<DocumentView>(`/api/documents/${enc(id)}`, { signal, redirectOnSessionEnd: !early }),
  };
}

export function useDocument(id: string) {
  return useQuery({ ...documentQuery(id), staleTime: 0 });
}

export function useDocumentPeople(id: string, enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.people(id),
    queryFn: ({ signal }) => api.get<DocumentPeople>(`/api/documents/${enc(id)}/people`, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** A draft's kept versions; `version` is the draft's own, so each save brings the new one. */
export function useDraftVersions(id: string, version: number) {
  return useQuery({
    queryKey: [...root, 'versions', id, version] as const,
    queryFn: ({ signal }) => api.get<DraftVersionList>(`/api/documents/${enc(id)}/versions`, { signal }),
  });
}

export function useQueue(kind: QueueKind | null) {
  return useQuery({
    queryKey: documentKeys.queueList(kind ?? ''),
    queryFn: ({ signal }) => api.get<DocumentPage>(`/api/documents/queue/${enc(kind ?? '')}`, { signal }),
    enabled: kind !== null,
    staleTime: 0,
  });
}

/** The queue counts; the layout fetches the same key for the menu badges. */
export function fetchQueueCounts(signal?: AbortSignal) {
  return api.get<QueueCounts>('/api/documents/queue', { signal });
}

export function useDeliveries(enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.deliveries,
    queryFn: ({ signal }) => api.get<Inbox>('/api/deliveries', { signal }),
    enabled,
    staleTime: 0,
  });
}

/** After any change, lists, counts and the inbox may all have moved. */
function useInvalidateDocuments() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: documentKeys.root }),
      client.invalidateQueries({ queryKey: documentKeys.deliveries }),
    ]);
}

/** One workflow step on one document; the answer is the document as it now stands. */
export function useDocumentStep(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: ({ step, body }: { step: string; body: unknown }) =>
      api.post<DocumentView>(`/api/documents/${enc(id)}/${step}`, body),
    onSuccess: (view) => {
      client.setQueryData(documentKeys.document(id), view);
      void invalidate();
    },
  });
}

/** Deletes a draft its author no longer wants. */
export function useDeleteDraft(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (version: number) => api.delete<null>(`/api/documents/${enc(id)}?version=${version}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: documentKeys.document(id) });
      void invalidate();
    },
  });
}

export function usePatchDraft(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (body: OutgoingPatch) => api.patch<DocumentView>(`/api/documents/${enc(id)}`, body),
    onSuccess: (view) => {
      client.setQueryData(documentKeys.document(id), view);
      void invalidate();
    },
  });
}

export function useCreateIncoming() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (body: IncomingWrite) => api.post<Upserted>('/api/documents/incoming', body),
    onSuccess: () => void invalidate(),
  });
}

export function useCreateOutgoing() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (body: OutgoingWrite) => api.post<Upserted>('/api/documents/outgoing', body),
    onSuccess: () => void invalidate(),
  });
}

export function useOpenDelivery() {
  return useMutation({
    mutationFn: (id: string) => api.get<DeliveryView>(`/api/deliveries/${enc(id)}`),
  });
}

export function useAcceptDelivery() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: ({ id, version, registerId }: { id: string; version: number; registerId?: string }) =>
      api.post<CreatedId>(`/api/deliveries/${enc(id)}/accept`, { version, registerId }),
    onSuccess: () => void invalidate(),
  });
}

export function useRefuseDelivery() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      api.post<null>(`/api/deliveries/${enc(id)}/refuse`, { version, reason }),
    onSuccess: () => void invalidate(),
  });
}

export function uploadFile(file: File): Promise<UploadedFile> {
  return api.upload<UploadedFile>('/api/files', file);
}

export function fileUrl(documentId: string, fileId: string, inline = false): string {
  return `/api/documents/${enc(documentId)}/files/${enc(fileId)}${inline ? '?inline=1' : ''}`;
}

/** A file of a delivery, readable by the receiving clerk before accepting it. */
export function deliveryFileUrl(deliveryId: string, fileId: string, inline = false): string {
  return `/api/deliveries/${enc(deliveryId)}/files/${enc(fileId)}${inline ? '?inline=1' : ''}`;
}

/** 409s that mean "someone changed it first": reload and tell the person. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.code === 'common.stale_version' || error.code === 'documents.wrong_status')
  );
}
