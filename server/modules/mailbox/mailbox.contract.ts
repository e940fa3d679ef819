import { eventKinds } from '../../platform/events/events';

/** One mailbox a message reached: its copy there and the active accounts that read it. */
export interface MailDeliveredTo {
  mailboxId: string;
  mailboxKind: 'organization' | 'person' | 'user';
  mailboxName: string;
  /** The copy of the message in this mailbox. */
  itemId: string;
  /** The accounts that read this mailbox, each once. */
  readers: string[];
}

/** A message reached mailboxes of the office: written inside, or received over SMTP. */
export interface MailDelivered {
  messageId: string;
  subject: string;
  fromName: string | null;
  fromAddress: string;
  /** UTC ISO-8601: when the copies were filed. */
  deliveredAt: string;
  /** The account that wrote it, if written inside: it needs no news of its own mail. */
  senderId: string | null;
  mailboxes: MailDeliveredTo[];
}

export interface MailboxEvents {
  'mail.delivered': MailDelivered;
}

declare module '../../platform/events/events' {
  interface DomainEvents extends MailboxEvents {}
}

export const mailboxEventKinds = eventKinds<MailboxEvents>({ 'mail.delivered': true });

/** The mailboxes as the composition root builds them. */
export type { MailboxModule } from './mailbox.module';
