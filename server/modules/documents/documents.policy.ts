import type { DocumentAction } from '../../../common/documents';
import { type Actor, hasRoleOver } from '../../platform/security/actor';
import { definePolicy } from '../../platform/security/authorize';
import { canRead } from './read-access.repository';

declare module '../../platform/security/authorize' {
  interface ResourceActions {
    document: DocumentAction | 'read';
    register: 'read' | 'manage' | 'register' | 'draft';
    delivery: 'read' | 'decide';
  }
}

/**
 * Who may do what with registers and documents. A document resource carries what the
 * service knows of the actor's relation to it (assignments, access rows), so the policy
 * stays a pure function that a list can also apply row by row. Who may read at all is said
 * in read-access.repository.ts, beside the condition the lists apply.
 */
export interface RegisterResource {
  kind: 'register';
  organizationPath: string;
}

export interface DocumentResource {
  kind: 'document';
  direction: 'incoming' | 'outgoing';
  status: string;
  secrecy: string;
  organizationPath: string;
  createdBy: string;
  leaderId: string | null;
  /** The actor's own open assignments on the document. */
  assignments: readonly ('lead' | 'co' | 'info')[];
  /** The open lead is a unit the actor leads or keeps the register of. */
  leadsUnit: boolean;
  /** The document was given (in any role, at any time) to a unit the actor leads, keeps or administers. */
  unitAssigned: boolean;
  /** The actor has been granted or involved (document_access row). */
  granted: boolean;
}

export interface DeliveryResource {
  kind: 'delivery';
  organizationPath: string;
}

const isClerk = (actor: Actor, d: DocumentResource) => hasRoleOver(actor, ['clerk'], d.organizationPath);
const isLeaderOf = (actor: Actor, d: DocumentResource) =>
  d.leaderId === actor.userId || hasRoleOver(actor, ['leader'], d.organizationPath);

function incoming(actor: Actor, action: string, d: DocumentResource): boolean {
  const handles = d.assignments.includes('lead') || d.leadsUnit;
  switch (action) {
    case 'submit':
      return d.status === 'registered' && isClerk(actor, d);
    case 'direct':
      return d.status === 'submitted' && isLeaderOf(actor, d);
    case 'return':
      return d.status === 'submitted' && isLeaderOf(actor, d);
    case 'reassign':
    case 'extend':
      return d.status === 'in_progress' && isLeaderOf(actor, d);
    case 'complete':
    case 'request_extension':
    case 'report_progress':
      return d.status === 'in_progress' && handles;
    case 'decide_extension':
      return d.status === 'in_progress' && isLeaderOf(actor, d);
    case 'attach':
      return (
        (d.status === 'in_progress' && (handles || d.assignments.includes('co'))) ||
        (d.status === 'registered' && isClerk(actor, d))
      );
    case 'comment':
      return d.status !== 'cancelled';
    case 'grant':
      return d.status !== 'cancelled' && (isClerk(actor, d) || isLeaderOf(actor, d));
    case 'reply':
      // Those who handle it answer it: the lead handler, its leaders, the clerk.
      return d.status !== 'cancelled' && (handles || isClerk(actor, d) || isLeaderOf(actor, d));
    default:
      return false;
  }
}

function outgoing(actor: Actor, action: string, d: DocumentResource): boolean {
  const author = d.createdBy === actor.userId || isClerk(actor, d);
  switch (action) {
    case 'edit':
    case 'attach':
    case 'submit':
      return d.status === 'draft' && author;
    case 'approve':
    case 'return':
      return d.status === 'submitted' && d.leaderId === actor.userId;
    case 'issue':
      return d.status === 'approved' && isClerk(actor, d);
    case 'dispatch':
      return d.status === 'issued' && isClerk(actor, d);
    case 'recall':
      return d.status === 'dispatched' && (isClerk(actor, d) || hasRoleOver(actor, ['leader'], d.organizationPath));
    case 'comment':
      return d.status === 'draft' || d.status === 'submitted';
    case 'grant':
      return d.status !== 'recalled' && (isClerk(actor, d) || d.leaderId === actor.userId);
    case 'delete':
      // Only its author, and only while nothing has happened to it beyond his own edits.
      return d.status === 'draft' && d.createdBy === actor.userId;
    case 'withdraw':
      return d.status === 'submitted' && d.createdBy === actor.userId;
    case 'remind':
    case 'update_outside':
      return d.status === 'dispatched' && isClerk(actor, d);
    default:
      return false;
  }
}

export const documentPolicy = definePolicy<DocumentResource>('document', (actor, action, d) => {
  if (!canRead(actor, d)) return false;
  if (action === 'read') return true;
  return d.direction === 'incoming' ? incoming(actor, action, d) : outgoing(actor, action, d);
});

export const registerPolicy = definePolicy<RegisterResource>('register', (actor, action, r) => {
  switch (action) {
    case 'read':
      return hasRoleOver(actor, ['clerk', 'leader', 'admin', 'specialist'], r.organizationPath);
    case 'manage':
      return hasRoleOver(actor, ['clerk', 'admin'], r.organizationPath);
    case 'register':
      return hasRoleOver(actor, ['clerk'], r.organizationPath);
    case 'draft':
      return hasRoleOver(actor, ['clerk', 'leader', 'specialist', 'admin'], r.organizationPath);
    default:
      return false;
  }
});

export const deliveryPolicy = definePolicy<DeliveryResource>('delivery', (actor, action, r) => {
  switch (action) {
    case 'read':
    case 'decide':
      return hasRoleOver(actor, ['clerk'], r.organizationPath);
    default:
      return false;
  }
});

export const documentPolicies = [documentPolicy, registerPolicy, deliveryPolicy];
