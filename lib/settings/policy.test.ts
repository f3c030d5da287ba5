import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../storage';
import { effectiveCredentials, effectiveSettings, effectiveSites, lockedFields, parsePolicy } from './policy';

describe('managed policy', () => {
  it('wins over what the agent saved, field by field, and names what it locks', () => {
    const policy = parsePolicy({ baseUrl: 'https://sg.sobot.io/', appid: 'corp', enabledSites: ['https://chat.corp.example'] });
    expect(effectiveSettings({ ...DEFAULT_SETTINGS, autoLookup: false }, policy)).toMatchObject({ baseUrl: 'https://sg.sobot.io', autoLookup: false, backend: 'sobot' });
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

  it('changes nothing when there is no policy', () => {
    expect(effectiveSettings(DEFAULT_SETTINGS, {})).toEqual(DEFAULT_SETTINGS);
    expect(effectiveCredentials(undefined, {})).toBeUndefined();
  });
});
