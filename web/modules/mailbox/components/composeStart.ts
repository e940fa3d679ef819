import { useEffect } from 'react';
import { takeKeptWork } from '../../../app/forms/keptWork';
import { useCurrentUser } from '../../../app/layout/currentUser';
import type { Pick } from './RecipientSelect';

// Apart from the compose window, so a page can restore kept work and open it without loading it.

/** What a compose window opens with: empty, a reply, a forward, or a draft to finish. */
export interface ComposeStart {
  mailboxId: string;
  to?: Pick[];
  cc?: Pick[];
  bcc?: Pick[];
  subject?: string;
  text?: string;
  replyToItemId?: string;
  forwardItemId?: string;
  forwardedFiles?: number;
  draft?: { itemId: string; version: number };
  /** What was typed before the session ended, given back after signing in again. */
  restored?: Partial<ComposeValues>;
}

export const COMPOSE_KEPT_ID = 'mail.compose';

/** Reopens the compose window with what was typed on this page when the session ended, if anything. */
export function useRestoredCompose(open: (start: ComposeStart) => void): void {
  const user = useCurrentUser();
  // biome-ignore lint/correctness/useExhaustiveDependencies: taken once, when the page opens
  useEffect(() => {
    const kept = takeKeptWork<ComposeStart>(COMPOSE_KEPT_ID, user.id);
    if (kept?.mailboxId) open(kept);
  }, []);
}

export interface ComposeValues {
  mailboxId: string;
  to?: Pick[];
  cc?: Pick[];
  bcc?: Pick[];
  subject: string;
  text: string;
  uploadIds?: string[];
}
