import { BENCH_PASSWORD, createAccount, runCli, signInCookie } from './server-process';

/** The pages `npm run bench -- http` reads, full as a working office's are. */
const CLERK = 'benchclerk';
const LEADER = 'benchleader';
/** A page of the incoming register, and as many documents waiting for the leader's direction. */
const DOCUMENTS = 20;
/** A page of the mailbox. */
const LETTERS = 25;
const COMMITTEE = 'Huyện ủy Đồng Văn';

/** The demo organization with a clerk and a leader of the committee, made through the command line. */
export function prepareAccounts(env: NodeJS.ProcessEnv): void {
  runCli(env, 'seed-demo');
  createAccount(env, CLERK, 'Văn thư đo hiệu năng', 'HUDV:clerk');
  createAccount(env, LEADER, 'Lãnh đạo đo hiệu năng', 'HUDV:leader');
}

async function call<T>(url: string, path: string, cookie: string, body?: unknown): Promise<T> {
  const res = await fetch(
    url + path,
    body === undefined
      ? { headers: { cookie } }
      : {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: url },
          body: JSON.stringify(body),
        },
  );
  if (!res.ok) throw new Error(`${body === undefined ? 'GET' : 'POST'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Mailbox {
  id: string;
  kind: 'organization' | 'person' | 'user';
  organizationId: string | null;
}

/**
 * Through the product's own routes: the clerk registers a page of incoming documents and submits
 * each to the leader, and the leader writes a page of letters to the committee's mailbox.
 * Returns that mailbox's id, the one the clerk's mailbox page lists.
 */
export async function fillPages(url: string): Promise<{ committeeMailboxId: string }> {
  const clerk = await signInCookie(url, CLERK, BENCH_PASSWORD);
  const leader = await signInCookie(url, LEADER, BENCH_PASSWORD);
  const leaderId = (await call<{ user: { id: string } }>(url, '/api/auth/me', leader)).user.id;
  const registers = await call<{
    items: { id: string; direction: string; secret: boolean; organizationName: string }[];
  }>(url, '/api/registers', clerk);
  const register = registers.items.find(
    (r) => r.direction === 'incoming' && !r.secret && r.organizationName === COMMITTEE,
  );
  if (!register) throw new Error('no incoming register of the committee');
  for (let n = 1; n <= DOCUMENTS; n++) {
    const { id } = await call<{ id: string }>(url, '/api/documents/incoming', clerk, {
      registerId: register.id,
      issuerName: 'Tỉnh ủy Hà Giang',
      numberText: `${300 + n}-CV/TU`,
      issueDate: '2026-11-20',
      typeCode: 'CV',
      summary: `Về việc triển khai nhiệm vụ trọng tâm số ${n} của Ban Thường vụ Tỉnh ủy trong quý IV năm 2026`,
    });
    await call(url, `/api/documents/${id}/submit`, clerk, { version: 1, leaderId });
  }

  const clerkBoxes = await call<{ items: Mailbox[] }>(url, '/api/mail/mailboxes', clerk);
  const committee = clerkBoxes.items.find((b) => b.kind === 'organization');
  const leaderBoxes = await call<{ items: Mailbox[] }>(url, '/api/mail/mailboxes', leader);
  const own = leaderBoxes.items.find((b) => b.kind !== 'organization');
  if (!committee || !own) throw new Error('no committee mailbox for the clerk or no own mailbox for the leader');
  for (let n = 1; n <= LETTERS; n++) {
    await call(url, '/api/mail/messages', leader, {
      mailboxId: own.id,
      to: [{ kind: 'mailbox', id: committee.id }],
      subject: `Đề nghị Văn phòng tổng hợp báo cáo chuyên đề số ${n}`,
      text: 'Đề nghị Văn phòng Huyện ủy tổng hợp ý kiến các ban và trình Thường trực trước ngày họp.',
      draft: false,
    });
  }
  return { committeeMailboxId: committee.id };
}

/** Signs the clerk and the leader in. */
export async function cookies(url: string): Promise<{ clerk: string; leader: string }> {
  return {
    clerk: await signInCookie(url, CLERK, BENCH_PASSWORD),
    leader: await signInCookie(url, LEADER, BENCH_PASSWORD),
  };
}
