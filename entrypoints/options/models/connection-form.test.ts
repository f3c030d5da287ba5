import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackendKind } from '@/lib/crm/backend';
import { registry } from '@/lib/crm/registry';
import { LEDGER_HOST, registryWithLedger } from '@/lib/crm/ledger-backend.testing';
import type { SettingsView } from '@/lib/settings/views';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const request = vi.fn();
vi.mock('@/lib/messaging/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/messaging/client')>()),
  request: (...args: unknown[]) => request(...args),
}));

const { backends, baseUrl, chosen, CUSTOM_HOST, form, offersHosts, problems, save, saved } = await import('./connection-form');

const view = (patch: Partial<SettingsView> = {}): SettingsView =>
  ({ settings: DEFAULT_SETTINGS, appid: '', hasAppKey: false, configured: false, locked: [], policyIgnored: [], ...patch }) as SettingsView;

/** The browser grants any host asked for (its typing says the callback form returns nothing). */
const grantHosts = () => vi.spyOn(browser.permissions, 'request').mockImplementation((async () => true) as unknown as typeof browser.permissions.request);

/** The test backend's kind is not one of the shipped kinds the form's type knows. */
const LEDGER = 'ledger' as BackendKind;

describe('the connection form with a third backend registered', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    request.mockReset();
    backends.value = registryWithLedger;
    saved.value = view();
    form.backend.value = LEDGER;
    form.host.value = LEDGER_HOST;
    form.customBaseUrl.value = '';
    form.appid.value = 'ledger-account';
    form.appKey.value = 'secret';
    form.extra.signatureRecipe.value = '';
  });

  it('offers it among the backends and shows its own fields', () => {
    expect(backends.value.descriptors.map((descriptor) => descriptor.kind)).toEqual(['sobot', 'useasy', 'ledger']);
    expect(chosen.value.kind).toBe('ledger');
    expect(offersHosts.value).toBe(true);
    expect(chosen.value.hosts).toEqual([LEDGER_HOST]);
    expect(chosen.value.extraFields?.map((field) => field.id)).toEqual(['ledger-region']);
    expect(baseUrl.value).toBe(LEDGER_HOST);
    form.host.value = CUSTOM_HOST;
    form.customBaseUrl.value = 'https://ledger.corp.example';
    expect(baseUrl.value).toBe('https://ledger.corp.example');
  });

  it('checks its extra field with its own check, and no other backend does', () => {
    form.extra.signatureRecipe.value = 'mars';
    expect(problems.value.extra).toEqual({ signatureRecipe: '"mars" is not a Ledger region (cn or eu)' });
    form.extra.signatureRecipe.value = 'eu';
    expect(problems.value).toEqual({});
    form.extra.signatureRecipe.value = 'mars';
    form.backend.value = 'sobot';
    expect(problems.value.extra).toBeUndefined();
  });

  it('saves its kind, its host and its extra setting', async () => {
    grantHosts();
    request.mockResolvedValue(view());
    form.extra.signatureRecipe.value = 'cn';
    expect(await save({ saved: 'saved', permissionDenied: 'denied' })).toBe(true);
    expect(request).toHaveBeenCalledWith(
      'settings.save',
      expect.objectContaining({ backend: 'ledger', baseUrl: LEDGER_HOST, appid: 'ledger-account', signatureRecipe: 'cn' }),
    );
  });

  it('sends no extra setting for a backend that asks for none', async () => {
    grantHosts();
    request.mockResolvedValue(view());
    backends.value = registry;
    form.backend.value = 'sobot';
    form.host.value = 'https://www.sobot.com';
    form.extra.signatureRecipe.value = 'cn';
    expect(await save({ saved: 'saved', permissionDenied: 'denied' })).toBe(true);
    expect(request.mock.calls[0]![1]).not.toHaveProperty('signatureRecipe');
  });
});
