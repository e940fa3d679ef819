import { describe, expect, it } from 'vitest';
import { codeFromScan, doorUrl } from './door.api';

describe('the code read by the camera', () => {
  it('takes the code out of the address of the QR code at the door', () => {
    expect(codeFromScan('https://vanphong.example/meetings/abc/check-in?code=VAK9D9')).toBe('VAK9D9');
  });
  it('takes a bare code as it is', () => {
    expect(codeFromScan('VAK9D9')).toBe('VAK9D9');
  });
});

describe('the address the QR code at the door opens', () => {
  it('is on the installation’s public address when one is set, whatever address shows the screen', () => {
    const door = {
      code: 'VAK9D9',
      validUntil: '2026-12-07T02:01:00.000Z',
      rotatesEverySeconds: 60,
      path: '/meetings/abc/check-in',
      url: 'https://vanphong.example/meetings/abc/check-in',
    };
    expect(doorUrl(door)).toBe('https://vanphong.example/meetings/abc/check-in?code=VAK9D9');
  });
});
