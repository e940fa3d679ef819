import { domainToASCII } from 'node:url';
import { headerInjection, invalidAddress } from './mail.errors';

/** One mailbox: a display name (or none) and an address whose domain is ASCII (IDN as punycode). */
export interface Mailbox {
  name: string | null;
  address: string;
}

// RFC 5322 dot-atom, ASCII only: quoted local parts and SMTPUTF8 mailboxes are refused.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_NAME = 200;
const MAX_SUBJECT = 500;

/** Refuses text that could end a header line early and start another one. */
export function assertHeaderSafe(value: string, field: string): string {
  if (hasControl(value)) throw headerInjection(field);
  return value;
}

// CR, LF, NUL and the other C0/C1 controls (tab included), and the Unicode line separators:
// none belongs in a header we write.
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** A subject: no line breaks or controls, not absurdly long. Vietnamese is encoded by the mailer. */
export function checkSubject(subject: string): string {
  assertHeaderSafe(subject, 'subject');
  if (subject.length > MAX_SUBJECT) throw invalidAddress('subject', `tiêu đề dài quá ${MAX_SUBJECT} ký tự`);
  return subject;
}

/** Validates a bare address (`a@b.vn`) and returns it with its domain lower-cased and in ASCII. */
export function parseAddress(input: string, field = 'address'): string {
  assertHeaderSafe(input, field);
  const value = input.trim();
  if (value.length === 0) throw invalidAddress(field, 'địa chỉ trống');
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) throw invalidAddress(field, `"${value}" thiếu phần trước hoặc sau @`);
  const local = value.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) {
    throw invalidAddress(field, `phần tên hộp thư "${local}" chỉ được dùng chữ Latin không dấu, số và . _ - +`);
  }
  const domain = toAsciiDomain(value.slice(at + 1), field);
  const address = `${local}@${domain}`;
  if (address.length > 254) throw invalidAddress(field, 'địa chỉ dài quá 254 ký tự');
  return address;
}

/** Parses one mailbox: `a@b.vn`, `<a@b.vn>`, `Tên <a@b.vn>` or `"Tên, chức vụ" <a@b.vn>`. */
export function parseMailbox(input: string, field = 'address'): Mailbox {
  assertHeaderSafe(input, field);
  const value = input.trim();
  if (!value.endsWith('>')) {
    if (/[<>",;]/.test(value)) throw invalidAddress(field, `"${value}" không phải một địa chỉ duy nhất`);
    return { name: null, address: parseAddress(value, field) };
  }
  const open = value.lastIndexOf('<');
  if (open < 0) throw invalidAddress(field, `thiếu dấu < trong "${value}"`);
  const address = parseAddress(value.slice(open + 1, -1), field);
  return { name: parseDisplayName(value.slice(0, open).trim(), field), address };
}

/** A mailbox given either as text or already split; the name is checked the same way. */
export function toMailbox(input: string | Mailbox, field = 'address'): Mailbox {
  if (typeof input === 'string') return parseMailbox(input, field);
  const name = input.name === null ? null : checkName(input.name.trim(), field);
  return { name: name === '' ? null : name, address: parseAddress(input.address, field) };
}

function parseDisplayName(raw: string, field: string): string | null {
  if (raw === '') return null;
  if (raw.startsWith('"')) {
    if (raw.length < 2 || !raw.endsWith('"')) throw invalidAddress(field, 'tên hiển thị thiếu dấu " đóng');
    const inner = raw.slice(1, -1);
    if (/(^|[^\\])"/.test(inner)) throw invalidAddress(field, 'tên hiển thị có dấu " lẻ');
    return checkName(inner.replace(/\\(.)/g, '$1').trim(), field) || null;
  }
  if (/[<>"@,;:\\]/.test(raw)) {
    throw invalidAddress(field, `tên hiển thị "${raw}" có ký tự đặc biệt; hãy đặt tên trong dấu ngoặc kép`);
  }
  return checkName(raw, field);
}

function checkName(name: string, field: string): string {
  assertHeaderSafe(name, field);
  if (/[<>]/.test(name)) throw invalidAddress(field, 'tên hiển thị không được chứa < hoặc >');
  if (name.length > MAX_NAME) throw invalidAddress(field, `tên hiển thị dài quá ${MAX_NAME} ký tự`);
  return name;
}

function toAsciiDomain(raw: string, field: string): string {
  // domainToASCII applies UTS #46 (punycode for Vietnamese domains) and returns '' when invalid.
  const ascii = domainToASCII(raw.normalize('NFC'));
  if (ascii === '' || ascii.length > 253) throw invalidAddress(field, `tên miền "${raw}" không hợp lệ`);
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? '')) {
    throw invalidAddress(field, `tên miền "${raw}" không hợp lệ`);
  }
  return ascii;
}
