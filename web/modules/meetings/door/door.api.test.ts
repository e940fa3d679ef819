import { describe, expect, it } from 'vitest';
import { codeFromScan } from './door.api';

describe('the code read by the camera', () => {
  it('takes the code out of the address of the QR code at the door', () => {
    expect(codeFromScan('https://vanphong.example/meetings/abc/check-in?code=VAK9D9')).toBe('VAK9D9');
  });
  it('takes a bare code as it is', () => {
    expect(codeFromScan('VAK9D9')).toBe('VAK9D9');
  });
});
