import { describe, expect, it } from 'vitest';
import { checkBaseUrl, hostPatternOf } from './hosts';

describe('checkBaseUrl', () => {
  it.each([
    ['https://www.sobot.com', undefined],
    ['https://crm.example.com/sobot/', undefined],
    ['http://127.0.0.1:8787', undefined],
    ['', 'empty'],
    ['www.sobot.com', 'invalid'],
    ['ftp://www.sobot.com', 'invalid'],
    ['http://crm.example.com', 'insecure'],
  ])('%s → %s', (input, problem) => {
    expect(checkBaseUrl(input)).toBe(problem);
  });
});

describe('hostPatternOf', () => {
  it('asks for the host only, on every port', () => {
    expect(hostPatternOf('http://127.0.0.1:8787/x')).toBe('http://127.0.0.1/*');
    expect(hostPatternOf('https://sg.sobot.io')).toBe('https://sg.sobot.io/*');
  });
});
