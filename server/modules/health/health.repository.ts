import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';

/** Throws unless the database answers. */
export async function pingDatabase(ex: Executor): Promise<void> {
  await sql`select 1`.execute(ex);
}
