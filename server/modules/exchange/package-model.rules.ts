/**
 * Between the product's documents and edXML: the package a document travels as, the status
 * message a copy's step is reported by, and back. Pure: no database, no I/O.
 */
import { PARTY_DOCUMENT_TYPES } from '../../../common/docnumber/format';
import type { DeliveryStatus } from '../../../common/documents';
import {
  type Business,
  documentIdOf,
  type Organ,
  type PackageModel,
  type StatusCode,
  type StatusModel,
} from './edxml.rules';

/** What the package of one document needs to know of it (the documents' PackageSource). */
export interface DocumentFacts {
  organization: { name: string; nationalId: string | null };
  number: number | null;
  numberText: string | null;
  typeCode: string;
  issueDate: string | null;
  summary: string;
  signerName: string | null;
  signerPosition: string | null;
  pageCount: number | null;
  urgency: string;
  dueDate: string | null;
}

const PRIORITY: Record<string, 0 | 1 | 2 | 3> = { normal: 0, urgent: 1, very_urgent: 2, flash: 3 };
const URGENCY = ['normal', 'urgent', 'very_urgent', 'flash'] as const;

/** `05-NQ/HU` → 05 and `NQ/HU`; `05/QĐ-UBND` → 05 and `QĐ-UBND`. */
export function codeOf(numberText: string | null): { codeNumber: string; codeNotation: string } | undefined {
  if (!numberText) return undefined;
  const m = /^(\d+)[-/](.+)$/u.exec(numberText.trim());
  if (!m?.[1] || !m[2]) return { codeNumber: '', codeNotation: numberText.trim() };
  return { codeNumber: m[1], codeNotation: m[2] };
}

/** The notation as the product writes it, from a package's Code: Party style when the notation has a `/`. */
export function numberTextOf(code: { codeNumber: string; codeNotation: string } | undefined): {
  number: number | null;
  numberText: string | null;
} {
  if (!code) return { number: null, numberText: null };
  const digits = code.codeNumber.trim();
  const notation = code.codeNotation.trim();
  const number = /^\d{1,9}$/.test(digits) ? Number(digits) : null;
  if (!digits) return { number: null, numberText: notation || null };
  if (!notation) return { number, numberText: digits };
  return { number, numberText: notation.includes('/') ? `${digits}-${notation}` : `${digits}/${notation}` };
}

/** The package of a document to outside offices; `business` 0 new, 1 recall, 2 update, 3 replace. */
export function packageModelOf(
  doc: DocumentFacts,
  to: Organ[],
  sentAt: string,
  business: Business = { bussinessDocType: 0 },
): PackageModel {
  const typeName = (PARTY_DOCUMENT_TYPES as Record<string, string>)[doc.typeCode] ?? doc.typeCode;
  return {
    header: {
      from: { organId: doc.organization.nationalId ?? '', organName: doc.organization.name },
      to,
      code: codeOf(doc.numberText),
      promulgationInfo: { place: '', promulgationDate: doc.issueDate ?? sentAt.slice(0, 10) },
      documentType: { type: doc.typeCode.slice(0, 10), typeName },
      subject: doc.summary,
      signerInfo: { position: doc.signerPosition ?? undefined, fullName: doc.signerName ?? '' },
      dueDate: doc.dueDate ?? undefined,
      toPlaces: to.map((t) => t.organName),
      otherInfo: { priority: PRIORITY[doc.urgency] ?? 0, pageAmount: doc.pageCount ?? undefined },
    },
    traces: [{ organId: doc.organization.nationalId ?? '', timestamp: sentAt }],
    business,
  };
}

/** The DocumentId a document travels under. */
export const documentRefOf = (doc: DocumentFacts) =>
  documentIdOf({
    from: { organId: doc.organization.nationalId ?? '', organName: doc.organization.name },
    code: codeOf(doc.numberText),
    promulgationInfo: { place: '', promulgationDate: doc.issueDate ?? '' },
  });

/** `OrganId,yyyy/MM/dd,number/notation` read back; null when it is not one. */
export function readDocumentRef(ref: string): { organId: string; day: string; code: string } | null {
  const first = ref.indexOf(',');
  const second = ref.indexOf(',', first + 1);
  if (first <= 0 || second < 0) return null;
  const day = ref.slice(first + 1, second);
  if (!/^\d{4}\/\d{2}\/\d{2}$/.test(day)) return null;
  return { organId: ref.slice(0, first), day: day.replaceAll('/', '-'), code: ref.slice(second + 1) };
}

/** A status message about a copy of the document `documentRef` that `from` received. */
export function statusModelOf(input: {
  documentRef: string;
  from: Organ;
  status: StatusCode;
  description: string | null;
  staff: string;
  at: string;
}): StatusModel {
  const ref = readDocumentRef(input.documentRef);
  return {
    from: input.from,
    responseFor: {
      organId: ref?.organId ?? input.documentRef.split(',')[0] ?? '',
      code: ref?.code ?? '',
      promulgationDate: ref?.day ?? input.at.slice(0, 10),
      documentId: input.documentRef,
    },
    staffInfo: { staff: input.staff.slice(0, 200) },
    statusCode: input.status,
    description: input.description?.slice(0, 2000) ?? undefined,
    timestamp: input.at,
  };
}

/** The product's urgency of a package's priority. */
export const urgencyOf = (priority: number) => URGENCY[priority] ?? 'normal';

/** The status codes a copy's own steps send; the others (13, 15, 16) belong to recalls. */
export const DELIVERY_STATUS_CODES: readonly DeliveryStatus[] = ['01', '02', '03', '04', '05', '06'];
