import { describe, expect, it } from 'vitest';
import { checkBaseUrl, checkSiteOrigin, hostPatternOf, normalizeBaseUrl, originOf } from './hosts';

describe('checkBaseUrl', () => {
  it.each([
    ['https://www.sobot.com', undefined],
    ['https://crm.example.com/sobot/', undefined],
    ['http://127.0.0.1:8787', undefined],
    ['http://localhost:3000/api', undefined],
    ['', 'empty'],
    ['www.sobot.com', 'invalid'],
    ['ftp://www.sobot.com', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['https://crm.example.com:99999', 'invalid'],
    ['https://crm.example.com:0', 'invalid'],
    ['https://*.example.com', 'invalid'],
    ['http://crm.example.com', 'insecure'],
    ['http://crm.evil.example', 'insecure'],
    ['https://u:p@host.example/x', 'userinfo'],
    ['https://u@host.example', 'userinfo'],
    ['https://host.example/x?y', 'query'],
    ['https://host.example/x#z', 'query'],
    ['https://host.example/x?', 'query'],
  ])('%s → %s', (input, problem) => {
    expect(checkBaseUrl(input)).toBe(problem);
  });
});

describe('normalizeBaseUrl and originOf', () => {
  it('stores origin and path without a trailing slash, and binds to scheme, host and port', () => {
    expect(normalizeBaseUrl(' https://CRM.example.com/sobot/ ')).toBe('https://crm.example.com/sobot');
    expect(normalizeBaseUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(originOf('http://127.0.0.1:8787/api')).toBe('http://127.0.0.1:8787');
    expect(originOf('http://127.0.0.1:8788/api')).not.toBe(originOf('http://127.0.0.1:8787/api'));
    expect(originOf('not a url')).toBe('');
  });
});

describe('checkSiteOrigin', () => {
  it.each([
    ['https://chat.example.com', undefined],
    ['https://chat.example.com/', undefined],
    ['http://127.0.0.1:3000', undefined],
    ['https://*', 'wildcard'],
    ['https://*.com', 'wildcard'],
    ['https://*.example.com', 'wildcard'],
    ['https://chat.example.com:99999', 'invalid'],
    ['chat.example.com', 'invalid'],
    ['file:///etc', 'invalid'],
    ['https://chat.example.com/inbox', 'not-origin'],
    ['https://u:p@chat.example.com', 'not-origin'],
    ['https://chat.example.com?x', 'not-origin'],
  ])('%s → %s', (input, problem) => {
    expect(checkSiteOrigin(input)).toBe(problem);
  });
});

describe('hostPatternOf', () => {
  it('asks for the host on the port it names, not every port', () => {
    expect(hostPatternOf('http://127.0.0.1:8787/x')).toBe('http://127.0.0.1:8787/*');
    expect(hostPatternOf('http://localhost:3000')).toBe('http://localhost:3000/*');
    expect(hostPatternOf('https://sg.sobot.io')).toBe('https://sg.sobot.io/*');
  });
});
