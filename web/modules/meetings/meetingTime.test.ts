import { describe, expect, it } from 'vitest';
import { fromInstant, meetingTimeText, toInstant, vietnamDayKey } from './meetingTime';

describe('meeting times in Vietnam', () => {
  it('shows a morning meeting with its weekday, whatever the device zone', () => {
    expect(meetingTimeText('2026-11-30T01:00:00Z', '2026-11-30T04:30:00Z')).toBe('08:00 – 11:30, Thứ Hai 30/11/2026');
  });

  it('names both days of a meeting that runs past midnight in Vietnam', () => {
    expect(meetingTimeText('2026-11-30T10:00:00Z', '2026-11-30T18:00:00Z')).toBe(
      '17:00 Thứ Hai 30/11/2026 – 01:00 Thứ Ba 01/12/2026',
    );
  });

  it('puts an evening meeting in UTC on the next Vietnamese day', () => {
    expect(vietnamDayKey('2026-12-06T18:30:00Z')).toBe('2026-12-07');
  });

  it('sends a picked wall-clock time with the +07:00 offset and reads it back the same', () => {
    const picked = fromInstant('2026-11-30T01:00:00Z');
    expect(picked?.format('YYYY-MM-DD HH:mm')).toBe('2026-11-30 08:00');
    expect(picked ? toInstant(picked) : null).toBe('2026-11-30T08:00:00+07:00');
  });
});
