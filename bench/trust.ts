import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ACCOUNT_LIMIT_FACTOR } from '../server/modules/identity/sign-in-guard.service';
import { makeDocx, makePdf, makePdfBomb, multipart } from '../server/test/files';
import {
  type BenchServer,
  createAccount,
  postgresSchema,
  prepareDatabase,
  signInCookie,
  startServer,
  tempDataDir,
} from './server-process';

/** Ordinary uploads per phase (alone, then under attack). */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Hostile uploads kept in flight at once during the attack. */
const HOSTILE = 6;
/** What the hostile PDF's one content stream inflates to: zeros, about 0.5 MB deflated. */
const BOMB_DECODED_BYTES = 500 * 1024 * 1024;
/** The server's default `LOGIN_MAX_FAILURES`; the bench does not change it. */
const MAX_FAILURES = 5;
/** Failed sign-ins one name takes, across addresses, before the account-wide limit answers. */
const ACCOUNT_BUDGET = MAX_FAILURES * ACCOUNT_LIMIT_FACTOR;
const SIGN_IN_WARM_UP = 2;
/** Measured sign-ins per kind: each name stays within its budget, each try from an address of its own. */
const SIGN_INS = ACCOUNT_BUDGET - SIGN_IN_WARM_UP - 2;
const UNKNOWN_NAME = 'khong-co-nguoi-nay';
const PG_URL = process.env.TEST_DATABASE_URL;
/** `sqlite` or `postgres` to run one engine only; both by default (PostgreSQL when its URL is set). */
const ENGINE = process.env.BENCH_ENGINE;

const round = (ms: number) => Math.round(ms * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function spread(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    minMs: round(sorted[0] ?? 0),
    medianMs: round(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}
type Spread = ReturnType<typeof spread>;
const show = (s: Spread) =>
  `min ${s.minMs.toFixed(0)} / median ${s.medianMs.toFixed(0)} / max ${s.maxMs.toFixed(0)} ms (${s.runs} runs)`;
const ratio = (a: number, b: number) => Number((a / Math.max(b, 0.001)).toFixed(2));

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM), or 0 when it cannot be read. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** Samples the process's resident memory every 20 ms; `stop` gives the highest seen. */
function rssSampler(pid: number) {
  let peak = memoryMb(pid, 'VmRSS');
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryMb(pid, 'VmRSS'));
  }, 20);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, memoryMb(pid, 'VmRSS'));
    },
  };
}

interface Uploaded {
  ms: number;
  status: number;
  /** Warning codes of a stored file, or the error code of a refused one. */
  codes: string[];
}

async function upload(server: BenchServer, cookie: string, fileName: string, data: Buffer): Promise<Uploaded> {
  const body = multipart([{ fileName, data }]);
  const started = performance.now();
  const res = await fetch(`${server.url}/api/files`, {
    method: 'POST',
    headers: { ...body.headers, cookie, origin: server.url },
    body: new Uint8Array(body.payload),
  });
  const json = (await res.json()) as { warnings?: { code: string }[]; error?: { code: string } };
  const ms = performance.now() - started;
  return { ms, status: res.status, codes: json.warnings?.map((w) => w.code) ?? [json.error?.code ?? 'unknown'] };
}

