import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './local-caller';

describe('isLoopbackAddress', () => {
  it('takes 127.0.0.0/8, ::1 and IPv4-mapped 127.x as the machine itself, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.255.3.4', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of [
      undefined,
      '',
      '10.1.2.3',
      '::ffff:10.1.2.3',
      '0.0.0.0',
      '::',
      '1127.0.0.1',
      '127.0.0.1.example',
      '128.0.0.1',
      'fe80::1',
      'localhost',
    ]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });
});
