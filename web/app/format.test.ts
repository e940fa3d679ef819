import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, vietnamDayBounds, vietnamToday } from './format';

describe('formatDateTime', () => {
  it('shows UTC instants in Vietnam time, day first, 24-hour clock', () => {
    expect(formatDateTime('2025-07-01T17:05:09Z')).toBe('02/07/2025 00:05:09');
    expect(formatDateTime('2025-12-31T03:00:00.000Z')).toBe('31/12/2025 10:00:00');
  });

  it('shows nothing for a missing or unreadable time', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('formatDate', () => {
  it('uses the Vietnamese calendar day, not the UTC one', () => {
    expect(formatDate('2025-07-01T18:00:00Z')).toBe('02/07/2025');
  });
});

describe('vietnamDayBounds', () => {
  it('covers the whole Vietnamese day in UTC', () => {
    expect(vietnamDayBounds('2025-07-02')).toEqual({
      start: '2025-07-01T17:00:00.000Z',
      end: '2025-07-02T16:59:59.999Z',
    });
  });
});

describe('today in Vietnam', () => {
  it('is the Vietnamese date, also late in the evening UTC when the device says yesterday', () => {
    expect(vietnamToday(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
    expect(vietnamToday(new Date('2026-12-06T16:59:59Z'))).toBe('2026-12-06');
  });
});
