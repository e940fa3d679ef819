import { type Expression, type SqlBool, sql } from 'kysely';
import type { Role } from '../../../common/schemas/roles';
import type { Executor } from '../../platform/db/database';
import { startsWith } from '../../platform/db/search';
import { type Actor, hasRoleOver } from '../../platform/security/actor';
import type { DocumentResource } from './documents.policy';

/**
 * Who may read a document, said twice in one place: as a predicate over what is known of one
 * document (the policy asks it), and as a condition over `d` (documents) and `o` (its
 * organization) that lists apply to a whole set in one query. A test holds the two equal.
 */

const OFFICE: readonly Role[] = ['clerk', 'leader', 'admin'];

export function canRead(actor: Actor, d: DocumentResource): boolean {
  if (d.granted || d.assignments.length > 0 || d.leadsUnit) return true;
  // The same rule the lists apply: a unit's office sees what was given to the unit, unless secret.
  if (d.unitAssigned && d.secrecy === 'normal') return true;
  if (d.secrecy !== 'normal') return hasRoleOver(actor, ['clerk'], d.organizationPath);
  return hasRoleOver(actor, OFFICE, d.organizationPath);
}

export interface Visibility {
  userId: string;
  /** Paths where the actor is clerk, leader or administrator: every ordinary document there. */
  officePaths: readonly string[];
  /** Paths where the actor keeps the registers: secret documents there too. */
  clerkPaths: readonly string[];
}

export function visibilityOf(actor: Actor): Visibility {
  return {
    userId: actor.userId,
    officePaths: actor.grants.filter((g) => OFFICE.includes(g.role)).map((g) => g.organizationPath),
    clerkPaths: actor.grants.filter((g) => g.role === 'clerk').map((g) => g.organizationPath),
  };
}

const anyPrefix = (column: string, paths: readonly string[]): Expression<SqlBool> =>
  paths.length === 0
    ? sql<SqlBool>`1 = 0`
    : sql<SqlBool>`(${sql.join(
        paths.map((p) => startsWith(column, p)),
        sql` or `,
      )})`;

/** The documents a user may see, as one condition over `d` (documents) and `o` (its organization). */
export function visibleTo(v: Visibility): Expression<SqlBool> {
  return sql<SqlBool>`(
    d.id in (select document_id from document_access where user_id = ${v.userId})
    or d.id in (select document_id from document_assignments where user_id = ${v.userId})
    or (d.secrecy = 'normal' and (${anyPrefix('o.path', v.officePaths)}
      or d.id in (select a.document_id from document_assignments a
        join organizations ao on ao.id = a.organization_id where ${anyPrefix('ao.path', v.officePaths)})))
    or (d.secrecy <> 'normal' and ${anyPrefix('o.path', v.clerkPaths)})
  )`;
}

/** Which of these documents the condition lets the user see. */
export async function visibleAmong(ex: Executor, v: Visibility, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .select('d.id')
    .where('d.id', 'in', [...ids])
    .where(visibleTo(v))
    .execute();
  return new Set(rows.map((r) => r.id));
}
