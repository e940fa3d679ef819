/**
 * The sign-in page: no framework, so that a phone on a slow link can sign in after a few
 * kilobytes. The app's own files are fetched in the background while the person types,
 * so the page after signing in opens from the browser's cache.
 */
import type { AuthConfig, SessionAnswer } from '../../common/schemas/auth';
import { signInText as t } from '../app/i18n/sign-in';
import { safeNextPath } from '../app/nextPath';
import { registerServiceWorker } from '../app/pwa/register';
import { markUsable } from '../app/usable';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: { fields?: { message?: unknown }[] } };
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`sign-in.html has no #${id}`);
  return found as T;
}

const form = element<HTMLFormElement>('form');
const login = element<HTMLInputElement>('login');
const password = element<HTMLInputElement>('password');
const totp = element<HTMLInputElement>('totp');
const totpBlock = element<HTMLDivElement>('totp-block');
const submit = element<HTMLButtonElement>('submit');
const reveal = element<HTMLButtonElement>('reveal');
const notice = element<HTMLDivElement>('notice');
const errorBox = element<HTMLDivElement>('error');
const errorText = element<HTMLSpanElement>('error-text');

const params = new URLSearchParams(window.location.search);
const next = safeNextPath(params.get('next'));
const reason = params.get('reason');
let noticeShown = false;

function showNotice(kind: 'warning' | 'success', text: string): void {
  notice.className = `alert ${kind}`;
  notice.textContent = text;
  notice.hidden = false;
  noticeShown = true;
}

if (reason === 'expired') showNotice('warning', t.sessionExpired);
else if (reason === 'signed-out') showNotice('success', t.signedOut);

function fieldError(input: HTMLInputElement, message: string | null): boolean {
  const box = document.getElementById(`${input.id}-error`);
  if (box) box.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return message === null;
}

function showError(message: string | null): void {
  errorText.textContent = message ?? '';
  errorBox.hidden = message === null;
  // An error replaces the notice about an ended session: one message at a time.
  if (message !== null) notice.hidden = true;
}

function setBusy(busy: boolean): void {
  for (const input of [login, password, totp]) input.readOnly = busy;
  submit.disabled = busy;
  submit.textContent = busy ? t.submitting : t.submit;
  form.setAttribute('aria-busy', String(busy));
}

/** What the server said, with the fields it named: the same sentence the app would show. */
function messageOf(status: number, body: ErrorBody | null): { code: string; message: string } {
  const error = body?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
    return { code: 'http.unexpected', message: t.unexpected(status) };
  }
  const fields = (error.details?.fields ?? []).flatMap((field) =>
    typeof field.message === 'string' && field.message ? [field.message] : [],
  );
  return { code: error.code, message: fields.length > 0 ? `${error.message} ${fields.join('; ')}` : error.message };
}

