import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { effectiveCredentials, effectiveSettings, effectiveSites, lockedFields, parsePolicy, readPolicy } from './policy';

describe('managed policy', () => {
  it('wins over what the agent saved, field by field, and names what it locks', () => {
    const policy = parsePolicy({ baseUrl: 'https://sg.sobot.io/', appid: 'corp', enabledSites: ['https://chat.corp.example'] });
    expect(effectiveSettings({ ...DEFAULT_SETTINGS, autoLookup: false }, policy)).toMatchObject({
      baseUrl: 'https://sg.sobot.io',
      autoLookup: false,
      backend: 'sobot',
    });
    expect(effectiveCredentials({ appid: 'mine', secret: 'k' }, policy)).toEqual({ appid: 'corp', secret: 'k' });
    expect(effectiveSites(['https://a.example'], policy)).toEqual(['https://chat.corp.example', 'https://a.example']);
    expect(lockedFields(policy).sort()).toEqual(['appid', 'baseUrl', 'enabledSites']);
  });

  it('ignores malformed values instead of trusting them, keeping the good ones', () => {
    const policy = parsePolicy({ backend: 'oracle', baseUrl: 'javascript:alert(1)', autoLookup: 'yes', appid: 'corp', enabledSites: ['not an origin'] });
    expect(policy).toEqual({ appid: 'corp' });
    expect(parsePolicy('garbage')).toEqual({});
    expect(parsePolicy(undefined)).toEqual({});
  });

  it('refuses a plain-http CRM address off this machine, and the secret meant for it, saying why without repeating the secret', () => {
    const reading = readPolicy({ baseUrl: 'http://crm.evil.example', secret: 'corp-key', appid: 'corp' });
    expect(reading.policy).toEqual({ appid: 'corp' });
    expect(reading.ignored).toEqual([
      { field: 'baseUrl', reason: 'insecure', value: 'http://crm.evil.example' },
      { field: 'secret', reason: 'secret-without-base-url' },
    ]);
    expect(JSON.stringify(reading)).not.toContain('corp-key');
  });

  it('drops wildcard and malformed sites one by one and keeps the rest', () => {
    const reading = readPolicy({
      enabledSites: ['https://*', 'https://*.com', 'https://chat.corp.example', 'http://localhost:99999', 'https://chat.corp.example/inbox', 7],
    });
    expect(reading.policy.enabledSites).toEqual(['https://chat.corp.example']);
    expect(reading.ignored.map(({ reason, value }) => [reason, value])).toEqual([
      ['wildcard', 'https://*'],
      ['wildcard', 'https://*.com'],
      ['invalid', 'http://localhost:99999'],
      ['not-origin', 'https://chat.corp.example/inbox'],
      ['invalid', '7'],
    ]);
  });

  it('reads the label-suggestion switch and synonyms, locks them, and names a malformed one instead of using it', () => {
    const reading = readPolicy({ labelSuggestions: false, labelSynonyms: { 红酒: [' 葡萄酒 ', 'wine', 'wine'] } });
    expect(reading).toEqual({ policy: { labelSuggestions: false, labelSynonyms: { 红酒: ['葡萄酒', 'wine'] } }, ignored: [] });
    expect(lockedFields(reading.policy).sort()).toEqual(['labelSuggestions', 'labelSynonyms']);
    const bad = readPolicy({ labelSuggestions: 'no', labelSynonyms: { 红酒: 'wine' }, autoLookup: false });
    expect(bad.policy).toEqual({ autoLookup: false });
    expect(bad.ignored).toEqual([
      { field: 'labelSuggestions', reason: 'wrong-type', value: 'no' },
      { field: 'labelSynonyms', reason: 'wrong-type' },
    ]);
    expect(readPolicy({ labelSynonyms: { 红酒: ['x'.repeat(31)] } }).policy).toEqual({});
  });

  it('changes nothing when there is no policy', () => {
    expect(effectiveSettings(DEFAULT_SETTINGS, {})).toEqual(DEFAULT_SETTINGS);
    expect(effectiveCredentials(undefined, {})).toBeUndefined();
  });
});
