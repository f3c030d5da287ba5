import { describe, expect, it, vi } from 'vitest';
import type { Credentials } from '@/lib/auth/credential-store';
import { connectionKeyOf } from '@/lib/crm/connection-key';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage';
import type { HandlerDependencies, Item } from './dependencies';
import { settingsHandlers } from './settings';

function item<T>(value: T): Item<T> {
  return { getValue: async () => value, setValue: async (next) => void (value = next) };
}

function setup() {
  const stored = new Map<string, Credentials>();
  const settings = item<Settings>({ ...DEFAULT_SETTINGS });
  const testConnection = vi.fn(async () => undefined);
  const deps = {
    settings,
    credentials: { load: async (backend: string) => stored.get(backend), save: async (backend: string, value: Credentials) => void stored.set(backend, value) },
    session: {
      invalidate: () => undefined,
      backend: async () => ({ capabilities: { labels: true, stages: true, notes: true, timeline: true }, testConnection }),
      connectionKey: async () => {
        const current = await settings.getValue();
        const credentials = stored.get(current.backend);
        return credentials ? connectionKeyOf(current.backend, current.baseUrl, credentials.appid) : undefined;
      },
    },
    reference: { clear: vi.fn(async () => undefined) },
    lockedFields: async () => [],
  } as unknown as HandlerDependencies;
  return { handlers: settingsHandlers(deps), stored, settings, testConnection, deps };
}

const fromPage = { sender: 'extension-page' as const };

describe('settings handlers', () => {
  it('saves credentials out of settings storage and never reads the key back', async () => {
    const { handlers, stored, settings } = setup();
    const view = await handlers['settings.save']({ baseUrl: 'http://127.0.0.1:8787/', appid: ' sobot-demo ', appKey: 'secret-key' }, fromPage);
    expect(stored.get('sobot')).toEqual({ appid: 'sobot-demo', secret: 'secret-key' });
    expect((await settings.getValue()).baseUrl).toBe('http://127.0.0.1:8787');
    expect(view).toMatchObject({ appid: 'sobot-demo', hasAppKey: true, configured: true, connection: 'sobot|http://127.0.0.1:8787|sobot-demo' });
    expect(JSON.stringify(view)).not.toContain('secret-key');
  });

  it('keeps the stored key when the form leaves it empty', async () => {
    const { handlers, stored } = setup();
    await handlers['settings.save']({ baseUrl: 'https://www.sobot.com', appid: 'a', appKey: 'k1' }, fromPage);
    await handlers['settings.save']({ baseUrl: 'https://www.sobot.com', appid: 'b' }, fromPage);
    expect(stored.get('sobot')).toEqual({ appid: 'b', secret: 'k1' });
  });

  it('reports an unconfigured connection without capabilities', async () => {
    const { handlers } = setup();
    expect(await handlers['settings.get']({}, fromPage)).toMatchObject({ configured: false, hasAppKey: false, capabilities: { labels: false } });
  });
});