const tally = (results: Uploaded[]) => {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = `${r.status}${r.codes.length ? ` ${r.codes.join('+')}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

/**
 * An ordinary PDF's upload alone, then the same uploads while another account keeps six uploads of a 0.5 MB PDF
 * whose content stream inflates to 500 MB are kept in flight, with the server's resident
 * memory sampled throughout.
 */
async function uploads(server: BenchServer, cookie: string, attacker: string, bomb: Buffer) {
  const pid = server.process.pid ?? 0;
  let n = 0;
  const ordinary = () =>
    upload(
      server,
      cookie,
      `Nghị quyết ${++n}.pdf`,
      makePdf(`Nghị quyết số ${n}-NQ/HU về công tác kiểm tra, giám sát của Đảng bộ huyện năm 2026`),
    );
  // A DOCX beside it: its text is read in the server's own thread, not by the PDF readers.
  const office = () =>
    upload(server, cookie, `Công văn ${++n}.docx`, makeDocx([`Công văn số ${n}-CV/HU`, 'V/v chuẩn bị hội nghị']));
  for (let i = 0; i < 2; i++) {
    await ordinary();
    await office();
  }
  await sleep(500);
  const restMb = memoryMb(pid, 'VmRSS');

  let sampler = rssSampler(pid);
  const alone: Uploaded[] = [];
  const docxAlone: Uploaded[] = [];
  for (let i = 0; i < RUNS; i++) {
    alone.push(await ordinary());
    docxAlone.push(await office());
  }
  const alonePeakMb = sampler.stop();

  sampler = rssSampler(pid);
  const hostile: Uploaded[] = [];
  let attacking = true;
  const attackStarted = performance.now();
  const attackers = Array.from({ length: HOSTILE }, async (_, a) => {
    while (attacking) hostile.push(await upload(server, attacker, `Báo cáo ${a}.pdf`, bomb));
  });
  // The six hostile bodies are on their way and being read before the first ordinary upload.
  await sleep(300);
  const attacked: Uploaded[] = [];
  const docxAttacked: Uploaded[] = [];
  for (let i = 0; i < RUNS; i++) {
    attacked.push(await ordinary());
    docxAttacked.push(await office());
  }
  attacking = false;
  await Promise.all(attackers);
  const attackSeconds = (performance.now() - attackStarted) / 1000;
  const attackPeakMb = sampler.stop();
  const highWaterMb = memoryMb(pid, 'VmHWM');
  await sleep(1000);
  const afterMb = memoryMb(pid, 'VmRSS');

  const aloneMs = spread(alone.map((r) => r.ms));
  const attackedMs = spread(attacked.map((r) => r.ms));
  const hostileMs = spread(hostile.map((r) => r.ms));
  const docxAloneMs = spread(docxAlone.map((r) => r.ms));
  const docxAttackedMs = spread(docxAttacked.map((r) => r.ms));
  return {
    bombBytes: bomb.length,
    bombDecodedBytes: BOMB_DECODED_BYTES,
    ordinaryAlone: { ...aloneMs, outcomes: tally(alone) },
    ordinaryUnderAttack: { ...attackedMs, outcomes: tally(attacked) },
    underAttackToAloneMedian: ratio(attackedMs.medianMs, aloneMs.medianMs),
    underAttackToAloneMax: ratio(attackedMs.maxMs, aloneMs.maxMs),
    docxAlone: { ...docxAloneMs, outcomes: tally(docxAlone) },
    docxUnderAttack: { ...docxAttackedMs, outcomes: tally(docxAttacked) },
    docxUnderAttackToAloneMedian: ratio(docxAttackedMs.medianMs, docxAloneMs.medianMs),
    hostile: { ...hostileMs, inFlight: HOSTILE, outcomes: tally(hostile) },
    attackSeconds: Number(attackSeconds.toFixed(1)),
    rssAtRestMb: restMb,
    rssPeakAloneMb: alonePeakMb,
    rssPeakUnderAttackMb: attackPeakMb,
    rssHighWaterMb: highWaterMb,
    rssAfterAttackMb: afterMb,
    peakToRest: ratio(attackPeakMb, restMb),
  };
}

interface Answer {
  ms: number;
  code: string;
}

async function signIn(server: BenchServer, login: string, password: string, address: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ login, password }),
  });
  const json = (await res.json()) as { error?: { code: string } };
  return { ms: performance.now() - started, code: json.error?.code ?? String(res.status) };
}

const codes = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.code] = (counts[a.code] ?? 0) + 1;
  return counts;
};

/**
 * A wrong password for a real name against an unknown name (both must run scrypt), each try
 * from an address of its own through the trusted proxy so only the per-name limit counts; then
 * each name is taken to its account-wide limit on purpose and the throttled answers are timed.
 */
async function signIns(server: BenchServer, username: string) {
  const wrong = 'Sai-mat-khau-2026';
  let address = 0;
  const nextAddress = () => {
    address++;
    return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
  };
  for (let i = 0; i < SIGN_IN_WARM_UP; i++) {
    await signIn(server, username, wrong, nextAddress());
    await signIn(server, UNKNOWN_NAME, wrong, nextAddress());
  }
  const wrongPassword: Answer[] = [];
  const unknownName: Answer[] = [];
  // Each kind goes first in every other pair, so neither pays for what the other leaves behind.
  const pairs = async (first: () => Promise<void>, second: () => Promise<void>) => {
    for (let i = 0; i < SIGN_INS; i++) {
      if (i % 2 === 0) {
        await first();
        await second();
      } else {
        await second();
        await first();
      }
    }
  };
  await pairs(
    async () => void wrongPassword.push(await signIn(server, username, wrong, nextAddress())),
    async () => void unknownName.push(await signIn(server, UNKNOWN_NAME, wrong, nextAddress())),
  );
  // Used up on purpose: until each name's account-wide limit answers.
  for (const login of [username, UNKNOWN_NAME]) {
    for (let i = 0; i <= ACCOUNT_BUDGET; i++) {
      if ((await signIn(server, login, wrong, nextAddress())).code === 'auth.throttled') break;
    }
  }
  const throttledReal: Answer[] = [];
  const throttledUnknown: Answer[] = [];
  await pairs(
    async () => void throttledReal.push(await signIn(server, username, wrong, nextAddress())),
    async () => void throttledUnknown.push(await signIn(server, UNKNOWN_NAME, wrong, nextAddress())),
  );
  const w = spread(wrongPassword.map((a) => a.ms));
  const u = spread(unknownName.map((a) => a.ms));
  const tr = spread(throttledReal.map((a) => a.ms));
  const tu = spread(throttledUnknown.map((a) => a.ms));
  return {
    wrongPassword: { ...w, answers: codes(wrongPassword) },
    unknownName: { ...u, answers: codes(unknownName) },
    throttledRealName: { ...tr, answers: codes(throttledReal) },
    throttledUnknownName: { ...tu, answers: codes(throttledUnknown) },
    unknownToWrongMedian: ratio(u.medianMs, w.medianMs),
    throttledRealToUnknownMedian: ratio(tr.medianMs, tu.medianMs),
    throttledToWrongMedian: ratio(tr.medianMs, w.medianMs),
    addressesUsed: address,
  };
}

