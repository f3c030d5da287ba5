import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackendKind } from '@/lib/crm/backend';
import { registry, type Registry } from '@/lib/crm/registry';
import { LEDGER_HOST, registryWithLedger } from '@/lib/crm/ledger-backend.testing';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import type { SettingsView } from '@/lib/settings/views';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { CUSTOM_HOST, createConnectionFormModel, type ConnectionFormModel } from './connection-form';

const { client, request } = fakeClient();
/** The form as the options page makes it when it opens; made afresh for each test. */
let connection: ConnectionFormModel;

const view = (patch: Partial<SettingsView> = {}): SettingsView =>
  ({ settings: DEFAULT_SETTINGS, appid: '', hasAppKey: false, configured: false, locked: [], policyIgnored: [], ...patch }) as SettingsView;

/** The browser grants any host asked for (its typing says the callback form returns nothing). */
const grantHosts = () => vi.spyOn(browser.permissions, 'request').mockImplementation((async () => true) as unknown as typeof browser.permissions.request);

/** The test backend's kind is not one of the shipped kinds the form's type knows. */
const LEDGER = 'ledger' as BackendKind;

/** Opens the form offering `backends`, once the saved settings (nothing configured yet) are in, and types a connection in. */
async function openForm(backends: Registry, typed: { backend: BackendKind; host: string }) {
  request.mockReset();
  request.mockResolvedValue(view());
  connection = createConnectionFormModel({ client, backends });
  await vi.waitFor(() => expect(connection.saved.value).toBeDefined());
  request.mockReset();
  const { form } = connection;
  form.backend.value = typed.backend;
  form.host.value = typed.host;
  form.customBaseUrl.value = '';
  form.appid.value = 'ledger-account';
  form.appKey.value = 'secret';
  form.extra.signatureRecipe.value = '';
}

describe('the connection form with a third backend registered', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openForm(registryWithLedger, { backend: LEDGER, host: LEDGER_HOST });
  });
  afterEach(() => connection.dispose());

  it('offers it among the backends and shows its own fields', () => {
    const { backends, baseUrl, chosen, form, offersHosts } = connection;
    expect(backends.descriptors.map((descriptor) => descriptor.kind)).toEqual(['sobot', 'useasy', 'ledger']);
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
    const { form, problems } = connection;
    form.extra.signatureRecipe.value = 'mars';
    expect(problems.value.extra).toEqual({ signatureRecipe: '"mars" is not a Ledger region (cn or eu)' });
    form.extra.signatureRecipe.value = 'eu';
    expect(problems.value).toEqual({});
    form.extra.signatureRecipe.value = 'mars';
    form.backend.value = 'sobot';
    expect(problems.value.extra).toBeUndefined();
  });

  it('saves its kind, its host and its extra setting', async () => {
    const { form, save } = connection;
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
    connection.dispose();
    await openForm(registry, { backend: 'sobot', host: 'https://www.sobot.com' });
    const { form, save } = connection;
    grantHosts();
    request.mockResolvedValue(view());
    form.extra.signatureRecipe.value = 'cn';
    expect(await save({ saved: 'saved', permissionDenied: 'denied' })).toBe(true);
    expect(request.mock.calls[0]![1]).not.toHaveProperty('signatureRecipe');
  });
});
