import { createApp } from '../server/app';
import { loadConfig } from '../server/platform/config/config';
import { type Database, openDatabase } from '../server/platform/db/database';
import { BENCH_PASSWORD, REGISTER_ORGANIZATION } from './documents-registrations';

/** One statement the product ran: its SQL text and the values bound to it. */
export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

const AT_COMMIT = '/* at commit */ ';

/**
 * The database `env` names, opened as the product opens it, with every statement it runs written
 * down. A statement kept for the COMMIT (PostgreSQL) is written down where it was made, with its
 * parameters, and the COMMIT that carried it, its literal copy, as a plain COMMIT.
 */
function tracedDatabase(env: NodeJS.ProcessEnv, trace: Statement[]): Database {
  let kept = 0;
  return openDatabase({
    ...loadConfig(env).database,
    onQuery: (sql, parameters) => {
      if (sql.startsWith(AT_COMMIT)) {
        kept++;
        trace.push({ sql: sql.slice(AT_COMMIT.length), parameters });
      } else if (kept > 0 && /;\ncommit$/.test(sql)) {
        kept = 0;
        trace.push({ sql: 'commit', parameters: [] });
      } else {
        trace.push({ sql, parameters });
      }
    },
  });
}

/**
 * The statements of `times` registrations, each one made through the product's own HTTP
 * routes and services, in this process, on the database `env` names (which keeps them).
 * Only the statements run while the request is answered count: the job runner is not started.
 */
export async function captureRegistrations(env: NodeJS.ProcessEnv, times: number): Promise<Statement[][]> {
  const trace: Statement[] = [];
  const database = tracedDatabase(env, trace);
  const vp = await createApp({ config: { ...loadConfig(env), logLevel: 'warn' }, database, webRoot: null });
  try {
    const signIn = await vp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: 'benchclerk', password: BENCH_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const registers = (await vp.app.inject({ url: '/api/registers', headers: { cookie } })).json() as {
      items: { id: string; direction: string; secret: boolean; organizationName: string }[];
    };
    const register = registers.items.find(
      (r) => r.direction === 'incoming' && !r.secret && r.organizationName === REGISTER_ORGANIZATION,
    );
    if (!register) throw new Error('no incoming register');
    const captured: Statement[][] = [];
    for (let n = 1; n <= times; n++) {
      trace.length = 0;
      const res = await vp.app.inject({
        method: 'POST',
        url: '/api/documents/incoming',
        headers: { cookie },
        payload: {
          registerId: register.id,
          issuerName: 'Tỉnh ủy Hà Giang nguồn',
          numberText: `${n}-CV/TU-nguồn`,
          issueDate: '2026-11-20',
          typeCode: 'CV',
          summary: `Văn bản ghi lại câu lệnh số ${n}`,
          clientKey: `capture-${n}`,
        },
      });
      if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
      captured.push([...trace]);
    }
    return captured;
  } finally {
    await vp.close();
    await database.close();
  }
}
