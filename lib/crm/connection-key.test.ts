import { describe, expect, it } from 'vitest';
import { connectionKeyOf, connectionParts } from './connection-key';

describe('connection keys', () => {
  it('reads back the parts a key was made of, an account holding "|" included', () => {
    expect(connectionParts(connectionKeyOf('useasy', 'https://crm.example.com/api', 'team|42'))).toEqual({
      backend: 'useasy',
      baseUrl: 'https://crm.example.com/api',
      appid: 'team|42',
    });
  });

  it('tells two connections apart by backend, address and account', () => {
    const keys = new Set([
      connectionKeyOf('sobot', 'https://www.sobot.com', 'a'),
      connectionKeyOf('sobot', 'https://hk.sobot.com', 'a'),
      connectionKeyOf('sobot', 'https://www.sobot.com', 'b'),
      connectionKeyOf('useasy', 'https://www.sobot.com', 'a'),
    ]);
    expect(keys.size).toBe(4);
  });
});
