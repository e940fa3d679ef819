import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Transaction } from 'kysely';
import { DELIVERY_STATUS, DOCUMENT_LIMITS } from '../../../common/documents';
import { isUniqueViolation } from '../../platform/db/errors';
import type { DB } from '../../platform/db/schema';
import type { PlatformDeps } from '../../platform/deps';
import type { StagedFile } from '../../platform/files/file-store';
import { DomainError } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import type { DirectoryService } from '../directory/directory.contract';
import type { Crossing } from '../documents/documents.contract';
import * as errors from './arrival.errors';
import { drainedOrClosed } from './attachment.rules';
import { type Correction, documentIdOf } from './edxml.rules';
import { type AttachmentSink, type DeclaredAttachment, parsePackage } from './edxml-parse.rules';
import * as repo from './exchange.repository';
import type { Outbound } from './outbound.service';
import { numberTextOf, urgencyOf } from './package-model.rules';

/** Where a message came from, as the exchange records it. */
export interface MessageOrigin {
  /** `peer:<id>`, `platform` or `file`. */
  source: string;
  /** The sender's own id of the message, when it gave one (absent for a file brought by hand). */
  remoteId: string | null;
  /** The peer it came through: only organizations reached through it may be its senders. */
  peerId: string | null;
  secrecy: string;
  /** For the history: how it came. */
  via: string;
  /** A file brought by hand for one organization of ours: it receives it, whatever `To` says. */
  onlyFor?: string;
}

export interface TakenPackage {
  messageId: string;
  /** Nothing new was made: the same message, or the same document to the same offices, came before. */
  duplicate: boolean;
  documentId: string | null;
  deliveries: { deliveryId: string; organizationId: string }[];
  documentRef: string;
  corrections: Correction[];
  attachments: { name: string; contentType: string; size: number }[];
  numberText: string | null;
  notation: string | null;
  issuer: string;
  subject: string;
  issueDate: string;
}

/** What taking a package asks of the directory: an office first met through the exchange, added. */
export type OutsideDirectory = Pick<DirectoryService, 'addOutsideOrganization'>;

/**
 * Runs a message's transaction again once when another request stored the same message or the
 * same copy meanwhile (a unique index refused this one): the second run finds it and answers
 * duplicate instead of failing.
 */
export async function storedOnce<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error, 'document_ref') && !isUniqueViolation(error, 'remote_id')) throw error;
    return work();
  }
}

/**
 * A package taken in: its attachments streamed into the file store while it is parsed, then in
 * one transaction the message row, the sender, our recipients, the copies waiting in each
 * receiving clerk's inbox and the status 01 back. A recall, an update or a replacement asks our
 * clerk about the copy it concerns.
 */