async function onEngine(engine: 'sqlite' | 'postgres', bomb: Buffer) {
  const shared = engine === 'postgres' && PG_URL ? await postgresSchema(PG_URL) : null;
  const dataDir = shared ? '' : tempDataDir();
  const env: NodeJS.ProcessEnv = {
    ...(shared ? shared.env() : { ...process.env, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'warn' }),
    NODE_ENV: 'production',
    TRUST_PROXY: '127.0.0.1',
  };
  const account = prepareDatabase(env);
  const attacker = createAccount(env, 'ketancong', 'Người gửi tệp độc');
  const server = await startServer(env);
  try {
    const cookie = await signInCookie(server.url, account.username, account.password);
    // The hostile files come from another account, as an attacker's would.
    const attackerCookie = await signInCookie(server.url, attacker.username, attacker.password);
    const files = await uploads(server, cookie, attackerCookie, bomb);
    const a = files.ordinaryAlone;
    const b = files.ordinaryUnderAttack;
    console.log(`\ntrust, ${engine}: files`);
    console.log(`  ordinary PDF upload alone:         ${show(a)}  ${JSON.stringify(a.outcomes)}`);
    console.log(
      `  PDF under ${HOSTILE} hostile at once:       ${show(b)}  ${JSON.stringify(b.outcomes)}; ` +
        `ratio to alone: median ${files.underAttackToAloneMedian}, max ${files.underAttackToAloneMax}`,
    );
    console.log(
      `  ordinary DOCX upload alone:        ${show(files.docxAlone)}  ${JSON.stringify(files.docxAlone.outcomes)}`,
    );
    console.log(
      `  DOCX under ${HOSTILE} hostile at once:      ${show(files.docxUnderAttack)}  ${JSON.stringify(files.docxUnderAttack.outcomes)}; ` +
        `ratio to alone: median ${files.docxUnderAttackToAloneMedian}`,
    );
    console.log(
      `  hostile PDF (${(files.bombBytes / 1e6).toFixed(2)} MB, inflates to ${BOMB_DECODED_BYTES / 1024 / 1024} MB): ` +
        `${show(files.hostile)}  ${JSON.stringify(files.hostile.outcomes)} over ${files.attackSeconds} s`,
    );
    console.log(
      `  server RSS: at rest ${files.rssAtRestMb} MB, peak alone ${files.rssPeakAloneMb} MB, ` +
        `peak under attack ${files.rssPeakUnderAttackMb} MB (${files.peakToRest}× rest; VmHWM ${files.rssHighWaterMb} MB), ` +
        `1 s after ${files.rssAfterAttackMb} MB`,
    );
    console.log('  before the fix: a hostile upload held 20 s; six at once took the server from 840 MB to 2.5 GB');

    const signIn = await signIns(server, account.username);
    console.log(`trust, ${engine}: sign-in (each try from its own address through the trusted proxy)`);
    for (const [label, s] of [
      ['wrong password, real name', signIn.wrongPassword],
      ['unknown name', signIn.unknownName],
      ['throttled, real name', signIn.throttledRealName],
      ['throttled, unknown name', signIn.throttledUnknownName],
    ] as const) {
      console.log(`  ${label.padEnd(26)} ${show(s)}  ${JSON.stringify(s.answers)}`);
    }
    console.log(
      `  median ratios: unknown / wrong password ${signIn.unknownToWrongMedian}, ` +
        `throttled real / throttled unknown ${signIn.throttledRealToUnknownMedian}, ` +
        `throttled / wrong password ${signIn.throttledToWrongMedian}`,
    );
    console.log('  before the fix: a locked name answered in 6 ms, an unknown one in 490 ms');
    return { files, signIn };
  } finally {
    await server.stop();
    if (shared) await shared.drop();
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const bomb = await makePdfBomb(BOMB_DECODED_BYTES);
  const figures: Record<string, unknown> = { bench: 'trust', runs: RUNS, hostileInFlight: HOSTILE };
  if (ENGINE !== 'postgres') figures.sqlite = await onEngine('sqlite', bomb);
  if (PG_URL && ENGINE !== 'sqlite') figures.postgres = await onEngine('postgres', bomb);
  return figures;
}
