import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/ids';
import type { Actor } from '../../platform/security/actor';
import * as errors from './documents.errors';
import * as repo from './documents.repository';
import { checkRegister } from './documents.rules';
import type { DocumentsCore } from './documents.steps.service';
import { expectedOutgoingNumber, issueOutgoingNumber } from './numbering.service';
import { insertRecipients } from './recipients.repository';
import { findRegister } from './registers.repository';

export interface GeneratedDocument {
  organizationId: string;
  registerId: string;
  typeCode: string;
  summary: string;
  secrecy: string;
  signerName: string | null;
  signerPosition: string | null;
  /** The recipients as chosen: people and organizations of the directory. */
  recipients: readonly { kind: 'person' | 'organization'; id: string; name: string }[];
  /** People the document is opened to (the invited, for an invitation). */
  readers: readonly string[];
  /** Makes the file once the number is known; runs inside the numbering transaction. */
  render(numbered: { numberText: string; issueDate: string }): Promise<{ sha256: string; fileName: string }>;
}

/**
 * Documents another module produces and sends itself (an invitation): numbered from the
 * outgoing register, made with the number printed on them, and recorded as dispatched, all
 * in the caller's transaction, so the number is given back if anything after it fails.
 */
export function createGeneratedDocuments(core: DocumentsCore) {
  const { deps, today, now, record } = core;

  return {
    /** Checks the register before the caller starts its transaction: a clear refusal, early. */
    async checkRegister(registerId: string, organizationId: string, secrecy: string, typeCode: string) {
      const register = checkRegister(await findRegister(core.db, registerId), 'outgoing', secrecy, typeCode);
      if (register.organization_id !== organizationId) throw errors.registerWrongOrganization();
      return register;
    },

    /**
     * The number and date the next document of a type would get from the register today, read
     * without holding it: the file can be made with them before the numbering transaction, and
     * `render` then only checks that they are still the ones given.
     */
    async expectedNumber(registerId: string, typeCode: string) {
      const register = await findRegister(core.db, registerId);
      if (!register) throw errors.registerNotFound();
      const issueDate = today();
      return { numberText: await expectedOutgoingNumber(core.db, register, typeCode, issueDate), issueDate };
    },

    async issue(trx: Executor, actor: Actor, input: GeneratedDocument) {
      const register = checkRegister(
        await findRegister(trx, input.registerId),
        'outgoing',
        input.secrecy,
        input.typeCode,
      );
      if (register.organization_id !== input.organizationId) throw errors.registerWrongOrganization();
      const org = await repo.findOrganization(trx, input.organizationId);
      if (!org) throw errors.registerWrongOrganization();
      const day = today();
      const id = newId();
      const at = now();
      let issued: Awaited<ReturnType<typeof issueOutgoingNumber>>;
      try {
        issued = await issueOutgoingNumber(trx, register, input.typeCode, day);
      } catch (error) {
        if (isUniqueViolation(error, 'number_text')) throw errors.numberTaken();
        throw error;
      }
      const file = await input.render({ numberText: issued.numberText, issueDate: day });
      await repo.insertDocument(trx, deps.database.kind, {
        id,
        organization_id: input.organizationId,
        direction: 'outgoing',
        status: 'dispatched',
        register_id: register.id,
        period: issued.period,
        number: issued.number,
        number_text: issued.numberText,
        arrival_number: null,
        arrival_date: null,
        type_code: input.typeCode,
        issuer_name: org.name,
        issuer_organization_id: input.organizationId,
        issue_date: day,
        summary: input.summary.slice(0, 500),
        signer_name: input.signerName,
        signer_position: input.signerPosition,
        page_count: null,
        copies: input.readers.length,
        secrecy: input.secrecy,
        urgency: 'normal',
        channel: 'system',
        due_date: null,
        document_key: null,
        delivery_id: null,
        created_by: actor.userId,
        leader_id: null,
        client_key: null,
        search_text: '',
        version: 1,
        created_at: at,
        updated_at: at,
      });
      await repo.insertFiles(trx, [
        {
          id: newId(),
          document_id: id,
          sha256: file.sha256,
          file_name: file.fileName,
          kind: 'main',
          added_by: actor.userId,
          added_at: at,
        },
      ]);
      await insertRecipients(
        trx,
        input.recipients.map((r) => ({
          id: newId(),
          document_id: id,
          kind: r.kind,
          ref_id: r.id,
          name: r.name.slice(0, 300),
          channel: 'system',
          email: null,
        })),
      );
      await repo.grantAccess(trx, id, [actor.userId], 'created');
      if (input.readers.length > 0) await repo.grantAccess(trx, id, input.readers, 'invited');
      await core.reindex(trx, id);
      await record(trx, id, actor, 'numbered', issued.printed);
      await record(trx, id, actor, 'dispatched', `Gửi ${input.readers.length} người qua hệ thống`, {
        people: input.readers.length,
      });
      return { id, numberText: issued.numberText, issueDate: day, period: issued.period };
    },
  };
}
export type GeneratedDocuments = ReturnType<typeof createGeneratedDocuments>;
