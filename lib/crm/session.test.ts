import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../storage';
import { createCrmSession } from './session';

function setup() {
  let settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://crm.example' };
  const loadSettings = vi.fn(async () => settings);
  const session = createCrmSession({
    loadSettings,
    credentials: { load: async () => ({ appid: 'a', secret: 'k' }), save: async () => undefined },
    token: { load: async () => null, save: async () => undefined },
  });
  return { session, loadSettings, change: (next: Partial<Settings>) => (settings = { ...settings, ...next }) };
}

describe('crmSession', () => {
  it('reads the configuration once and reuses the backend for every call', async () => {
    const { session, loadSettings } = setup();
    const first = await session.backend();
    expect(await session.backend()).toBe(first);
    expect(await session.connectionKey()).toBe('sobot|https://crm.example|a');
    expect(loadSettings).toHaveBeenCalledTimes(1);
  });

  it('picks a changed connection up after invalidate()', async () => {
    const { session, change } = setup();
    const first = await session.backend();
    change({ baseUrl: 'https://other.example' });
    expect(await session.backend()).toBe(first);
    session.invalidate();
    expect(await session.backend()).not.toBe(first);
    expect(await session.connectionKey()).toBe('sobot|https://other.example|a');
  });

  it('hands a write’s delivery the backend only of the connection the write was made for', async () => {
    const { session, change } = setup();
    const made = (await session.connectionKey())!;
    expect(await session.backend(made)).toBe(await session.backend());
    change({ baseUrl: 'https://other.example' });
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
});
