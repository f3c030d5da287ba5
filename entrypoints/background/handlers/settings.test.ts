import { describe, expect, it, vi } from 'vitest';
import type { Credentials } from '@/lib/auth/credential-store';
import { connectionKeyOf } from '@/lib/crm/connection-key';
import { CrmError } from '@/lib/crm/errors';
import { usableConnection } from '@/lib/crm/session';
import { readPolicy, type PolicyReading } from '@/lib/settings/policy';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import type { HandlerDependencies } from './dependencies';
import type { Item } from '../../../lib/storage';
import { settingsHandlers } from './settings';

function item<T>(value: T): Item<T> {
  return { getValue: async () => value, setValue: async (next) => void (value = next) };
}

function setup(policy: PolicyReading = { policy: {}, ignored: [] }) {
  const stored = new Map<string, Credentials>();
  const settings = item<Settings>({ ...DEFAULT_SETTINGS });
  const testConnection = vi.fn(async () => undefined);
  const tryConnection = vi.fn(async () => ({ token: 'trial-token', expiresAt: 1 }));
  const replaceToken = vi.fn(async () => undefined);
  const reference = { clear: vi.fn(async () => undefined) };
  const deps = {
    settings,
    credentials: { load: async (backend: string) => stored.get(backend), save: async (backend: string, value: Credentials) => void stored.set(backend, value) },
    session: {
      invalidate: () => undefined,
      backend: async () => ({ capabilities: { labels: true, stages: true, notes: true, timeline: true }, testConnection }),
      connectionKey: async () => {
        const current = await settings.getValue();
        return usableConnection({ settings: current, credentials: stored.get(current.backend) });
      },
      tryConnection,
      replaceToken,
    },
    listCache: reference,
    policy: async () => policy,
  } as unknown as HandlerDependencies;
  return { handlers: settingsHandlers(deps), stored, settings, testConnection, tryConnection, replaceToken, reference };
}

const fromPage = { sender: 'extension-page' as const };
const MOCK = 'http://127.0.0.1:8787';
const OTHER = 'http://127.0.0.1:9999';

