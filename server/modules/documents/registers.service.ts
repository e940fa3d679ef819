import type { Register, RegisterPatch, RegisterWrite } from '../../../common/schemas/documents';
import { updateVersioned } from '../../platform/db/versioned';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type Actor, auditOf, type Caller, isSystem } from '../../platform/security/actor';
import type { ActionOf } from '../../platform/security/authorize';
import * as errors from './documents.errors';
import type { RegisterResource } from './documents.policy';
import * as repo from './registers.repository';

export function toRegister(row: repo.RegisterRow, actions: Register['actions'] = []): Register {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    direction: row.direction === 'outgoing' ? 'outgoing' : 'incoming',
    secret: row.secret === 1,
    name: row.name,
    style: row.style === 'state' ? 'state' : 'party',
    reset: row.reset === 'term' ? 'term' : row.reset === 'never' ? 'never' : 'year',
    perType: row.per_type === 1,
    termLabel: row.term_label,
    issuerAbbreviation: row.issuer_abbreviation,
    typeCodes: JSON.parse(row.type_codes) as string[],
    active: row.active === 1,
    version: row.version,
    actions,
  };
}

export function createRegistersService(deps: PlatformDeps) {
  const { database, clock, transact, authorizer } = deps;
  const db = database.db;

  async function organizationPath(id: string): Promise<string> {
    const org = await repo.findOrganization(db, id);
    if (!org) throw errors.registerWrongOrganization();
    return org.path;
  }

  const actionsFor = (actor: Actor, row: repo.RegisterRow) => {
    const resource: RegisterResource = { kind: 'register', organizationPath: row.organization_path };
    return authorizer.allowedActions(actor, ['manage', 'register'] as const, resource);
  };

  function authorizeOn(caller: Caller, action: ActionOf<'register'>, path: string) {
    const resource: RegisterResource = { kind: 'register', organizationPath: path };
    if (!isSystem(caller)) authorizer.authorize(caller, action, resource);
  }

  return {
    /** Registers the caller may use: those of every organization they hold a role in, and below. */
    async listRegisters(actor: Actor): Promise<{ items: Register[] }> {
      const paths = actor.grants
        .filter((g) => ['clerk', 'leader', 'admin', 'specialist'].includes(g.role))
        .map((g) => g.organizationPath);
      return { items: (await repo.registersUnder(db, paths)).map((row) => toRegister(row, actionsFor(actor, row))) };
    },

    async createRegister(caller: Caller, input: RegisterWrite): Promise<Register> {
      authorizeOn(caller, 'manage', await organizationPath(input.organizationId));
      if (input.reset === 'term' && !input.termLabel) throw errors.termRequired();
      const id = newId();
      const now = clock.now().toISOString();
      await transact(async ({ trx, audit }) => {
        if (await repo.registerNameExists(trx, input.organizationId, input.name)) {
          throw errors.registerNameTaken(input.name);
        }
        await repo.insertRegister(trx, {
          id,
          organization_id: input.organizationId,
          direction: input.direction,
          secret: input.secret ? 1 : 0,
          name: input.name,
          style: input.style,
          reset: input.reset,
          per_type: input.perType ? 1 : 0,
          term_label: input.termLabel ?? null,
          issuer_abbreviation: input.issuerAbbreviation,
          type_codes: JSON.stringify(input.typeCodes),
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        });
        await audit(auditOf(caller), {
          action: 'register.create',
          entityType: 'register',
          entityId: id,
          summary: `Tạo sổ văn bản ${input.name}`,
          data: input,
        });
      });
      const row = await repo.findRegister(db, id);
      if (!row) throw errors.registerNotFound();
      return toRegister(row, isSystem(caller) ? [] : actionsFor(caller, row));
    },

    async updateRegister(caller: Caller, id: string, input: RegisterPatch): Promise<Register> {
      const current = await repo.findRegister(db, id);
      if (!current) throw errors.registerNotFound();
      authorizeOn(caller, 'manage', current.organization_path);
      // Changing how numbers are made after some were issued would issue them again.
      const rulesChange =
        (input.style !== undefined && input.style !== current.style) ||
        (input.reset !== undefined && input.reset !== current.reset) ||
        (input.perType !== undefined && (input.perType ? 1 : 0) !== current.per_type) ||
        (input.issuerAbbreviation !== undefined && input.issuerAbbreviation !== current.issuer_abbreviation);
      if (rulesChange && (await repo.hasIssuedNumbers(db, id))) throw errors.registerInUse();
      const reset = input.reset ?? current.reset;
      const termLabel = input.termLabel !== undefined ? input.termLabel : current.term_label;
      if (reset === 'term' && !termLabel) throw errors.termRequired();
      if (input.name && (await repo.registerNameExists(db, current.organization_id, input.name, id))) {
        throw errors.registerNameTaken(input.name);
      }
      await transact(async ({ trx, audit }) => {
        // Direction, secrecy and the organization are the register's identity; numbering rules may change.
        const ok = await updateVersioned(trx, 'registers', id, input.version, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.style !== undefined && { style: input.style }),
          ...(input.reset !== undefined && { reset: input.reset }),
          ...(input.perType !== undefined && { per_type: input.perType ? 1 : 0 }),
          ...(input.termLabel !== undefined && { term_label: input.termLabel }),
          ...(input.issuerAbbreviation !== undefined && { issuer_abbreviation: input.issuerAbbreviation }),
          ...(input.typeCodes !== undefined && { type_codes: JSON.stringify(input.typeCodes) }),
          ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
          updated_at: clock.now().toISOString(),
        });
        if (!ok) throw staleVersion('Sổ văn bản');
        await audit(auditOf(caller), {
          action: 'register.update',
          entityType: 'register',
          entityId: id,
          summary: `Sửa sổ văn bản ${current.name}`,
          data: input,
        });
      });
      const row = await repo.findRegister(db, id);
      if (!row) throw errors.registerNotFound();
      return toRegister(row, isSystem(caller) ? [] : actionsFor(caller, row));
    },
  };
}

export type RegistersService = ReturnType<typeof createRegistersService>;
