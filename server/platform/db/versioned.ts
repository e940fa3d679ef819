import type { UpdateObject } from 'kysely';
import type { Executor } from './database';
import type { DB } from './schema';

/** Tables whose rows carry an `id` and a `version` for optimistic concurrency. */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { id: string; version: number } ? K : never;
}[keyof DB];

/**
 * Updates a row only if nobody changed it since `version` was read, and moves
 * the version on. False means the row changed (or vanished) under the editor.
 */
export async function updateVersioned<T extends VersionedTable>(
  ex: Executor,
  table: T,
  id: string,
  version: number,
  patch: UpdateObject<DB, T>,
): Promise<boolean> {
  // Kysely cannot type a query over a union of tables; every member has the
  // same `id` and `version` columns, so one of them stands in for the types.
  const res = await ex
    .updateTable(table as 'users')
    .set({ ...(patch as UpdateObject<DB, 'users'>), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
