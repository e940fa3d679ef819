import type { DeliveryStatus } from '../../../common/documents';
import { eventKinds } from '../../platform/events/events';
import type { createDocumentsModule } from './documents.module';

/**
 * What other modules may know of the documents: the events a document's steps emit, and the
 * synchronous ports (documents another module makes and sends itself).
 */
export type { Arrival, Crossing, OutsideReport, PackageSource } from './crossing.service';
export type { GeneratedDocument, GeneratedDocuments } from './generated.service';

/** The documents module as the composition root and the demo see it. */
export type DocumentsModule = ReturnType<typeof createDocumentsModule>;

/** Which document a step happened to, as its readers name it. */
export interface DocumentFacts {
  documentId: string;
  numberText: string | null;
  summary: string;
  /** `normal` or a secrecy level: news of a secret document names nothing outside the app. */
  secrecy: string;
}

/** A step someone took on the document. */
export interface DocumentStep extends DocumentFacts {
  actorId: string;
}

/** An organization's copy of a dispatched document and the clerks who receive it. */
export interface DeliveryAudience {
  deliveryId: string;
  organizationId: string;
  clerkIds: string[];
}

/** The paper a copy would have needed: the document's own page count, else its files'. */
export interface PaperFacts {
  organizationId: string;
  pageCount: number | null;
  fileSha256s: string[];
}

export interface DocumentEvents {
  /** An incoming document went to a leader for direction, or a draft for signature. */
  'document.submitted': DocumentStep & { direction: 'incoming' | 'outgoing'; leaderId: string };
  /** The author took a draft back from the leader it waited with. */
  'document.withdrawn': DocumentStep & { leaderId: string | null };
  /** People were given the document to handle, co-handle or read (direction or reassignment). */
  'document.assigned': DocumentStep & { assigneeIds: string[] };
  /** Sent: to organizations' inboxes, to people directly; copies counted as paper saved. */
  'document.dispatched': DocumentStep &
    PaperFacts & {
      deliveries: DeliveryAudience[];
      readerIds: string[];
      /** Copies to offices outside the deployment, to travel as edXML packages. */
      outsideDeliveries: { deliveryId: string; organizationId: string }[];
      /** The earlier document this one replaces, when it names one. */
      replacesId: string | null;
      /** Copies delivered inside the system (organizations and people). */
      copies: number;
    };
  /** A document from an office outside the deployment arrived, waiting in these clerks' inboxes. */
  'document.arrived_from_outside': DocumentFacts & { deliveries: DeliveryAudience[] };
  /**
   * The receiving side moved a delivered copy on (accepted, refused, registered, in hand, done):
   * what the sender of a copy from outside is sent back as a status message.
   */
  'document.delivery_moved': {
    deliveryId: string;
    organizationId: string;
    status: DeliveryStatus;
    reason: string | null;
    /** Who did it, as the status message names its staff. */
    byName: string;
    at: string;
  };
  /** The relay (or the exchange) took the outside copies of a dispatched document. */
  'document.outside_copies_delivered': DocumentFacts & PaperFacts & { copies: number };
  /** A dispatched document was recalled; each receiving organization's copy is cancelled. */
  'document.recalled': DocumentStep & {
    reason: string;
    deliveries: (DeliveryAudience & { incomingDocumentId: string | null })[];
    readerIds: string[];
  };
  /**
   * The sender sent the document again to its outside copies as an update (edXML business kind 2):
   * each office is asked to take the new package in place of the one it holds.
   */
  'document.outside_update': DocumentStep & { reason: string; deliveryIds: string[] };
  /** The sender reminded the recipients who had not opened it. */
  'document.reminded': DocumentStep & { deliveries: DeliveryAudience[]; readerIds: string[] };
  /** The sender sent it again to one organization or person. */
  'document.resent': DocumentStep & { delivery: DeliveryAudience | null; readerIds: string[] };
  'document.extension_requested': DocumentStep & { leaderId: string | null; dueDate: string };
  'document.extension_decided': DocumentStep & { requestedBy: string; grantedDue: string | null };
  'document.progress_reported': DocumentStep & { leaderId: string | null; percent: number | null };
  /** A draft was deleted: nothing about it is left to open. */
  'document.draft_deleted': DocumentStep;
  /** A handler's deadline is tomorrow (told once per due date). */
  'document.due_tomorrow': DocumentFacts & { assigneeId: string; dueDate: string };
  /** A handler's deadline has passed (told once per due date). */
  'document.overdue': DocumentFacts & { assigneeId: string; dueDate: string };
}

declare module '../../platform/events/events' {
  interface DomainEvents extends DocumentEvents {}
}

export const documentEventKinds = eventKinds<DocumentEvents>({
  'document.submitted': true,
  'document.withdrawn': true,
  'document.assigned': true,
  'document.dispatched': true,
  'document.outside_copies_delivered': true,
  'document.arrived_from_outside': true,
  'document.delivery_moved': true,
  'document.recalled': true,
  'document.outside_update': true,
  'document.reminded': true,
  'document.resent': true,
  'document.extension_requested': true,
  'document.extension_decided': true,
  'document.progress_reported': true,
  'document.draft_deleted': true,
  'document.due_tomorrow': true,
  'document.overdue': true,
});
