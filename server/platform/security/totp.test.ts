import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, totpCode, totpStep, verifyTotp } from './totp';

// RFC 6238 Appendix B, SHA-1 secret "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors (last 6 digits)', () => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(59_000)))).toBe('287082');
    expect(totpCode(RFC_SECRET, totpStep(new Date(1_111_111_109_000)))).toBe('081804');
    expect(totpCode(RFC_SECRET, totpStep(new Date(2_000_000_000_000)))).toBe('279037');
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('accepts one step of drift and refuses a replayed step', () => {
    const now = new Date(1_700_000_000_000);
    const previous = totpCode(RFC_SECRET, totpStep(now) - 1);
    const step = verifyTotp(RFC_SECRET, previous, now, null);
    expect(step).toBe(totpStep(now) - 1);
    expect(verifyTotp(RFC_SECRET, previous, now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, totpStep(now) - 3), now, null)).toBeNull();
  });
});
