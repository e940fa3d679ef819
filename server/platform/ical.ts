/**
 * An iCalendar (RFC 5545) writer for subscribed feeds: one VCALENDAR of VEVENTs in UTC,
 * text escaped (§3.3.11), CRLF line endings, lines folded at 75 octets without ever
 * splitting a UTF-8 character (§3.1).
 */

/** One event as a feed carries it. */
export interface CalendarEvent {
  /** Stable across feeds and edits, e.g. `schedule-item-<id>@vanphong`. */
  uid: string;
  /** ISO-8601 instant. */
  start: string;
  /** ISO-8601 instant; null lasts one hour. */
  end: string | null;
  summary: string;
  location: string | null;
  description: string | null;
  /** Absolute, or a path of the web app (`/schedule?week=…`) resolved against the feed's base address. */
  url: string | null;
  cancelled: boolean;
  /** Moves on with every change people should see (the row's version). */
  sequence: number;
  /** ISO-8601 instant of the last change. */
  updatedAt: string;
  /**
   * What the event shows, when more than one source can show it (`meeting:<id>`: the meeting
   * and the schedule item made from it). A feed keeps one event per key.
   */
  key?: string;
  /** The feed owner's own answer, for an event they are invited to: written as their ATTENDEE line. */
  attendee?: { name: string; id: string; partstat: 'ACCEPTED' | 'DECLINED' | 'DELEGATED' | 'NEEDS-ACTION' };
}

/** A parameter value (RFC 5545 §3.2): quoted, with no quote, control character or line break in it. */
function paramText(value: string): string {
  return `"${value.replace(/["\p{Cc}]/gu, ' ').trim()}"`;
}

export interface CalendarWrite {
  /** X-WR-CALNAME: what a phone shows as the calendar's name. */
  name: string;
  events: readonly CalendarEvent[];
  /** DTSTAMP: when this copy of the feed was written. */
  stampedAt: Date;
  /** Resolves event paths to absolute addresses. */
  baseUrl?: string;
}

const PRODID = '-//VanPhong//Van phong dien tu//VI';
const HOUR_MS = 3_600_000;

/** `20261130T010000Z`: the UTC form every DATE-TIME here takes. */
export function icalTime(at: string | Date): string {
  const iso = (typeof at === 'string' ? new Date(at) : at).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Control characters TEXT may not hold (§3.3.11): all but tab and the line feed escaped below. */
const isForbiddenControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;

/**
 * TEXT values (§3.3.11): backslash, semicolon and comma are escaped, every line break
 * becomes `\n`; other control characters are not allowed in TEXT and are dropped.
 */
export function escapeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n|\r|\n/g, '\n')
    .split('')
    .filter((c) => !isForbiddenControl(c.charCodeAt(0)))
    .join('')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds one content line into pieces of at most 75 octets, each continuation starting with a
 * space (which counts toward its 75). Splits fall between characters, never inside one.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      pieces.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n');
}

function absolute(url: string, baseUrl: string | undefined): string | null {
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return null;
  }
}

/** The whole feed as text, ready to send as `text/calendar; charset=utf-8`. */
export function writeCalendar(input: CalendarWrite): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
    // How often a subscribing calendar should come back: Apple's and Microsoft's spellings.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  const stamp = icalTime(input.stampedAt);
  for (const event of input.events) {
    const start = new Date(event.start);
    const end = event.end ? new Date(event.end) : new Date(start.getTime() + HOUR_MS);
    const url = event.url ? absolute(event.url, input.baseUrl) : null;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icalTime(start)}`,
      `DTEND:${icalTime(end > start ? end : new Date(start.getTime() + HOUR_MS))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    // A URI value is not TEXT: it is written as it is, and one with a line break is no URI.
    if (url && !/[\r\n]/.test(url)) lines.push(`URL:${url}`);
    const partstat = event.attendee?.partstat;
    if (event.attendee) {
      lines.push(
        `ATTENDEE;CN=${paramText(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat}:urn:x-vanphong:user:${event.attendee.id.replace(/[^A-Za-z0-9-]/g, '')}`,
      );
    }
    // Confirmed only for one going: declined or handed to a deputy it leaves the person free,
    // not yet answered it is tentative.
    const declined = partstat === 'DECLINED' || partstat === 'DELEGATED';
    const status = event.cancelled
      ? 'CANCELLED'
      : partstat === 'NEEDS-ACTION'
        ? 'TENTATIVE'
        : declined
          ? null
          : 'CONFIRMED';
    lines.push(`SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`);
    if (status) lines.push(`STATUS:${status}`);
    if (declined) lines.push('TRANSP:TRANSPARENT');
    lines.push(`LAST-MODIFIED:${icalTime(event.updatedAt)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
