import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { Channel, Secrecy, Urgency } from '../../../../common/documents';
import type { IncomingWrite, Register } from '../../../../common/schemas/documents';
import { ApiError } from '../../../app/api/client';
import { tdoc } from '../documents.i18n';

/**
 * What the incoming registration form holds, how it starts, what it refuses and the
 * request it sends: kept apart from the drawer so they can be checked without a browser.
 */
export interface IncomingValues {
  registerId: string;
  issuerName: string;
  issuerOrganizationId?: string | null;
  numberText: string;
  typeCode: string;
  issueDate: Dayjs;
  arrivalDate?: Dayjs;
  summary: string;
  signerName?: string;
  signerPosition?: string;
  pageCount?: number | null;
  secrecy: Secrecy;
  urgency: Urgency;
  channel: Channel;
  dueDate?: Dayjs | null;
  uploadIds?: string[];
}

/** The rules of the fields a registration cannot go without. */
export const incomingRules = {
  registerId: [{ required: true, message: tdoc.form.registerRequired }],
  issuerName: [{ required: true, whitespace: true, message: tdoc.form.issuerRequired }],
  numberText: [{ required: true, whitespace: true, message: tdoc.form.numberTextRequired }],
  typeCode: [{ required: true, message: tdoc.form.typeRequired }],
  issueDate: [{ required: true, message: tdoc.form.issueDateRequired }],
} satisfies Record<string, Rule[]>;

/** The summary, which an incoming registration and an outgoing draft both require. */
export const summaryRules: Rule[] = [{ required: true, whitespace: true, message: tdoc.form.summaryRequired }];

/** The registers the person may record an incoming document in. */
export function incomingRegisters(registers: readonly Register[]): Register[] {
  return registers.filter((r) => r.direction === 'incoming' && r.active && r.actions.includes('register'));
}

/** A new registration: the only register when there is one, arriving today (in Vietnam), on paper. */
export function incomingInitialValues(registers: readonly Register[], today: string): Partial<IncomingValues> {
  return {
    registerId: registers.length === 1 ? registers[0]?.id : undefined,
    arrivalDate: dayjs(today),
    secrecy: 'normal',
    urgency: 'normal',
    channel: 'paper',
  };
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** The request that registers the document; `confirmDuplicate` once the clerk has seen the possible duplicates. */
export function incomingBody(v: IncomingValues, clientKey: string, confirmDuplicate: boolean): IncomingWrite {
  return {
    registerId: v.registerId,
    issuerName: v.issuerName,
    issuerOrganizationId: v.issuerOrganizationId ?? null,
    numberText: v.numberText,
    typeCode: v.typeCode,
    issueDate: day(v.issueDate) ?? '',
    arrivalDate: day(v.arrivalDate),
    summary: v.summary,
    signerName: v.signerName || null,
    signerPosition: v.signerPosition || null,
    pageCount: v.pageCount ?? null,
    secrecy: v.secrecy,
    urgency: v.urgency,
    channel: v.channel,
    dueDate: day(v.dueDate) ?? null,
    uploadIds: v.uploadIds ?? [],
    clientKey,
    confirmDuplicate,
  };
}

export interface DuplicateMatch {
  id: string;
  numberText: string | null;
  arrivalNumber: number | null;
}

/** The documents the server thinks this one repeats (ND 30), or null when the failure is another. */
export function duplicateMatches(error: unknown): DuplicateMatch[] | null {
  if (!(error instanceof ApiError) || error.code !== 'documents.possible_duplicate') return null;
  const details = error.details as { matches?: DuplicateMatch[] } | undefined;
  return details?.matches ?? [];
}
