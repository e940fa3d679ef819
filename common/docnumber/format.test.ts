import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, formatNotation, numberingStyle, parseNotation, printedNumber } from './format';

describe('document numbers', () => {
  it('writes Party style with hyphen and slash', () => {
    expect(formatDocumentNumber({ style: 'party', number: 5, typeCode: 'NQ', issuerCode: 'HU' })).toBe('Số 05-NQ/HU');
    expect(formatNotation({ style: 'party', number: 123, typeCode: 'CV', issuerCode: 'HU' })).toBe('123-CV/HU');
  });

  it('writes state style with colon', () => {
    expect(formatDocumentNumber({ style: 'state', number: 5, typeCode: 'QĐ', issuerCode: 'UBND' })).toBe(
      'Số: 05/QĐ-UBND',
    );
  });

  it('prints a stored notation in the style of its register', () => {
    expect(printedNumber('state', '01/GM-UBND')).toBe('Số: 01/GM-UBND');
    expect(printedNumber('party', '01-GM/HU')).toBe('Số 01-GM/HU');
    expect(printedNumber(numberingStyle('state'), '05/QĐ-UBND')).toBe('Số: 05/QĐ-UBND');
    expect(numberingStyle('party')).toBe('party');
    expect(numberingStyle(null)).toBe('party');
  });

  it('refuses a number below one', () => {
    expect(() => formatNotation({ style: 'party', number: 0, typeCode: 'NQ', issuerCode: 'HU' })).toThrow(RangeError);
  });

  it('parses both styles back', () => {
    expect(parseNotation('Số 05-NQ/HU')).toEqual({ style: 'party', number: 5, typeCode: 'NQ', issuerCode: 'HU' });
    expect(parseNotation('Số: 12/QĐ-UBND')).toEqual({ style: 'state', number: 12, typeCode: 'QĐ', issuerCode: 'UBND' });
    expect(parseNotation('123-CV/VPHU')?.issuerCode).toBe('VPHU');
    expect(parseNotation('không phải số')).toBeNull();
  });
});