async function getJson<T>(path: string): Promise<T | null> {
  try {
    const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

function leave(): void {
  window.location.replace(next);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (submit.disabled) return;
  const loginValue = login.value.trim();
  const needTotp = !totpBlock.hidden;
  const valid = [
    fieldError(login, loginValue ? null : t.loginRequired),
    fieldError(password, password.value ? null : t.passwordRequired),
    needTotp ? fieldError(totp, /^\d{6}$/.test(totp.value) ? null : t.totpInvalid) : true,
  ];
  if (valid.includes(false)) {
    const first = [login, password, totp].find((input) => input.getAttribute('aria-invalid') === 'true');
    first?.focus();
    return;
  }
  showError(null);
  setBusy(true);
  const body: Record<string, string> = { login: loginValue, password: password.value };
  if (needTotp) body.totp = totp.value;
  let response: Response;
  try {
    response = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    setBusy(false);
    showError(t.network);
    return;
  }
  if (response.ok) {
    leave();
    return;
  }
  const answer = messageOf(response.status, (await response.json().catch(() => null)) as ErrorBody | null);
  setBusy(false);
  if (answer.code === 'auth.totp_required') {
    totpBlock.hidden = false;
    totp.focus();
    return;
  }
  showError(answer.message);
});

for (const input of [login, password, totp]) {
  input.addEventListener('input', () => {
    if (input.getAttribute('aria-invalid') === 'true') fieldError(input, null);
  });
}

reveal.addEventListener('click', () => {
  const shown = password.type === 'text';
  password.type = shown ? 'password' : 'text';
  reveal.setAttribute('aria-pressed', String(!shown));
  reveal.setAttribute('aria-label', shown ? t.showPassword : t.hidePassword);
});

function showDemoAccounts(accounts: AuthConfig['demoAccounts']): void {
  if (accounts.length === 0) return;
  const withPasswords = accounts.every((account) => account.password !== undefined);
  element('demo-hint').textContent = withPasswords ? t.demoHint : t.demoHintNoPasswords;
  const list = element<HTMLUListElement>('demo-list');
  for (const account of accounts) {
    const button = document.createElement('button');
    button.type = 'button';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = account.label;
    button.append(who, pair(t.demoUsername, account.username));
    if (account.password !== undefined) button.append(pair(t.demoPassword, account.password));
    button.addEventListener('click', () => {
      // Without a password (not on the server's machine) the person types the one from the console.
      login.value = account.username;
      password.value = account.password ?? '';
      totp.value = '';
      totpBlock.hidden = true;
      for (const input of [login, password, totp]) fieldError(input, null);
      showError(null);
      (account.password === undefined ? password : submit).focus();
    });
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  }
  element('demo').hidden = false;
}

function pair(label: string, value: string): HTMLElement {
  const line = document.createElement('span');
  line.className = 'pair';
  const code = document.createElement('code');
  code.textContent = value;
  line.append(`${label}: `, code);
  return line;
}

/**
 * The files the app needs first, as the build wrote them into this page: fetched at the
 * lowest priority once the page's own requests are answered, so signing in opens the app
 * from the cache instead of over the link. Resolves when every one has arrived or failed.
 */
function prefetchApp(): Promise<void> {
  const listed = document.getElementById('vp-app-files')?.textContent;
  let files: unknown = [];
  try {
    files = JSON.parse(listed ?? '[]');
  } catch {
    // A page without the list: nothing to fetch ahead.
  }
  if (!Array.isArray(files)) return Promise.resolve();
  const arrivals: Promise<void>[] = [];
  for (const file of files) {
    if (typeof file !== 'string' || !file.startsWith('/assets/')) continue;
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = file;
    if (file.endsWith('.js')) link.as = 'script';
    else if (file.endsWith('.css')) link.as = 'style';
    link.crossOrigin = '';
    arrivals.push(
      new Promise((resolve) => {
        link.onload = () => resolve();
        link.onerror = () => resolve();
      }),
    );
    document.head.append(link);
  }
  return Promise.all(arrivals).then(() => undefined);
}

// On a computer the cursor waits in the first field; on a phone the keyboard would cover the page.
if (!window.matchMedia('(pointer: coarse)').matches && !login.value) login.focus();
markUsable('sign-in');

try {
  // The app's way here (web/app/layout/ToSignInPage.tsx) reached the real page.
  sessionStorage.removeItem('vp.toSignIn');
} catch {
  // Storage refused (private mode): nothing was kept either.
}

const session = getJson<SessionAnswer>('/api/auth/session').then((answer) => {
  // Already signed in (another tab, the back button): straight on.
  if (answer?.user) leave();
  // A browser that came back with a session that is over is told why it must sign in.
  else if (answer?.ended && !noticeShown) showNotice('warning', t.sessionExpired);
});
const config = getJson<AuthConfig>('/api/auth/config').then((answer) => {
  if (!answer) return;
  if (answer.organizationName) {
    const org = element('org');
    org.textContent = answer.organizationName;
    org.hidden = false;
  }
  if (answer.demoMode) showDemoAccounts(answer.demoAccounts);
});
// The service worker keeps the app for the next visit and for no signal. Registered once the
// app's files are in the browser's cache, so installing it takes them from there instead of
// fetching them a second time over the link.
void Promise.all([session, config])
  .then(prefetchApp)
  .then(() => registerServiceWorker());
