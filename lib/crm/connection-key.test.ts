import { describe, expect, it } from 'vitest';
import { connectionKeyOf, connectionParts, currentConnectionKey } from './connection-key';

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

  it('never gives two connections one key, whatever the parts hold', () => {
    expect(connectionKeyOf('sobot', 'https://a', 'b@evil.com|X')).not.toBe(connectionKeyOf('sobot', 'https://a|b@evil.com', 'X'));
    expect(connectionParts(connectionKeyOf('sobot', 'https://a|b@evil.com', 'X'))).toEqual({ backend: 'sobot', baseUrl: 'https://a|b@evil.com', appid: 'X' });
  });

  it('reads a key stored in the earlier backend|baseUrl|appid form', () => {
    expect(connectionParts('sobot|http://127.0.0.1:8787|sobot-demo')).toEqual({ backend: 'sobot', baseUrl: 'http://127.0.0.1:8787', appid: 'sobot-demo' });
    expect(currentConnectionKey('sobot|http://127.0.0.1:8787|sobot-demo')).toBe(connectionKeyOf('sobot', 'http://127.0.0.1:8787', 'sobot-demo'));
    expect(currentConnectionKey(connectionKeyOf('sobot', 'https://a', 'b'))).toBe(connectionKeyOf('sobot', 'https://a', 'b'));
  });
});