describe('settings handlers', () => {
  it('saves credentials out of settings storage, bound to their origin, and never reads the key back', async () => {
    const { handlers, stored, settings } = setup();
    const view = await handlers['settings.save']({ baseUrl: `${MOCK}/`, appid: ' sobot-demo ', appKey: 'secret-key' }, fromPage);
    expect(stored.get('sobot')).toEqual({ appid: 'sobot-demo', secret: 'secret-key', origin: MOCK });
    expect((await settings.getValue()).baseUrl).toBe(MOCK);
    expect(view).toMatchObject({ appid: 'sobot-demo', hasAppKey: true, configured: true, connection: connectionKeyOf('sobot', MOCK, 'sobot-demo') });
    expect(JSON.stringify(view)).not.toContain('secret-key');
  });

  it('keeps the stored key when the form leaves it empty for the same address and account', async () => {
    const { handlers, stored } = setup();
    await handlers['settings.save']({ baseUrl: 'https://www.sobot.com', appid: 'a', appKey: 'k1' }, fromPage);
    await handlers['settings.save']({ baseUrl: 'https://www.sobot.com/', appid: 'a', autoLookup: false }, fromPage);
    expect(stored.get('sobot')).toEqual({ appid: 'a', secret: 'k1', origin: 'https://www.sobot.com' });
  });

  it('never signs for another address with the stored key: a changed origin needs the key again', async () => {
    const { handlers, stored, tryConnection } = setup();
    await handlers['settings.save']({ baseUrl: MOCK, appid: 'a', appKey: 'k1' }, fromPage);
    await expect(handlers['settings.save']({ baseUrl: OTHER, appid: 'a' }, fromPage)).rejects.toMatchObject({ code: 'key-required' });
    await expect(handlers['settings.save']({ baseUrl: MOCK, appid: 'b' }, fromPage)).rejects.toMatchObject({ code: 'key-required' });
    expect(tryConnection).not.toHaveBeenCalled();
    expect(stored.get('sobot')).toEqual({ appid: 'a', secret: 'k1', origin: MOCK });
  });

  it('tries a changed key against the CRM first and keeps the working connection when the CRM refuses it', async () => {
    const { handlers, stored, settings, tryConnection, replaceToken } = setup();
    await handlers['settings.save']({ baseUrl: MOCK, appid: 'a', appKey: 'k1' }, fromPage);
    replaceToken.mockClear();
    tryConnection.mockRejectedValueOnce(new CrmError('bad-signature', 'Wrong signature.', '900003'));
    await expect(handlers['settings.save']({ baseUrl: MOCK, appid: 'a', appKey: 'mistyped' }, fromPage)).rejects.toMatchObject({ code: 'bad-signature' });
    expect(tryConnection).toHaveBeenCalledWith(expect.objectContaining({ credentials: { appid: 'a', secret: 'mistyped', origin: MOCK } }));
    expect(stored.get('sobot')?.secret).toBe('k1');
    expect((await settings.getValue()).baseUrl).toBe(MOCK);
    expect(replaceToken).not.toHaveBeenCalled();
  });

  it('replaces the working connection once the new one works, dropping the old token for the trial’s', async () => {
    const { handlers, stored, tryConnection, replaceToken, reference } = setup();
    await handlers['settings.save']({ baseUrl: MOCK, appid: 'a', appKey: 'k1' }, fromPage);
    reference.clear.mockClear();
    const view = await handlers['settings.save']({ baseUrl: OTHER, appid: 'a', appKey: 'k2' }, fromPage);
    expect(tryConnection).toHaveBeenCalledTimes(1);
    expect(stored.get('sobot')).toEqual({ appid: 'a', secret: 'k2', origin: OTHER });
    expect(replaceToken).toHaveBeenLastCalledWith(connectionKeyOf('sobot', OTHER, 'a'), { token: 'trial-token', expiresAt: 1 });
    expect(reference.clear).toHaveBeenCalled();
    expect(view.connection).toBe(connectionKeyOf('sobot', OTHER, 'a'));
  });

  it('saves preferences without a CRM request when the connection stays the same', async () => {
    const { handlers, tryConnection } = setup();
    await handlers['settings.save']({ baseUrl: MOCK, appid: 'a', appKey: 'k1' }, fromPage);
    await handlers['settings.save']({ baseUrl: MOCK, appid: 'a', autoLookup: false }, fromPage);
    expect(tryConnection).not.toHaveBeenCalled();
  });

  it('counts a key entered for another address as no key at all', async () => {
    const { handlers, stored, settings } = setup();
    stored.set('sobot', { appid: 'a', secret: 'k1', origin: MOCK });
    await settings.setValue({ ...DEFAULT_SETTINGS, baseUrl: OTHER });
    expect(await handlers['settings.get']({}, fromPage)).toMatchObject({ hasAppKey: false, configured: false });
  });

  it('shows the fields the admin set as locked and names the policy values left out, never the secret', async () => {
    const { handlers } = setup(readPolicy({ baseUrl: 'http://crm.evil.example', secret: 'corp-key', appid: 'corp', autoLookup: false }));
    const view = await handlers['settings.get']({}, fromPage);
    expect(view.locked.sort()).toEqual(['appid', 'autoLookup']);
    expect(view.policyIgnored).toEqual([
      { field: 'baseUrl', reason: 'insecure', value: 'http://crm.evil.example' },
      { field: 'secret', reason: 'secret-without-base-url' },
    ]);
    expect(JSON.stringify(view)).not.toContain('corp-key');
  });

  it('reports an unconfigured connection without capabilities', async () => {
    const { handlers } = setup();
    expect(await handlers['settings.get']({}, fromPage)).toMatchObject({ configured: false, hasAppKey: false, capabilities: { labels: false } });
  });
});
