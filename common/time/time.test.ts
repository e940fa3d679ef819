import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDay, isoWeekNumber, mondayOf, weekDays } from './calendar';
import { ddmm, ddmmyyyy, formatCalendarDate, formatDate, formatDateTime, formatDateTimeShort } from './format';
import { dayInVietnam, vietnamDayBounds, vietnamInstant, vietnamWallClock } from './vietnam';

describe('the day in Vietnam', () => {
  it('turns at 17:00 UTC, whatever the machine zone', () => {
    expect(dayInVietnam(new Date('2026-12-06T16:59:59.999Z'))).toBe('2026-12-06');
    expect(dayInVietnam(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });

  it('refuses an unreadable instant instead of naming a day', () => {
    expect(() => dayInVietnam(new Date('nope'))).toThrow(RangeError);
    expect(vietnamWallClock('nope')).toBeNull();
    expect(vietnamWallClock('')).toBeNull();
  });

  it('reads a wall clock with its weekday', () => {
    expect(vietnamWallClock('2026-11-30T01:05:09Z')).toEqual({
      year: 2026,
      month: 11,
      day: 30,
      hour: 8,
      minute: 5,
      second: 9,
      weekday: 1,
    });
  });

  it('maps a Vietnam wall-clock time to its UTC instant and bounds a day', () => {
    expect(vietnamInstant('2026-11-30', '08:00')).toBe('2026-11-30T01:00:00.000Z');
    expect(vietnamInstant('2026-11-30')).toBe('2026-11-29T17:00:00.000Z');
    expect(vietnamInstant('2026-11-30', '23:59:59.999')).toBe('2026-11-30T16:59:59.999Z');
    expect(vietnamDayBounds('2026-01-01')).toEqual({
      start: '2025-12-31T17:00:00.000Z',
      end: '2026-01-01T16:59:59.999Z',
    });
  });
});

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('starts weeks on Monday, Sunday closing the week', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-05')).toBe('2026-11-30');
    expect(weekDays('2026-11-30')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeekNumber('2026-11-23')).toBe(48);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2024-12-30')).toBe(1);
  });

  it('tells a real yyyy-mm-dd date from anything else', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-2-28')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
  });
});

describe('formats for people', () => {
  it('writes instants in Vietnam time, day first, 24-hour clock', () => {
    expect(formatDateTime('2026-11-24T17:00:00Z')).toBe('25/11/2026 00:00:00');
    expect(formatDateTimeShort(new Date('2026-11-25T00:39:04Z'))).toBe('25/11/2026 07:39');
    expect(formatDate('2026-11-24T17:00:00Z')).toBe('25/11/2026');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDate('garbage')).toBe('');
  });

  it('writes calendar days without any zone shift', () => {
    expect(formatCalendarDate('2026-12-07')).toBe('07/12/2026');
    expect(formatCalendarDate('2026-12-07T23:00:00Z')).toBe('07/12/2026');
    expect(formatCalendarDate(null)).toBe('');
    expect(ddmm('2026-12-07')).toBe('07/12');
    expect(ddmmyyyy('2026-12-07')).toBe('07/12/2026');
  });
});
