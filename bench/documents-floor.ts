import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../server/platform/ids';
import type { Statement } from './documents-capture';

/**
 * The values of registration `k` of a replay: those that did not change between the two
 * registrations captured last (the register, the clerk, the constants) stay; each one that
 * did becomes a new one of its kind, the same wherever it occurs: a new id, new hex digits, the time now, a
 * number that goes on counting, text made unique. So unique keys hold, and the arrival
 * number and audit sequence the replay writes are the ones its counter and head give out.
 */
export function replayValues(before: Statement[], last: Statement[]) {
  const same = before.length === last.length && before.every((s, i) => s.sql === last[i]?.sql);
  if (!same) throw new Error('two registrations ran different statements; a replay would not be faithful');
  return (k: number): unknown[][] => {
    const fresh = new Map<string, string>();
    return last.map((s, i) =>
      s.parameters.map((v, j) => {
        const was = before[i]?.parameters[j];
        if (v === was) return v;
        if (typeof v === 'number' && typeof was === 'number') return v + k * (v - was);
        if (typeof v !== 'string') return v;
        let value = fresh.get(v);
        if (value === undefined) {
          if (/^[0-9a-z]{26}$/.test(v)) value = newId();
          else if (/^[0-9a-f]{16,}$/.test(v)) value = randomBytes(v.length / 2).toString('hex');
          else if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v)) value = new Date().toISOString();
          else value = `${v} #${k}`;
          fresh.set(v, value);
        }
        return value;
      }),
    );
  };
}

/**
 * The SQLite floor: the product's own statements of one registration, their SQL texts as
 * captured, replayed through plain better-sqlite3 with prepared statements and the product's
 * PRAGMAs, one after the other on one connection as the product's one connection runs them.
 * `from` is how many registrations earlier replays on the same file made.
 */
export function sqliteFloor(file: string, captured: Statement[][], count: number, from: number) {
  const before = captured.at(-2) ?? [];
  const last = captured.at(-1) ?? [];
  const values = replayValues(before, last);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    const statements = last.map((s) => db.prepare(s.sql));
    const replayed: string[] = [];
    const started = performance.now();
    for (let k = from + 1; k <= from + count; k++) {
      const params = values(k);
      statements.forEach((statement, i) => {
        const bound = params[i] ?? [];
        if (statement.reader) statement.all(bound);
        else statement.run(bound);
        if (k === from + 1) replayed.push(statement.source);
      });
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      perSecond: Math.round(count / seconds),
      /** The floor ran the product's statements, in the product's order. */
      sameStatements: replayed.length === last.length && replayed.every((sql, i) => sql === last[i]?.sql),
    };
  } finally {
    db.close();
  }
}

const INSERT = /^insert into "(\w+)" \(([^)]*)\) values \(([^)]*)\)(.*)$/s;
/** The audit entry written with the head's move in one statement (PostgreSQL). */
const AUDIT_WITH_HEAD = /^with "entry" as \(insert into "(audit_events)" \(([^)]*)\) values \(([^)]*)\)\)(.*)$/s;
/** The arrival number taken and written into the document and its step in one statement (PostgreSQL). */
const ARRIVAL = /^\s*with n as \(\s*insert into register_counters/;
const columnsOf = (list: string) => list.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));

/**
 * The PostgreSQL floor's statement: the writes of the product's registration transaction as
 * one statement of data-modifying CTEs, their columns and values taken from the captured
 * statements. The counter's upsert gives the arrival number the document is inserted with
 * (the product inserts, then patches it in); the audit head, locked, gives the sequence and
 * previous hash. A transaction that writes anything else stops the benchmark, so the floor
 * cannot drift from the product.
 */
