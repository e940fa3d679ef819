import { describe, expect, it } from 'vitest';
import { type CalendarEvent, escapeText, foldLine, icalTime, writeCalendar } from './ical';

/** Undoes folding (§3.1) and splits into content lines. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The events of a feed as name → unescaped value, read the way a calendar client reads them. */
function parseEvents(text: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0] as string;
      current[name] = name === 'URL' ? line.slice(colon + 1) : unescapeText(line.slice(colon + 1));
    }
  }
  return events;
}

const event = (extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'schedule-item-01abc@vanphong',
  start: '2026-11-30T01:00:00.000Z',
  end: null,
  summary: 'Họp Ban Thường vụ',
  location: null,
  description: null,
  url: null,
  cancelled: false,
  sequence: 1,
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...extra,
});

describe('iCalendar writer', () => {
  it('writes UTC times in the basic form', () => {
    expect(icalTime('2026-11-30T08:00:00+07:00')).toBe('20261130T010000Z');
    expect(icalTime(new Date('2026-12-31T23:59:59.999Z'))).toBe('20261231T235959Z');
  });

  it('escapes backslash, semicolon, comma and line breaks, and only those', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(escapeText('dòng 1\r\ndòng 2\rdòng 3')).toBe('dòng 1\\ndòng 2\\ndòng 3');
    expect(escapeText('Hội trường: tầng 2 "A"')).toBe('Hội trường: tầng 2 "A"');
    // Control characters are not allowed in TEXT.
    expect(escapeText('a\u0007b\u0000c')).toBe('abc');
    // Decomposed Vietnamese is written composed.
    expect(escapeText('Ha\u0300 Giang')).toBe('Hà Giang');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    // "ệ" is three octets: 74 ASCII octets leave room for none of it on the first line.
    const line = `SUMMARY:${'a'.repeat(66)}ệệệ`;
    const folded = foldLine(line).split('\r\n');
    expect(folded[0]).toBe(`SUMMARY:${'a'.repeat(66)}`);
    expect(Buffer.byteLength(folded[0] as string)).toBe(74);
    expect(folded[1]).toBe(' ệệệ');

    const vietnamese = `DESCRIPTION:${'Đồng chí Bí thư Huyện ủy chủ trì hội nghị triển khai nghị quyết; '.repeat(12)}`;
    const pieces = foldLine(vietnamese).split('\r\n');
    expect(pieces.length).toBeGreaterThan(10);
    for (const [i, piece] of pieces.entries()) {
      const bytes = Buffer.from(piece, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      if (i > 0) expect(piece.startsWith(' ')).toBe(true);
      // Each piece is whole UTF-8 on its own: decoding and encoding again gives the same bytes.
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(bytes.toString('utf8')).not.toContain('\uFFFD');
    }
    // Full pieces are filled: a split happens only when the next character does not fit.
    for (const piece of pieces.slice(0, -1)) expect(Buffer.byteLength(piece)).toBeGreaterThanOrEqual(72);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(vietnamese);
  });

  it('keeps a four-octet character whole and leaves short lines alone', () => {
    const line = `SUMMARY:${'x'.repeat(65)}😀y`;
    const [first, second] = foldLine(line).split('\r\n');
    expect(first).toBe(`SUMMARY:${'x'.repeat(65)}`);
    expect(second).toBe(' 😀y');
    expect(foldLine('SUMMARY:ngắn')).toBe('SUMMARY:ngắn');
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
  });

  it('writes a publishable calendar with CRLF lines, every one at most 75 octets', () => {
    const text = writeCalendar({
      name: 'VanPhong – Lịch công tác',
      stampedAt: new Date('2026-11-25T02:00:00Z'),
      baseUrl: 'https://vanphong.example.vn',
      events: [event({ url: '/schedule?week=2026-11-30', location: 'Hội trường Huyện ủy' })],
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const lines = unfold(text);
    expect(lines).toEqual(
      expect.arrayContaining([
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:VanPhong – Lịch công tác',
        'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
      ]),
    );
    const [e] = parseEvents(text);
    expect(e).toEqual({
      UID: 'schedule-item-01abc@vanphong',
      DTSTAMP: '20261125T020000Z',
      DTSTART: '20261130T010000Z',
      // No end: one hour.
      DTEND: '20261130T020000Z',
      SUMMARY: 'Họp Ban Thường vụ',
      LOCATION: 'Hội trường Huyện ủy',
      URL: 'https://vanphong.example.vn/schedule?week=2026-11-30',
      SEQUENCE: '1',
      STATUS: 'CONFIRMED',
      'LAST-MODIFIED': '20261125T020000Z',
    });
  });

  it('round-trips awkward text through escaping and folding', () => {
    const description = [
      'Chủ trì: Đồng chí Bí thư; Phó Bí thư Thường trực',
      'Thành phần: Thường trực Huyện ủy, Ban Tổ chức, Văn phòng Huyện ủy, đại diện Ủy ban Mặt trận Tổ quốc',
      'Chuẩn bị: Văn phòng \\ Ban Tuyên giáo',
    ].join('\n');
    const summary = `Hội nghị${' sơ kết, đánh giá; tổng kết'.repeat(8)}`;
    const text = writeCalendar({
      name: 'VanPhong – Lịch công tác',
      stampedAt: new Date('2026-11-25T02:00:00Z'),
      events: [
        event({ summary, description, end: '2026-11-30T04:30:00.000Z', cancelled: true, sequence: 4 }),
        event({ uid: 'meeting-2@vanphong', location: 'Phòng họp số 1, tầng 2; nhà B' }),
      ],
    });
    const [first, second] = parseEvents(text);
    expect(first).toMatchObject({
      SUMMARY: summary,
      DESCRIPTION: description,
      DTEND: '20261130T043000Z',
      STATUS: 'CANCELLED',
      SEQUENCE: '4',
    });
    expect(second?.LOCATION).toBe('Phòng họp số 1, tầng 2; nhà B');
    expect(second?.UID).toBe('meeting-2@vanphong');
  });
});
