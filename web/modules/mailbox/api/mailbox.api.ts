import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedId } from '../../../../common/schemas/http';
import type {
  DraftPatch,
  DraftSaved,
  MailboxList,
  MailItemView,
  MailList,
  MailRegister,
  MailRegistered,
  MailWrite,
  MailWritten,
  RecipientOption,
  RecipientOptions,
} from '../../../../common/schemas/mail';
import { api } from '../../../app/api/client';

const root = ['mail'] as const;
export const mailKeys = {
  root,
  boxes: [...root, 'boxes'] as const,
  list: (box: string, folder: string, q: string, unread: boolean, page: number) =>
    [...root, 'list', box, folder, q, unread, page] as const,
  item: (id: string) => [...root, 'item', id] as const,
};

export function useMailboxes() {
  return useQuery({
    queryKey: mailKeys.boxes,
    queryFn: ({ signal }) => api.get<MailboxList>('/api/mail/mailboxes', { signal }),
    select: (d) => d.items,
    refetchInterval: 60_000,
  });
}

export const PAGE_SIZE = 25;

export function useMailList(box: string, folder: string, q: string, unread: boolean, page: number) {
  return useQuery({
    queryKey: mailKeys.list(box, folder, q, unread, page),
    queryFn: ({ signal }) =>
      api.get<MailList>(`/api/mail/mailboxes/${encodeURIComponent(box)}/messages`, {
        query: { folder, q: q || undefined, unread: unread ? 'true' : undefined, page, pageSize: PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: !!box,
  });
}

export function useMailItem(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: mailKeys.item(id),
    queryFn: async ({ signal }) => {
      const item = await api.get<MailItemView>(`/api/mail/items/${encodeURIComponent(id)}`, { signal });
      // Opening marks it read: the counts and the list follow.
      void client.invalidateQueries({ queryKey: mailKeys.boxes });
      void client.invalidateQueries({ queryKey: [...root, 'list'] });
      return item;
    },
  });
}

/** Any change to mail: every list, count and open message is fetched again. */
function useMailMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: root }) });
}

export const useWriteMail = () =>
  useMailMutation((body: MailWrite) => api.post<MailWritten>('/api/mail/messages', body));
export const useUpdateDraft = () =>
  useMailMutation(({ id, body }: { id: string; body: DraftPatch }) =>
    api.put<DraftSaved>(`/api/mail/items/${encodeURIComponent(id)}/draft`, body),
  );
export const useMoveMail = () =>
  useMailMutation(({ id, folder }: { id: string; folder: string }) =>
    api.post<null>(`/api/mail/items/${encodeURIComponent(id)}/move`, { folder }),
  );
export const useMarkMail = () =>
  useMailMutation(({ id, read }: { id: string; read: boolean }) =>
    api.post<null>(`/api/mail/items/${encodeURIComponent(id)}/read`, { read }),
  );
export const useDeleteMail = () =>
  useMailMutation((id: string) => api.delete<null>(`/api/mail/items/${encodeURIComponent(id)}`));
export const useCreateFolder = () =>
  useMailMutation(({ box, name }: { box: string; name: string }) =>
    api.post<CreatedId>(`/api/mail/mailboxes/${encodeURIComponent(box)}/folders`, { name }),
  );
export const useDeleteFolder = () =>
  useMailMutation(({ box, folder }: { box: string; folder: string }) =>
    api.delete<null>(`/api/mail/mailboxes/${encodeURIComponent(box)}/folders/${encodeURIComponent(folder)}`),
  );
export const useRegisterMail = () =>
  useMailMutation(({ id, body }: { id: string; body: MailRegister }) =>
    api.post<MailRegistered>(`/api/mail/items/${encodeURIComponent(id)}/register`, body),
  );

export type { RecipientOption };

export function useRecipientSearch(q: string) {
  return useQuery({
    queryKey: [...root, 'recipients', q] as const,
    queryFn: ({ signal }) => api.get<RecipientOptions>('/api/mail/recipients', { query: { q }, signal }),
    select: (d) => d.items,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export const attachmentUrl = (itemId: string, attachmentId: string, download = false) =>
  `/api/mail/items/${encodeURIComponent(itemId)}/attachments/${encodeURIComponent(attachmentId)}${download ? '?download=1' : ''}`;