export function postgresFloorStatement(before: Statement[], last: Statement[]) {
  const values = replayValues(before, last);
  const begin = last.findIndex((s) => s.sql === 'begin');
  const commit = last.findIndex((s) => s.sql === 'commit');
  const inTransaction = last.slice(begin + 1, commit);
  return {
    writes: inTransaction.map((s) => s.sql.split(' (')[0] ?? '').filter((head) => !head.startsWith('select')),
    build(k: number): { text: string; params: unknown[] } {
      const all = values(k).slice(begin + 1, commit);
      const params: unknown[] = [];
      const bind = (v: unknown) => `$${params.push(v)}`;
      const patch = new Map<string, unknown>();
      inTransaction.forEach((s, i) => {
        if (ARRIVAL.test(s.sql)) {
          // The number, the document's period and search words, and the step, in one statement.
          patch.set('period', all[i]?.[2]);
          patch.set('search_text', all[i]?.[3]);
          return;
        }
        const m = /^update "documents" set (.*) where "id" = \$\d+$/.exec(s.sql);
        if (!m?.[1]) return;
        const cols = [...m[1].matchAll(/"(\w+)" = \$(\d+)/g)];
        for (const [, col, n] of cols) if (col) patch.set(col, all[i]?.[Number(n) - 1]);
      });
      // The counter and the audit head come first: the other writes take their values.
      const sources: string[] = [];
      const ctes: string[] = [];
      inTransaction.forEach((s, i) => {
        const p = all[i] ?? [];
        const insert = INSERT.exec(s.sql) ?? AUDIT_WITH_HEAD.exec(s.sql);
        const auditWithHead = insert !== null && s.sql.startsWith('with "entry"');
        if (ARRIVAL.test(s.sql)) {
          // The product's statement locks the audit head as well, for the entry that follows.
          if (/from audit_head where id = 1 for update/.test(s.sql)) {
            sources.push(`head as (select seq, hash from audit_head where id = 1 for update)`);
          }
          sources.push(
            `counter as (insert into register_counters (register_id, period, type_code, last_number) values (${bind(p[0])}, ${bind(p[1])}, '', 1) on conflict (register_id, period, type_code) do update set last_number = register_counters.last_number + 1 returning last_number)`,
          );
          // $7 is the placeholder the notes hold; $8 on, the step (one, for a registration).
          const step = p.slice(7, 15);
          const note = `replace(${bind(step[6])}, ${bind(p[6])}, (select last_number from counter)::text)`;
          ctes.push(
            `w${i} as (insert into document_events (id, document_id, at, actor_id, actor_name, kind, note, data) values (${step
              .slice(0, 6)
              .map(bind)
              .join(', ')}, ${note}, ${bind(step[7])}))`,
          );
        } else if (s.sql.startsWith('insert into "register_counters"')) {
          sources.push(`counter as (${s.sql.replace(/\$(\d+)/g, (_, n: string) => bind(p[Number(n) - 1]))})`);
        } else if (insert?.[1] && insert[2]) {
          const [, table, list, , rest] = insert;
          const cols = columnsOf(list);
          const vals = cols.map((col, c) => {
            if (table === 'documents' && col === 'arrival_number') return '(select last_number from counter)';
            if (table === 'documents' && patch.has(col)) return bind(patch.get(col));
            if (table === 'audit_events' && col === 'seq') return '(select seq + 1 from head)';
            if (table === 'audit_events' && col === 'prev_hash') return '(select hash from head)';
            return bind(p[c]);
          });
          ctes.push(
            `w${i} as (insert into "${table}" (${list}) values (${vals.join(', ')})${auditWithHead ? '' : (rest ?? '')})`,
          );
          if (auditWithHead) {
            // The entry and the head's move, as the product sends them together.
            const hash = p[cols.length + 1];
            ctes.push(
              `h${i} as (update audit_head set seq = (select seq + 1 from head), hash = ${bind(hash)} where id = 1)`,
            );
          }
        } else if (s.sql.startsWith('select "seq", "hash" from "audit_head"')) {
          sources.push(`head as (select seq, hash from audit_head where id = 1 for update)`);
        } else if (s.sql.startsWith('update "audit_head"')) {
          ctes.push(
            `w${i} as (update audit_head set seq = (select seq + 1 from head), hash = ${bind(p[1])} where id = 1)`,
          );
        } else if (!s.sql.startsWith('update "documents"')) {
          throw new Error(`the registration runs a statement the floor does not: ${s.sql}`);
        }
      });
      return { text: `with ${[...sources, ...ctes].join(',\n')}\nselect last_number from counter`, params };
    },
  };
}

/**
 * The PostgreSQL floor: per registration BEGIN, the one statement, COMMIT, from `clients`
 * workers over a pool of `poolSize` connections in this process.
 */
export async function postgresFloor(
  url: string,
  schema: string,
  captured: Statement[][],
  { count, from, clients, poolSize }: { count: number; from: number; clients: number; poolSize: number },
) {
  const floor = postgresFloorStatement(captured.at(-2) ?? [], captured.at(-1) ?? []);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema}` });
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (;;) {
          const i = next++;
          if (i >= count) return;
          const { text, params } = floor.build(from + i + 1);
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query({ text, values: params, name: 'floor' });
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: Math.round(count / seconds), writes: floor.writes, statement: floor.build(0).text };
  } finally {
    await pool.end();
  }
}
