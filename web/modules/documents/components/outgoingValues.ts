import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { Secrecy, Urgency } from '../../../../common/documents';
import type { RoleGrant } from '../../../../common/schemas/auth';
import type { DocumentView, OutgoingPatch, OutgoingWrite, RecipientWrite } from '../../../../common/schemas/documents';
import { tdoc } from '../documents.i18n';

/**
 * What the outgoing draft form holds, how it starts (new, answering an incoming document,
 * or editing a draft), what it refuses and the request it sends.
 */
export interface OutgoingValues {
  organizationId: string;
  typeCode: string;
  summary: string;
  signerName?: string | null;
  signerPosition?: string | null;
  pageCount?: number | null;
  copies?: number | null;
  secrecy: Secrecy;
  urgency: Urgency;
  dueDate?: Dayjs | null;
  recipients: RecipientChoice[];
  uploadIds?: string[];
  /** The earlier dispatched outgoing document of the organization this one replaces. */
  replacesId?: string | null;
}

/**
 * A recipient as the form holds it: what the server needs, plus a name to show and, for an
 * organization outside the deployment, a mark saying so.
 */
export type RecipientChoice = RecipientWrite & { label: string; outside?: boolean };

/** What the server takes: the chosen recipients without what is only shown. */
export function toRecipientWrites(list: RecipientChoice[]): RecipientWrite[] {
  return list.map(({ label: _label, outside: _outside, ...r }) => r as RecipientWrite);
}

/** An answer may say how an organization is reached; one that does not is inside. */
const isOutside = (recipient: object): boolean =>
  'reach' in recipient && typeof recipient.reach === 'string' && recipient.reach !== 'inside';

export const outgoingRules = {
  organizationId: [{ required: true, message: tdoc.form.organizationRequired }],
  typeCode: [{ required: true, message: tdoc.form.typeRequired }],
} satisfies Record<string, Rule[]>;

const DRAFTING_ROLES = new Set(['clerk', 'leader', 'specialist', 'admin']);

/** The organizations the person drafts for, once each, as [id, name]. */
export function draftingOrganizations(roles: readonly RoleGrant[]): [string, string][] {
  return [
    ...new Map(roles.filter((r) => DRAFTING_ROLES.has(r.role)).map((r) => [r.organizationId, r.organizationName])),
  ];
}

function recipientsOf(view: DocumentView): RecipientChoice[] {
  return view.recipients.flatMap((r): RecipientChoice[] => {
    if (r.kind === 'external') {
      const channel = r.channel === 'email' ? 'email' : 'paper';
      return [{ kind: 'external', name: r.name, channel, email: r.email, label: r.name }];
    }
    if (!r.id) return [];
    return [
      {
        kind: r.kind,
        id: r.id,
        label: r.name,
        ...(r.kind === 'organization' && isOutside(r) ? { outside: true } : {}),
      },
    ];
  });
}

/**
 * A draft being edited shows what it holds; a new one is an official letter (CV) of the
 * person's only organization; an answer is drafted by the organization that received
 * the incoming document, about it, to who wrote it when the directory knows them.
 */
export function outgoingInitialValues({
  draft,
  replyTo,
  organizations,
}: {
  draft?: DocumentView;
  replyTo?: DocumentView;
  organizations: [string, string][];
}): Partial<OutgoingValues> {
  if (draft) {
    return {
      organizationId: draft.organizationId,
      typeCode: draft.typeCode,
      summary: draft.summary,
      signerName: draft.signerName,
      signerPosition: draft.signerPosition,
      pageCount: draft.pageCount,
      copies: draft.copies,
      secrecy: draft.secrecy,
      urgency: draft.urgency,
      dueDate: draft.dueDate ? dayjs(draft.dueDate) : null,
      recipients: recipientsOf(draft),
      replacesId: draft.replaces?.documentId ?? null,
    };
  }
  return {
    organizationId:
      replyTo && organizations.some(([id]) => id === replyTo.organizationId)
        ? replyTo.organizationId
        : organizations.length === 1
          ? organizations[0]?.[0]
          : undefined,
    secrecy: 'normal',
    urgency: 'normal',
    typeCode: 'CV',
    ...(replyTo && { summary: tdoc.form.replySubject(replyTo.numberText, replyTo.issuerName) }),
    recipients: replyTo?.issuerOrganizationId
      ? [{ kind: 'organization', id: replyTo.issuerOrganizationId, label: replyTo.issuerName }]
      : [],
  };
}

function draftFields(v: OutgoingValues) {
  return {
    typeCode: v.typeCode,
    summary: v.summary,
    signerName: v.signerName || null,
    signerPosition: v.signerPosition || null,
    pageCount: v.pageCount ?? null,
    copies: v.copies ?? null,
    secrecy: v.secrecy,
    urgency: v.urgency,
    dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
    recipients: toRecipientWrites(v.recipients ?? []),
    uploadIds: v.uploadIds ?? [],
  };
}

/** The request that creates a draft, answering `replyToId` when given. */
export function outgoingCreateBody(v: OutgoingValues, clientKey: string, replyToId?: string): OutgoingWrite {
  return {
    ...draftFields(v),
    organizationId: v.organizationId,
    clientKey,
    ...(replyToId && { replyToId }),
    ...(v.replacesId && { replacesId: v.replacesId }),
  };
}

/**
 * The request that changes a draft, at the version the form was filled from. The document
 * replaced is sent only when changed (null clears it): one the editor may not see stays.
 */
export function draftPatchBody(
  v: OutgoingValues,
  version: number,
  replacesBefore: string | null = null,
): OutgoingPatch {
  const replacesId = v.replacesId ?? null;
  return { ...draftFields(v), version, ...(replacesId !== replacesBefore && { replacesId }) };
}
