import type { DraftVersionList } from '../../../common/schemas/documents';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';
import * as repo from './documents.repository';
import type { DocumentsCore } from './documents.steps.service';
import * as versions from './versions.repository';

/**
 * A draft's content as saved, one row per save, so earlier versions can be read and compared.
 * What is kept is what the leader signs for: the fields, the recipients by name, the files by hash.
 */
export async function keepVersion(trx: Executor, documentId: string, actor: Actor, at: string) {
  const row = await repo.findDocument(trx, documentId);
  if (!row) return;
  const [recipients, files, last] = await Promise.all([
    repo.recipientsOf(trx, documentId),
    repo.filesOf(trx, documentId),
    versions.lastVersionNumber(trx, documentId),
  ]);
  const main = files.find((f) => f.kind === 'main') ?? files[0];
  const fields = {
    typeCode: row.type_code,
    summary: row.summary,
    signerName: row.signer_name,
    signerPosition: row.signer_position,
    pageCount: row.page_count,
    copies: row.copies,
    secrecy: row.secrecy,
    urgency: row.urgency,
    dueDate: row.due_date,
    recipients: recipients.map((r) => r.name),
    files: files.map((f) => ({ id: f.id, name: f.file_name, sha256: f.sha256 })),
  };
  await versions.insertVersion(trx, {
    id: newId(),
    document_id: documentId,
    number: last + 1,
    saved_by: actor.userId,
    saved_by_name: actor.fullName,
    saved_at: at,
    fields: JSON.stringify(fields),
    main_file_name: main?.file_name ?? null,
    main_file_sha256: main?.sha256 ?? null,
  });
}

export function createDraftVersions(core: DocumentsCore) {
  return {
    /** Every kept version of a draft, oldest first; only for those who may read the draft. */
    async list(actor: Actor, id: string): Promise<DraftVersionList> {
      await core.authorized(core.db, actor, id, 'read');
      const rows = await versions.versionsOf(core.db, id);
      return {
        items: rows.map((r) => {
          const f = JSON.parse(r.fields) as DraftVersionList['items'][number]['fields'] & {
            files: DraftVersionList['items'][number]['files'];
          };
          const { files, ...fields } = f;
          return {
            number: r.number,
            savedAt: r.saved_at,
            savedByName: r.saved_by_name,
            fields,
            files: files ?? [],
            mainFile: r.main_file_sha256 ? { name: r.main_file_name ?? '', sha256: r.main_file_sha256 } : null,
          };
        }),
      };
    },
  };
}
