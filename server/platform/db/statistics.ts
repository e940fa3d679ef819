import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database';

/**
 * Keeps the query planner's table statistics current on PostgreSQL. Its autovacuum looks only
 * once a minute and only after 10% of a table changed, and some servers run with it off (this
 * project's test server does): unmeasured, PostgreSQL answered the duplicate check from the
 * organization's index, reading every incoming document of the organization (243 ms at
 * 100,000 documents).
 *
 * - `start`: when the server starts, every table never measured, or much changed since.
 * - `periodic`: the same, from the server's housekeeping timer.
 * - `bulk`: after a bulk load (the demo, a directory import): every table.
 *
 * SQLite is left unmeasured, on purpose. Its planner without statistics goes by the indexes'
 * shapes, which the schema is made for (`documents_duplicate_idx` serves the duplicate check
 * either way). With statistics (`ANALYZE`, even sampled), it sorted the whole register for
 * the document list's first page instead of reading it in entry order: 7 ms became 294 ms at
 * 100,000 documents. Measuring SQLite needs the list's query made plan-proof first.
 */
export type StatisticsMoment = 'start' | 'periodic' | 'bulk';

/** A table is measured again once this share of its rows changed since the last time. */
const POSTGRES_CHANGED_SHARE = 0.1;

export interface StatisticsResult {
  /** The tables measured; none on SQLite. */
  analyzed: string[];
  ms: number;
}

export async function refreshStatistics(database: Database, moment: StatisticsMoment): Promise<StatisticsResult> {
  const started = performance.now();
  const analyzed = database.kind === 'postgres' ? await refreshPostgres(database, moment) : [];
  return { analyzed, ms: Math.round(performance.now() - started) };
}

async function refreshPostgres(database: Database, moment: StatisticsMoment): Promise<string[]> {
  // After a bulk load every table is measured: the server's counts of changed rows reach the
  // statistics views up to a second late, so they cannot tell which tables the load touched.
  const all = moment === 'bulk';
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_stat_user_tables
    where schemaname = current_schema()
      and (${all}
           or coalesce(last_analyze, last_autoanalyze) is null
           or n_mod_since_analyze > ${POSTGRES_CHANGED_SHARE}::float8 * greatest(n_live_tup, 1))
    order by relname`.execute(database.db);
  for (const { relname } of rows) await sql`analyze ${sql.id(relname)}`.execute(database.db);
  return rows.map((r) => r.relname);
}

/**
 * The same, for work that must not fail because of it (a start, a timer, an import that has
 * already committed): the outcome is logged, an error only warned about.
 */
export async function refreshStatisticsLogged(
  database: Database,
  moment: StatisticsMoment,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  try {
    const result = await refreshStatistics(database, moment);
    if (result.analyzed.length > 0) logger.info({ moment, ...result }, 'table statistics measured');
  } catch (err) {
    logger.warn({ err, moment }, 'table statistics could not be measured');
  }
}
