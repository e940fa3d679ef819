import type { NotificationKind } from '../../../common/meetings';
import { foldVietnamese } from '../../../common/text/fold';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import type { ActionOf } from '../../platform/security/authorize';
import type { UnitOfWork } from '../../platform/transactor';
import { notify } from '../notifications/notify.service';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import { resourceOf } from './documents.view';

/** What every document operation needs: load, authorize, record the step, attach files, keep the index. */
export function createDocumentsCore(deps: PlatformDeps) {
  const { database, clock, authorizer } = deps;
  const db = database.db;

  const today = () => dayInVietnam(clock.now());
  const now = () => clock.now().toISOString();

  async function load(ex: Executor, id: string): Promise<repo.DocumentRow> {
    const row = await repo.findDocument(ex, id);
    if (!row) throw errors.documentNotFound();
    return row;
  }

  /** Loads a document and refuses unless the actor may take `action`; unseen documents are "not found". */
  async function authorized(ex: Executor, actor: Actor, id: string, action: ActionOf<'document'>) {
    const row = await load(ex, id);
    const resource = await resourceOf(ex, actor, row);
    if (!authorizer.can(actor, 'read', resource)) throw errors.documentNotFound();
    if (action !== 'read' && !authorizer.can(actor, action, resource)) {
      // A step someone else already took reads as a conflict, not as a lack of rights.
      const expected = EXPECTED_STATUS[`${row.direction}:${action}`];
      if (expected && expected !== row.status) throw errors.wrongStatus(actionLabel(action));
      authorizer.authorize(actor, action, resource);
    }
    return { row, resource };
  }

  async function record(
    trx: Executor,
    documentId: string,
    actor: Actor | { userId: null; fullName: string },
    kind: string,
    note?: string | null,
    data?: Record<string, unknown>,
  ) {
    await repo.addEvent(trx, {
      id: newId(),
      document_id: documentId,
      at: now(),
      actor_id: actor.userId,
      actor_name: actor.fullName,
      kind,
      note: note ?? null,
      data: data ? JSON.stringify(data) : null,
    });
  }

  /** The document an earlier request with the same client key created, if any. */
  async function sameSubmission(actor: Actor, clientKey: string | undefined) {
    if (!clientKey) return null;
    const existing = await repo.findByClientKey(db, actor.userId, clientKey);
    return existing ? { id: existing.id, created: false } : null;
  }

  /**
   * Creates a document under a fresh id; when the same submission arrives twice at once the
   * unique client key stops the second, which then answers with the first.
   */
  async function createOnce(actor: Actor, clientKey: string | undefined, create: (id: string) => Promise<void>) {
    const id = newId();
    try {
      await create(id);
    } catch (error) {
      const first = isUniqueViolation(error, 'client_key') ? await sameSubmission(actor, clientKey) : null;
      if (first) return first;
      throw error;
    }
    return { id, created: true };
  }

  /** Moves a document on only if nobody else moved it since `version`. */
  async function advance(trx: Executor, row: repo.DocumentRow, version: number, patch: Record<string, unknown>) {
    const res = await trx
      .updateTable('documents')
      .set({ ...patch, version: version + 1, updated_at: now() })
      .where('id', '=', row.id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion('Văn bản');
  }

  /**
   * For steps that add to a document without moving it on (comments, files): holds the row
   * and checks it is still in the status the step was allowed in, so a file cannot land on a
   * draft submitted a moment earlier. The version is left alone: adding a comment must not
   * make someone else's pending step stale.
   */
  async function holdInStatus(trx: Executor, row: repo.DocumentRow, what: string) {
    const res = await trx
      .updateTable('documents')
      .set({ updated_at: now() })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.wrongStatus(actionLabel(what));
  }

  /** Takes the actor's uploads into the document (the upload rows are consumed); returns the files' text. */
  async function attachUploads(
    trx: Executor,
    documentId: string,
    actor: Actor,
    uploadIds: readonly string[],
    kind: 'main' | 'attachment' | 'result',
  ): Promise<string[]> {
    const uploads = await deps.files.takeUploads(trx, actor.userId, uploadIds);
    if (uploads.length === 0) return [];
    const at = now();
    await trx
      .insertInto('document_files')
      .values(
        uploads.map((u, i) => ({
          id: newId(),
          document_id: documentId,
          sha256: u.sha256,
          file_name: u.fileName,
          kind: kind === 'main' && i > 0 ? 'attachment' : kind,
          added_by: actor.userId,
          added_at: at,
        })),
      )
      .execute();
    // The text found in the files, for the search index.
    const texts = await trx
      .selectFrom('blobs')
      .select('text_content')
      .where(
        'sha256',
        'in',
        uploads.map((u) => u.sha256),
      )
      .execute();
    return texts.flatMap((t) => (t.text_content ? [t.text_content] : []));
  }

  /** Rebuilds the search text from the record and the text of every attached file. */
  async function reindex(trx: Executor, documentId: string) {
    const row = await load(trx, documentId);
    const files = await repo.filesOf(trx, documentId);
    const search = repo.searchTextOf(
      [row.number_text, row.type_code, row.summary, row.issuer_name, row.signer_name, row.arrival_number],
      files.map((f) => f.text_content ?? ''),
    );
    await trx.updateTable('documents').set({ search_text: search }).where('id', '=', documentId).execute();
  }

  /** Secret documents: every view and download goes into the audit trail. */
  async function auditSecretAccess(uow: UnitOfWork, actor: Actor, row: repo.DocumentRow, what: 'view' | 'download') {
    if (row.secrecy === 'normal') return;
    await uow.audit(auditActorOf(actor), {
      action: `document.${what}`,
      entityType: 'document',
      entityId: row.id,
      summary: `${what === 'view' ? 'Xem' : 'Tải tệp của'} văn bản mật ${row.number_text ?? ''}`.trim(),
    });
  }

  /** An active account exists for each id. */
  async function requireUsers(ex: Executor, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<string, { id: string; full_name: string }>();
    const rows = await ex
      .selectFrom('users')
      .select(['id', 'full_name'])
      .where('id', 'in', unique)
      .where('disabled', '=', 0)
      .execute();
    if (rows.length !== unique.length) throw errors.unknownUser();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The user holds `leader` in the organization at `path` or above it. */
  /**
   * Tells people of a step on a document, in the step's transaction: in the app at once, by
   * e-mail and SMS after commit. A secret document's news names nothing outside the app.
   */
  async function tell(
    trx: Executor,
    row: Pick<repo.DocumentRow, 'id' | 'secrecy' | 'summary' | 'number_text'>,
    userIds: Iterable<string | null>,
    kind: NotificationKind,
    what: string,
    actorId?: string,
    /** Where the news leads when the reader sees the step elsewhere than on the document itself. */
    link = `/documents/${row.id}`,
  ) {
    const others = [...userIds].filter((id) => id && id !== actorId);
    const label = row.number_text ? `${row.number_text}: ${row.summary}` : row.summary;
    await notify(
      trx,
      others,
      {
        kind,
        title: `${what}: ${label}`.slice(0, 300),
        link,
        entityType: 'document',
        entityId: row.id,
        sensitive: row.secrecy !== 'normal',
      },
      now(),
    );
  }

  async function isLeaderOver(ex: Executor, userId: string, path: string): Promise<boolean> {
    const grants = await ex
      .selectFrom('role_grants as g')
      .innerJoin('organizations as o', 'o.id', 'g.organization_id')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('o.path')
      .where('g.user_id', '=', userId)
      .where('g.role', '=', 'leader')
      .where('u.disabled', '=', 0)
      .execute();
    return grants.some((g) => path.startsWith(g.path));
  }

  return {
    tell,
    db,
    deps,
    today,
    now,
    load,
    authorized,
    record,
    advance,
    sameSubmission,
    createOnce,
    holdInStatus,
    attachUploads,
    reindex,
    auditSecretAccess,
    requireUsers,
    isLeaderOver,
    documentKey: (issuer: string, numberText: string) => `${foldVietnamese(issuer)}|${foldVietnamese(numberText)}`,
  };
}

export type DocumentsCore = ReturnType<typeof createDocumentsCore>;

const EXPECTED_STATUS: Record<string, string> = {
  'incoming:submit': 'registered',
  'incoming:direct': 'submitted',
  'incoming:return': 'submitted',
  'incoming:reassign': 'in_progress',
  'incoming:extend': 'in_progress',
  'incoming:complete': 'in_progress',
  'outgoing:edit': 'draft',
  'outgoing:attach': 'draft',
  'outgoing:submit': 'draft',
  'outgoing:approve': 'submitted',
  'outgoing:return': 'submitted',
  'outgoing:issue': 'approved',
  'outgoing:dispatch': 'issued',
  'outgoing:recall': 'dispatched',
  'outgoing:delete': 'draft',
  'outgoing:withdraw': 'submitted',
  'outgoing:remind': 'dispatched',
};

function actionLabel(action: string): string {
  const labels: Record<string, string> = {
    submit: 'trình văn bản',
    direct: 'cho ý kiến chỉ đạo',
    return: 'trả lại văn bản',
    reassign: 'giao lại văn bản',
    extend: 'gia hạn xử lý',
    complete: 'hoàn thành văn bản',
    attach: 'đính kèm tệp',
    comment: 'ghi ý kiến',
    edit: 'sửa dự thảo',
    approve: 'duyệt văn bản',
    issue: 'cấp số',
    dispatch: 'phát hành',
    recall: 'thu hồi',
    grant: 'chia sẻ văn bản',
    delete: 'xóa dự thảo',
    withdraw: 'rút lại dự thảo',
    remind: 'nhắc nơi nhận',
  };
  return labels[action] ?? 'thực hiện thao tác này';
}
