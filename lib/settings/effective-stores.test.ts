import { describe, expect, it } from 'vitest';
import type { Credentials } from '../auth/credential-store';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { withPolicy } from './effective-stores';
import type { ManagedPolicy } from './policy';

function setup(policy: ManagedPolicy) {
  let settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://www.sobot.com' };
  let sites: string[] = ['https://mine.example'];
  const credentials = new Map<string, Credentials>([['sobot', { appid: 'mine', secret: 'my-key' }]]);
  const stores = withPolicy(async () => policy, {
    settings: { getValue: async () => settings, setValue: async (value) => void (settings = value) },
    credentials: { load: async (backend) => credentials.get(backend), save: async (backend, value) => void credentials.set(backend, value) },
    enabledSites: { getValue: async () => sites, setValue: async (value) => void (sites = value) },
  });
  return { stores, saved: () => ({ settings, sites, credentials: credentials.get('sobot') }) };
}

describe('stores with a policy laid over them', () => {
  const policy: ManagedPolicy = { baseUrl: 'https://sg.sobot.io', secret: 'corp-key', enabledSites: ['https://chat.corp.example'] };

  it('read the policy’s values and the agent’s own for the rest', async () => {
    const { stores } = setup(policy);
    expect((await stores.settings.getValue()).baseUrl).toBe('https://sg.sobot.io');
    expect(await stores.credentials.load('sobot')).toEqual({ appid: 'mine', secret: 'corp-key', origin: 'https://sg.sobot.io' });
    expect(await stores.enabledSites.getValue()).toEqual(['https://chat.corp.example', 'https://mine.example']);
  });

  it('never copy a policy value into the agent’s own storage when saving', async () => {
    const { stores, saved } = setup(policy);
    await stores.settings.setValue({ ...(await stores.settings.getValue()), autoLookup: false });
    await stores.credentials.save('sobot', { appid: 'new-id', secret: 'corp-key' });
    await stores.enabledSites.setValue(await stores.enabledSites.getValue());
    expect(saved()).toEqual({
      settings: { ...DEFAULT_SETTINGS, baseUrl: 'https://www.sobot.com', autoLookup: false },
      sites: ['https://mine.example'],
      credentials: { appid: 'new-id', secret: 'my-key' },
    });
  });

  it('binds a key stored before keys were bound to the address it was saved with, once', async () => {
    const { stores, saved } = setup({});
    expect(await stores.credentials.load('sobot')).toEqual({ appid: 'mine', secret: 'my-key', origin: 'https://www.sobot.com' });
    expect(saved().credentials).toEqual({ appid: 'mine', secret: 'my-key', origin: 'https://www.sobot.com' });
  });
});
