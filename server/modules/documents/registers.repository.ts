import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { RegistersTable } from './documents.tables';

export type RegisterRow = RegistersTable & { organization_name: string; organization_path: string };

const columns = [
  'registers.id',
  'registers.organization_id',
  'registers.direction',
  'registers.secret',
  'registers.name',
  'registers.style',
  'registers.reset',
  'registers.per_type',
  'registers.term_label',
  'registers.issuer_abbreviation',
  'registers.type_codes',
  'registers.active',
  'registers.version',
  'registers.created_at',
  'registers.updated_at',
  'organizations.name as organization_name',
  'organizations.path as organization_path',
] as const;

const base = (ex: Executor) =>
  ex
    .selectFrom('registers')
    .innerJoin('organizations', 'organizations.id', 'registers.organization_id')
    .select(columns);

export async function findRegister(ex: Executor, id: string): Promise<RegisterRow | undefined> {
  return base(ex).where('registers.id', '=', id).executeTakeFirst();
}

/** Registers of the organizations under any of `paths` (materialized path prefixes). */
export async function registersUnder(ex: Executor, paths: readonly string[]): Promise<RegisterRow[]> {
  if (paths.length === 0) return [];
  return base(ex)
    .where((eb) => eb.or(paths.map((p) => eb('organizations.path', 'like', `${p}%`))))
    .orderBy('organizations.path')
    .orderBy('registers.direction')
    .orderBy('registers.secret')
    .orderBy('registers.name')
    .execute();
}

export async function insertRegister(ex: Executor, row: RegistersTable): Promise<void> {
  await ex.insertInto('registers').values(row).execute();
}

export async function registerNameExists(ex: Executor, organizationId: string, name: string, exceptId?: string) {
  let q = ex
    .selectFrom('registers')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function hasIssuedNumbers(ex: Executor, registerId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('register_counters')
    .select('register_id')
    .where('register_id', '=', registerId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** An organization's path, for the registers' rights. */
export async function findOrganization(ex: Executor, id: string) {
  return ex.selectFrom('organizations').select('path').where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the next number of a series inside the caller's transaction. One statement
 * increments (or starts) the counter and returns it; the row stays locked until the
 * transaction ends, so concurrent registrations, in this process or another sharing the
 * database, queue on it. A rolled-back registration gives its number back: no gaps.
 */
export async function takeNumber(trx: Executor, registerId: string, period: string, typeCode: string): Promise<number> {
  const row = await trx
    .insertInto('register_counters')
    .values({ register_id: registerId, period, type_code: typeCode, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['register_id', 'period', 'type_code'])
        .doUpdateSet({ last_number: sql<number>`register_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}
