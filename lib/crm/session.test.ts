import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import type { Credentials } from '../auth/credential-store';
import { connectionKeyOf } from './connection-key';
import { createCrmSession } from './session';

function setup() {
  let settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://crm.example' };
  const credentials: Credentials = { appid: 'a', secret: 'k', origin: 'https://crm.example' };
  const loadSettings = vi.fn(async () => settings);
  const session = createCrmSession({
    loadSettings,
    credentials: { load: async () => credentials, save: async () => undefined },
    token: { load: async () => null, save: async () => undefined },
  });
  return { session, loadSettings, change: (next: Partial<Settings>) => (settings = { ...settings, ...next }) };
}

describe('crmSession', () => {
  it('reads the configuration once and reuses the backend for every call', async () => {
    const { session, loadSettings } = setup();
    const first = await session.backend();
    expect(await session.backend()).toBe(first);
    expect(await session.connectionKey()).toBe(connectionKeyOf('sobot', 'https://crm.example', 'a'));
    expect(loadSettings).toHaveBeenCalledTimes(1);
  });

  it('picks a changed connection up after invalidate()', async () => {
    const { session, change } = setup();
    const first = await session.backend();
    change({ baseUrl: 'https://crm.example/v2' });
    expect(await session.backend()).toBe(first);
    session.invalidate();
    expect(await session.backend()).not.toBe(first);
    expect(await session.connectionKey()).toBe(connectionKeyOf('sobot', 'https://crm.example/v2', 'a'));
  });

  it('hands a write’s delivery the backend only of the connection the write was made for', async () => {
    const { session, change } = setup();
    const made = (await session.connectionKey())!;
    expect(await session.backend(made)).toBe(await session.backend());
    change({ baseUrl: 'https://crm.example/v2' });
    session.invalidate();
    await expect(session.backend(made)).rejects.toMatchObject({ code: 'connection-changed', retryable: true });
    expect(await session.backend()).toBeDefined();
  });

  it('says the connection is not set up when credentials are missing', async () => {
    const session = createCrmSession({
      loadSettings: async () => DEFAULT_SETTINGS,
      credentials: { load: async () => undefined, save: async () => undefined },
      token: { load: async () => null, save: async () => undefined },
    });
    await expect(session.backend()).rejects.toMatchObject({ code: 'not-configured' });
  });

  it('signs for no address but the one the key was entered for', async () => {
    const { session, change } = setup();
    const fetch = vi.fn();
    change({ baseUrl: 'https://relay.example' });
    session.invalidate();
    await expect(session.backend()).rejects.toMatchObject({ code: 'key-required' });
    expect(await session.connectionKey()).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tries a connection out without touching the stored token, and answers the token it was issued', async () => {
    const saved = vi.fn();
    const fetch = vi.fn(async (url: string) => {
      const path = new URL(url).pathname;
      const body = path.endsWith('get_token') ? { ret_code: '000000', item: { token: 'fresh', expires_in: '86400' } } : { ret_code: '000000', items: [] };
      return new Response(JSON.stringify(body));
    });
    const session = createCrmSession({
      loadSettings: async () => DEFAULT_SETTINGS,
      credentials: { load: async () => undefined, save: async () => undefined },
      token: { load: async () => null, save: saved },
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    const candidate = {
      settings: { ...DEFAULT_SETTINGS, baseUrl: 'https://crm.example' },
      credentials: { appid: 'a', secret: 'k', origin: 'https://crm.example' },
    };
    expect(await session.tryConnection(candidate)).toMatchObject({ token: 'fresh' });
    expect(saved).not.toHaveBeenCalled();
    expect(fetch.mock.calls.every(([url]) => String(url).startsWith('https://crm.example/'))).toBe(true);
    await expect(session.tryConnection({ ...candidate, credentials: { ...candidate.credentials, origin: 'https://other.example' } })).rejects.toMatchObject({
      code: 'key-required',
    });
  });
});
