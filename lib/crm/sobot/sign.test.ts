import { describe, expect, it } from 'vitest';
import { sobotSign } from './sign';

describe('sobotSign', () => {
  it('matches the example in the Sobot document', () => {
    expect(sobotSign('1', '1569397773', '2')).toBe('258eec3118705112b2c53dc8043d4d34');
  });

  it('hashes UTF-8, so a non-ASCII key signs like the server expects', () => {
    // md5 of the UTF-8 bytes of "a1b密钥", computed independently with coreutils md5sum.
    expect(sobotSign('a', '1', 'b密钥')).toBe('58d7e2258d0e2088c9ef5e5102129314');
  });
});
