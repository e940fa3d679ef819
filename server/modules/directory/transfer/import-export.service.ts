import { ORGANIZATION_REACH_LABELS, type OrganizationReach } from '../../../../common/exchange';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../../../../common/schemas/directory';
import type {
  ExportQuery,
  ImportMode,
  ImportReport,
  ImportRow,
  TransferKind,
} from '../../../../common/schemas/directory-transfer';
import type { Executor } from '../../../platform/db/database';
import { refreshStatisticsLogged } from '../../../platform/db/statistics';
import type { PlatformDeps } from '../../../platform/deps';
import { auditOf, type Caller } from '../../../platform/security/actor';
import * as errors from '../directory.errors';
import { createDirectoryAccess, type DirectoryAccess } from '../directory.policy';
import * as orgRepo from '../organizations/organizations.repository';
import { treeOrder } from '../organizations/organizations.rules';
import * as reachRepo from '../organizations/reach.repository';
import * as peopleRepo from '../people/people.repository';
import { ORGANIZATION_COLUMNS, PERSON_COLUMNS, readHeader } from './columns.rules';
import { applyOrganizationImport, planOrganizationImport } from './import-organizations.service';
import { applyPeopleImport, planPeopleImport } from './import-people.service';
import { type ImportContext, localPhone } from './import-rows.rules';
import { readTable, writeTable } from './spreadsheet.render';

