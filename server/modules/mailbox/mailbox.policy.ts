import type { Role } from '../../../common/schemas/roles';
import type { Actor } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';

/** Roles that read their organization's mailbox: the clerk keeps it, the leaders see it. */
export const ORGANIZATION_READERS: readonly Role[] = ['clerk', 'leader'];

/** A mailbox as its policy sees it: whose it is. */
export interface MailboxResource {
  kind: 'mailbox';
  mailboxKind: 'organization' | 'person' | 'user';
  ownerId: string;
}

export type MailboxAction = 'read' | 'register';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    mailbox: MailboxAction;
  }
}

export const mailboxResource = (box: { kind: MailboxResource['mailboxKind']; owner_id: string }): MailboxResource => ({
  kind: 'mailbox',
  mailboxKind: box.kind,
  ownerId: box.owner_id,
});

/** The organizations whose mailbox the actor reads: those where they are clerk or leader. */
export function organizationsActedFor(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => ORGANIZATION_READERS.includes(g.role)).map((g) => g.organizationId))];
}

/**
 * Who reads a mailbox reads, writes, files and deletes in it: its account, its person's
 * accounts, and the clerks and leaders of its organization. Letters that came to an
 * organization's mailbox are registered as incoming documents from there alone.
 */
export const mailboxPolicy = definePolicy<MailboxResource>('mailbox', (actor, action, box) => {
  const reads =
    box.mailboxKind === 'user'
      ? box.ownerId === actor.userId
      : box.mailboxKind === 'person'
        ? box.ownerId === actor.account.personId
        : organizationsActedFor(actor).includes(box.ownerId);
  switch (action as MailboxAction) {
    case 'read':
      return reads;
    case 'register':
      return reads && box.mailboxKind === 'organization';
    default:
      return false;
  }
});