export function createPackageIntake(
  deps: PlatformDeps,
  crossing: Crossing,
  outbound: Outbound,
  directory: OutsideDirectory,
) {
  const { clock, config } = deps;
  const nowIso = () => clock.now().toISOString();

  /** A sink that streams one attachment into the file store, staged until the transaction takes it. */
  function stagingSink(
    declared: DeclaredAttachment,
    staged: (StagedFile | Error)[],
    pending: Promise<void>[],
    sender: string,
  ) {
    const pass = new PassThrough();
    const index = staged.length;
    staged.push(new Error('pending'));
    let closed = false;
    pass.on('close', () => {
      closed = true;
    });
    pending.push(
      deps.files
        .receive(pass, {
          fileName: declared.name || `tep-${index + 1}`,
          maxBytes: config.exchange.maxBytes,
          // Each source is a sender of its own: one busy peer does not hold up the others' readings.
          sender: `exchange:${sender}`,
          // Taken while parsing, before the package's transaction: one document to many offices is read once.
          reuseReading: true,
        })
        .then(
          (file) => {
            staged[index] = file;
          },
          (error: Error) => {
            staged[index] = error;
            closed = true;
            pass.resume();
          },
        ),
    );
    const sink: AttachmentSink = {
      async write(bytes) {
        if (closed) return;
        if (!pass.write(bytes)) await drainedOrClosed(pass);
      },
      end() {
        if (!closed) pass.end();
      },
    };
    return sink;
  }

  async function discardAll(staged: (StagedFile | Error)[]) {
    for (const f of staged) if (!(f instanceof Error)) await f.discard();
  }

  /** The outside office a package says it is from, if it may be: known, and reached the way it came. */
  async function senderOf(trx: Transaction<DB>, organId: string, organName: string, origin: MessageOrigin) {
    const [org] = await crossing.organizationsByNationalId(trx, [organId]);
    if (origin.peerId) {
      if (org?.reach !== 'peer' || org.peer_id !== origin.peerId) throw errors.senderNotReached(organId);
      return org;
    }
    if (org) {
      if (org.reach === 'inside') throw errors.senderNotReached(organId);
      return org;
    }
    // An office on the exchange platform writing for the first time, or a file brought by hand.
    return directory.addOutsideOrganization(trx, { nationalId: organId, name: organName, at: nowIso() });
  }

  async function takePackage(file: string, origin: MessageOrigin): Promise<TakenPackage> {
    const staged: (StagedFile | Error)[] = [];
    const pending: Promise<void>[] = [];
    let parsed: Awaited<ReturnType<typeof parsePackage>>;
    try {
      parsed = await parsePackage(fs.createReadStream(file), (declared) =>
        stagingSink(declared, staged, pending, origin.source),
      );
      await Promise.all(pending);
    } catch (error) {
      await Promise.allSettled(pending);
      await discardAll(staged);
      throw error;
    }
    const corrections = [...parsed.corrections];
    const kept: { file: StagedFile; name: string }[] = [];
    for (const [i, f] of staged.entries()) {
      const name = parsed.attachments[i]?.name ?? `tep-${i + 1}`;
      if (f instanceof Error) {
        const reason = f instanceof DomainError ? f.message : 'không đọc được';
        corrections.push({ code: 'exchange.attachment_not_kept', message: `Không nhận tệp "${name}": ${reason}` });
      } else {
        kept.push({ file: f, name });
        // The reader already said when a name or type did not match the bytes.
        for (const w of f.warnings)
          if (w.code !== 'files.renamed' || !parsed.corrections.some((c) => c.code === 'edxml.attachment_name'))
            corrections.push({ code: w.code, message: w.message });
      }
    }
    const h = parsed.model.header;
    const documentRef = documentIdOf(h);
    const business = parsed.model.business?.bussinessDocType ?? 0;
    // A field longer than the register keeps is cut to fit, and the clerk is told.
    const fit = (value: string | null | undefined, max: number, label: string) => {
      if (!value || value.length <= max) return value || null;
      corrections.push({
        code: 'edxml.text_shortened',
        message: `${label} dài ${value.length} ký tự, quá ${max} ký tự sổ văn bản giữ: giữ ${max} ký tự đầu.`,
      });
      return value.slice(0, max);
    };
    const code = numberTextOf(h.code);
    const number = code.number;
    const numberText = fit(code.numberText, DOCUMENT_LIMITS.numberText, 'Số, ký hiệu');
    const subject = fit(h.subject, DOCUMENT_LIMITS.summary, 'Trích yếu');
    const signerName = fit(h.signerInfo.fullName, DOCUMENT_LIMITS.signer, 'Người ký');
    const signerPosition = fit(h.signerInfo.position, DOCUMENT_LIMITS.signer, 'Chức vụ người ký');
    const summary = {
      documentRef,
      corrections,
      attachments: kept.map((k) => ({ name: k.file.fileName, contentType: k.file.contentType, size: k.file.size })),
      numberText,
      notation: h.code?.codeNotation.trim() || null,
      issuer: h.from.organName,
      subject: subject ?? '',
      issueDate: h.promulgationInfo.promulgationDate,
    };
    try {
      return await storedOnce(() =>
        deps.transact(async ({ trx }) => {
          const messageId = newId();
          const recorded = await repo.insertReceived(trx, {
            id: messageId,
            direction: 'in',
            kind: 'package',
            business,
            status_code: null,
            source: origin.source,
            remote_id: origin.remoteId,
            from_id: h.from.organId,
            to_id: h.to
              .map((t) => t.organId)
              .join(',')
              .slice(0, 64),
            document_ref: documentRef,
            delivery_id: null,
            state: 'stored',
            attempts: 1,
            last_error: null,
            package_sha256: null,
            size: null,
            warnings: corrections.length > 0 ? JSON.stringify(corrections) : null,
            created_at: nowIso(),
            updated_at: nowIso(),
            done_at: nowIso(),
          });
          const none = { messageId, documentId: null, deliveries: [], ...summary };
          if (!recorded) return { ...none, duplicate: true };
          const sender = await senderOf(trx, h.from.organId, h.from.organName, origin);
          const reason = parsed.model.business?.bussinessDocReason ?? null;
          if (business === 1) {
            await askRecall(trx, documentRef, sender.name, reason);
            return { ...none, duplicate: false };
          }
          // An update or a replacement of a document we hold arrives as a copy of its own, and the
          // earlier copy is asked of the clerk as a recall is: nothing the sender sent is dropped.
          // A replacement names what it replaces (ReplacementInfo); one that does not, or an update,
          // is about the document under its own DocumentId.
          let linkRef = documentRef;
          if (business === 2 || business === 3) {
            const what = business === 2 ? 'Cập nhật bằng văn bản gửi lại' : 'Thay thế bằng văn bản mới';
            const asked = reason ? `${what}: ${reason}` : what;
            const named = (parsed.model.business?.replacementInfo ?? [])
              .map((x) => x.documentId)
              .filter((ref) => ref !== documentRef);
            const held = (await repo.linksOf(trx, 'in', documentRef)).length > 0;
            // A replacement already held is the same document again: answered as a duplicate below.
            if (business === 3 && named.length > 0) {
              if (!held)
                for (const ref of new Set(named))
                  if ((await repo.linksOf(trx, 'in', ref)).length > 0) await askRecall(trx, ref, sender.name, asked);
            } else if (held) {
              linkRef = `${documentRef}#${business}:${origin.remoteId ?? messageId}`.slice(0, 300);
              await askRecall(trx, documentRef, sender.name, asked);
            }
          }
          let ours = (
            await crossing.organizationsByNationalId(
              trx,
              h.to.map((t) => t.organId),
            )
          ).filter((o) => o.reach === 'inside');
          if (origin.onlyFor) {
            const chosen = origin.onlyFor;
            if (!ours.some((o) => o.id === chosen))
              corrections.push({
                code: 'exchange.recipient_chosen',
                message: 'Gói tin không ghi cơ quan nhận là tổ chức đã chọn; nhận theo tổ chức đã chọn.',
              });
            const org = await crossing.organization(trx, chosen);
            ours = org ? [org] : [];
          }
          if (ours.length === 0) throw errors.noRecipientHere(h.to.map((t) => t.organId));
          const known = new Set(
            (
              await repo.linksOf(
                trx,
                'in',
                linkRef,
                ours.map((o) => o.id),
              )
            ).map((l) => l.organization_id),
          );
          const fresh = ours.filter((o) => !known.has(o.id));
          if (fresh.length === 0) return { ...none, duplicate: true };
          for (const k of kept) await k.file.commit(trx);
          const fileTexts = await crossing.fileTexts(
            trx,
            kept.map((k) => k.file.sha256),
          );
          const arrived = await crossing.arrive(trx, {
            sourceOrganizationId: sender.id,
            organizationIds: fresh.map((o) => o.id),
            number,
            numberText,
            typeCode: (h.documentType.type || 'CV').slice(0, 10),
            issueDate: h.promulgationInfo.promulgationDate,
            summary: subject || h.documentType.typeName || '(không có trích yếu)',
            signerName,
            signerPosition,
            pageCount: h.otherInfo.pageAmount ?? null,
            secrecy: origin.secrecy,
            urgency: urgencyOf(h.otherInfo.priority),
            dueDate: h.dueDate ?? null,
            files: kept.map((k, i) => ({
              sha256: k.file.sha256,
              fileName: k.file.fileName,
              kind: i === 0 ? 'main' : 'attachment',
            })),
            fileTexts,
            via: `${origin.via}${corrections.length > 0 ? ` (đã sửa ${corrections.length} chỗ chưa đúng chuẩn)` : ''}`,
          });
          await repo.insertLinks(
            trx,
            arrived.deliveries.map((d) => ({
              delivery_id: d.deliveryId,
              side: 'in',
              document_ref: linkRef,
              organization_id: d.organizationId,
              remote_org_id: h.from.organId,
              remote_org_name: sender.name,
              source: origin.source,
              recall_state: null,
              recall_reason: null,
              created_at: nowIso(),
            })),
          );
          // The sender hears at once that it arrived.
          for (const d of arrived.deliveries)
            await outbound.statusBack(trx, d.deliveryId, DELIVERY_STATUS.sent, null, 'Văn thư', nowIso());
          return {
            ...summary,
            messageId,
            duplicate: false,
            documentId: arrived.documentId,
            deliveries: arrived.deliveries,
          };
        }),
      );
    } finally {
      // A file the transaction took is already in the store (its discard is then a no-op); the rest go.
      await discardAll(staged);
    }
  }

  async function askRecall(trx: Transaction<DB>, documentRef: string, by: string, reason: string | null) {
    const links = await repo.linksOf(trx, 'in', documentRef);
    if (links.length === 0) throw errors.unknownDocument();
    for (const link of links) {
      if (link.recall_state === 'requested') continue;
      await repo.setRecall(trx, link.delivery_id, 'requested', reason);
      await crossing.recallAsked(trx, link.delivery_id, by, reason);
    }
  }

  return { takePackage };
}