const KIND_LABEL: Record<TransferKind, string> = { organizations: 'tổ chức', people: 'người' };
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ImportRequest {
  kind: TransferKind;
  mode: ImportMode;
  fileName: string;
  bytes: Buffer;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

function summarize(mode: ImportMode, rows: readonly ImportRow[], committed: boolean) {
  const valid = rows.filter((r) => r.status !== 'rejected');
  const creates = valid.filter((r) => r.action === 'create').length;
  const updates = valid.length - creates;
  const invalid = rows.length - valid.length;
  const counts = `${creates} thêm mới, ${updates} cập nhật`;
  if (mode === 'preview') {
    return `Kiểm tra xong: ${valid.length} dòng hợp lệ (${counts}), ${invalid} dòng lỗi. Chưa ghi gì vào danh bạ.`;
  }
  if (!committed) return `Không nhập dòng nào vì có ${invalid} dòng lỗi. Hãy sửa các dòng lỗi rồi nhập lại.`;
  return invalid > 0
    ? `Đã nhập ${valid.length} dòng (${counts}); bỏ qua ${invalid} dòng lỗi.`
    : `Đã nhập tất cả ${valid.length} dòng (${counts}).`;
}

export function createTransferService(
  deps: PlatformDeps,
  access: DirectoryAccess = createDirectoryAccess(deps.authorizer),
) {
  const { database, clock, transact } = deps;
  const db = database.db;

  async function organizationsTable(ex: Executor): Promise<string[][]> {
    const rows = await orgRepo.allOrganizations(ex);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const mailboxes = await peopleRepo.mailboxAddresses(ex, 'organization');
    const peers = new Map((await reachRepo.allPeerRefs(ex)).map((p) => [p.id, p.node]));
    // Parents before children, so the file imports into an empty directory as it is.
    return treeOrder(rows).map((r) => [
      r.code,
      r.name,
      r.abbreviation,
      ORGANIZATION_TYPE_LABELS[r.type as OrganizationType] ?? r.type,
      r.parent_id ? (byId.get(r.parent_id)?.code ?? '') : '',
      mailboxes.get(r.id) ?? r.mailbox ?? '',
      String(r.sort_order),
      r.national_id ?? '',
      // Empty is inside: a directory of its own organizations reads as before.
      r.reach === 'inside' ? '' : (ORGANIZATION_REACH_LABELS[r.reach as OrganizationReach] ?? r.reach),
      r.peer_id ? (peers.get(r.peer_id) ?? '') : '',
    ]);
  }

  async function peopleTable(ex: Executor): Promise<string[][]> {
    const people = await peopleRepo.allPeople(ex);
    const memberships = await peopleRepo.membershipsOf(
      ex,
      people.map((p) => p.id),
    );
    const mailboxes = await peopleRepo.mailboxAddresses(ex, 'person');
    return people.map((p) => [
      p.full_name,
      p.position ?? '',
      localPhone(p.phone),
      p.email ?? '',
      mailboxes.get(p.id) ?? p.mailbox ?? '',
      (memberships.get(p.id) ?? []).map((m) => m.organizationCode).join(', '),
      p.id,
    ]);
  }

  return {
    authorizeImport(caller: Caller): void {
      access.authorize(caller, 'import', { kind: 'directory' });
    },

    async exportDirectory(caller: Caller, query: ExportQuery): Promise<ExportFile> {
      access.authorize(caller, 'export', { kind: 'directory' });
      const columns = query.kind === 'organizations' ? ORGANIZATION_COLUMNS : PERSON_COLUMNS;
      const rows = query.kind === 'organizations' ? await organizationsTable(db) : await peopleTable(db);
      const sheet = query.kind === 'organizations' ? 'Tổ chức' : 'Người';
      const body = await writeTable(query.format, sheet, columns, rows, query.delimiter === 'semicolon' ? ';' : ',');
      const date = clock.now().toISOString().slice(0, 10).replace(/-/g, '');
      const name = query.kind === 'organizations' ? 'danh-ba-to-chuc' : 'danh-ba-nguoi';
      return { fileName: `${name}-${date}.${query.format}`, contentType: CONTENT_TYPES[query.format], body };
    },

    /**
     * Reads the file, checks every row, and (unless previewing) writes the good rows in one
     * transaction with their audit entries. all_or_nothing writes nothing when a row is bad.
     */
    async importDirectory(caller: Caller, request: ImportRequest): Promise<ImportReport> {
      access.authorize(caller, 'import', { kind: 'directory' });
      const table = await readTable(request.bytes);
      const [header, ...data] = table.rows;
      if (!header || data.length === 0) throw errors.importEmpty();

      const run = async (ex: Executor) => {
        const ctx: ImportContext = {
          ex,
          now: clock.now().toISOString(),
          can: (action, resource) => access.can(caller, action, resource),
        };
        if (request.kind === 'organizations') {
          const plan = await planOrganizationImport(ctx, readHeader(ORGANIZATION_COLUMNS, header.cells).rows(data));
          return {
            reports: plan.reports,
            apply: (audit: Parameters<typeof applyOrganizationImport>[2]) => applyOrganizationImport(ex, plan, audit),
          };
        }
        const plan = await planPeopleImport(ctx, readHeader(PERSON_COLUMNS, header.cells).rows(data));
        return {
          reports: plan.reports,
          apply: (audit: Parameters<typeof applyPeopleImport>[2]) => applyPeopleImport(ex, plan, audit),
        };
      };

      const report = (reports: ImportRow[], committed: boolean): ImportReport => {
        const rows = reports.map((r) =>
          committed && r.status === 'valid'
            ? { ...r, status: r.action === 'create' ? ('created' as const) : ('updated' as const) }
            : r,
        );
        const invalidRows = rows.filter((r) => r.status === 'rejected').length;
        return {
          kind: request.kind,
          mode: request.mode,
          format: table.format,
          totalRows: rows.length,
          validRows: rows.length - invalidRows,
          invalidRows,
          created: rows.filter((r) => r.status === 'created').length,
          updated: rows.filter((r) => r.status === 'updated').length,
          committed,
          message: summarize(request.mode, rows, committed),
          rows,
        };
      };

      if (request.mode === 'preview') return report((await run(db)).reports, false);

      const imported = await transact(async ({ trx, audit }) => {
        // Planned inside the transaction, against the directory as it will be written.
        await orgRepo.lockTree(trx, database.kind);
        const { reports, apply } = await run(trx);
        const invalid = reports.filter((r) => r.status === 'rejected').length;
        const valid = reports.length - invalid;
        if (valid === 0 || (request.mode === 'all_or_nothing' && invalid > 0)) return report(reports, false);
        const actor = auditOf(caller);
        await apply((entry) => audit(actor, entry));
        const done = report(reports, true);
        await audit(actor, {
          action: 'directory.imported',
          entityType: request.kind === 'organizations' ? 'organization' : 'person',
          entityId: null,
          summary: `Nhập danh bạ ${KIND_LABEL[request.kind]} từ tệp ${request.fileName}: ${done.created} thêm mới, ${done.updated} cập nhật${invalid > 0 ? `, bỏ qua ${invalid} dòng lỗi` : ''}`,
          data: {
            fileName: request.fileName,
            format: table.format,
            mode: request.mode,
            created: done.created,
            updated: done.updated,
            rejectedRows: reports.filter((r) => r.status === 'rejected').map((r) => r.row),
          },
        });
        return done;
      });
      // Hundreds of organizations or people at once: the planner's statistics are measured again now.
      if (imported.committed) await refreshStatisticsLogged(database, 'bulk', deps.logger);
      return imported;
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
