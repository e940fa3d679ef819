import type { Updateable } from 'kysely';
import { dayInVietnam } from '../../platform/clock';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { updateVersioned } from '../../platform/db/versioned';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';
import { createDocumentAccess } from './documents.access.service';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import { actionLabel, documentKey, factsOf } from './documents.rules';
import type { DocumentsTable } from './documents.tables';

/** What every document step needs: load and authorize, record the step, attach files, keep the index. */
export function createDocumentsCore(deps: PlatformDeps) {
  const { database, clock } = deps;
  const db = database.db;
  const { load, authorized, auditSecretAccess } = createDocumentAccess(deps);

  const today = () => dayInVietnam(clock.now());
  const now = () => clock.now().toISOString();

  /** A step of the document's history, by whom and when, without its note. */
  function step(
    documentId: string,
    actor: Actor | { userId: null; fullName: string },
    kind: string,
    data?: Record<string, unknown>,
  ) {
    return {
      id: newId(),
      document_id: documentId,
      at: now(),
      actor_id: actor.userId,
      actor_name: actor.fullName,
      kind,
      data: data ? JSON.stringify(data) : null,
    };
  }

  async function record(
    trx: Executor,
    documentId: string,
    actor: Actor | { userId: null; fullName: string },
    kind: string,
    note?: string | null,
    data?: Record<string, unknown>,
  ) {
    await repo.addEvent(trx, { ...step(documentId, actor, kind, data), note: note ?? null });
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
  async function advance(trx: Executor, row: repo.DocumentRow, version: number, patch: Updateable<DocumentsTable>) {
    const moved = await updateVersioned(trx, 'documents', row.id, version, { ...patch, updated_at: now() });
    if (!moved) throw staleVersion('Văn bản');
  }

  /**
   * For steps that add to a document without moving it on (comments, files): holds the row
   * and checks it is still in the status the step was allowed in, so a file cannot land on a
   * draft submitted a moment earlier. The version is left alone: adding a comment must not
   * make someone else's pending step stale.
   */
  async function holdInStatus(trx: Executor, row: repo.DocumentRow, what: string) {
    if (!(await repo.touchInStatus(trx, row.id, row.status, now()))) throw errors.wrongStatus(actionLabel(what));
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
    await repo.insertFiles(
      trx,
      uploads.map((u, i) => ({
        id: newId(),
        document_id: documentId,
        sha256: u.sha256,
        file_name: u.fileName,
        kind: kind === 'main' && i > 0 ? 'attachment' : kind,
        added_by: actor.userId,
        added_at: at,
      })),
    );
    // The text found in the files, for the search index.
    return repo.textsOf(
      trx,
      uploads.map((u) => u.sha256),
    );
  }

  /** Rebuilds the search text from the record and the text of every attached file. */
  async function reindex(trx: Executor, documentId: string) {
    const row = await load(trx, documentId);
    const files = await repo.filesOf(trx, documentId);
    const search = repo.searchTextOf(
      [row.number_text, row.type_code, row.summary, row.issuer_name, row.signer_name, row.arrival_number],
      files.map((f) => f.text_content ?? ''),
    );
    await repo.setSearchText(trx, documentId, search);
  }

  /** An active account exists for each id. */
  async function requireUsers(ex: Executor, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<string, { id: string; full_name: string }>();
    const rows = await repo.activeUsers(ex, unique);
    if (rows.length !== unique.length) throw errors.unknownUser();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function isLeaderOver(ex: Executor, userId: string, path: string): Promise<boolean> {
    const paths = await repo.rolePathsOf(ex, userId, 'leader');
    return paths.some((p) => path.startsWith(p));
  }

  return {
    facts: factsOf,
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
    step,
    reindex,
    auditSecretAccess,
    requireUsers,
    isLeaderOver,
    documentKey,
  };
}

export type DocumentsCore = ReturnType<typeof createDocumentsCore>;
