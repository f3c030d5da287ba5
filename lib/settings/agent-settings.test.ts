import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { DEFAULT_SUGGESTION_SETTINGS } from '../suggest/suggestion-settings';
import { createAgentSettings } from './agent-settings';

const OLD_SETTINGS: Settings = {
  backend: 'useasy',
  baseUrl: 'https://crm.example.com',
  autoLookup: false,
  signatureRecipe: 'hmac-sha256/appid+nonce+timestamp/base64',
  myAgent: { id: 'a1', name: '王芳' },
};

const SUGGESTIONS = { enabled: false, synonyms: { 开票需求: ['发票', 'invoice'] } };

describe('the agent’s settings and enabled sites', () => {
  let indexedDb: IDBFactory;
  const open = (changed?: () => void) => createAgentSettings({ indexedDb, legacy: fakeBrowser.storage.local, changed });

  beforeEach(() => {
    fakeBrowser.reset();
    indexedDb = new IDBFactory();
  });

  it('move out of storage.local once, on first read, and leave nothing there', async () => {
    await fakeBrowser.storage.local.set({ settings: OLD_SETTINGS, enabledSites: ['https://chat.example.com', 'https://*.example.com'], unrelated: 1 });
    const stores = open();
    expect(await stores.settings.getValue()).toEqual(OLD_SETTINGS);
    // An entry no version should have stored (a wildcard) is not carried over.
    expect(await stores.enabledSites.getValue()).toEqual(['https://chat.example.com']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ unrelated: 1 });
  });

  it('ignore whatever storage.local holds after the move: a content script cannot plant a CRM address', async () => {
    await open().settings.getValue(); // a fresh install: moved with nothing to move
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, baseUrl: 'https://evil.example' }, enabledSites: ['https://evil.example'] });
    const restarted = open();
    expect(await restarted.settings.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await restarted.enabledSites.getValue()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keep saved values across a worker restart and say when they changed', async () => {
    const changed = vi.fn();
    const stores = open(changed);
    await stores.settings.setValue(OLD_SETTINGS);
    await stores.enabledSites.setValue(['https://chat.example.com']);
    expect(changed).toHaveBeenCalledTimes(2);
    const restarted = open();
    expect(await restarted.settings.getValue()).toEqual(OLD_SETTINGS);
    expect(await restarted.enabledSites.getValue()).toEqual(['https://chat.example.com']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('finish a move whose clean-up failed on the next read, without losing the values moved', async () => {
    await fakeBrowser.storage.local.set({ settings: OLD_SETTINGS });
    const local = fakeBrowser.storage.local;
    const remove = vi.fn((keys: string[]) => local.remove(keys)).mockRejectedValueOnce(new Error('storage is busy'));
    const stores = createAgentSettings({ indexedDb, legacy: { get: (keys) => local.get(keys), remove } });
    await expect(stores.settings.getValue()).rejects.toThrow('storage is busy');
    expect(await stores.settings.getValue()).toEqual(OLD_SETTINGS);
    expect(await local.get(null)).toEqual({});
  });

  it('keep the label-suggestion settings out of storage.local: saved here, never read from there, and what is planted there removed', async () => {
    // Planted before the first start (no released version wrote this key): not taken over.
    await fakeBrowser.storage.local.set({ labelSuggestions: { enabled: false, synonyms: { 红酒: ['evil'] } } });
    const stores = open();
    expect(await stores.labelSuggestions.getValue()).toEqual(DEFAULT_SUGGESTION_SETTINGS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    const changed = vi.fn();
    const saving = open(changed);
    await saving.labelSuggestions.setValue(SUGGESTIONS);
    expect(changed).toHaveBeenCalledOnce();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // Planted while running: still not read.
    await fakeBrowser.storage.local.set({ labelSuggestions: DEFAULT_SUGGESTION_SETTINGS });
    expect(await saving.labelSuggestions.getValue()).toEqual(SUGGESTIONS);

    // A restart still reads what the agent saved, and removes the planted copy and its metadata.
    await fakeBrowser.storage.local.set({ labelSuggestions$: { v: 1 } });
    const restarted = open();
    expect(await restarted.labelSuggestions.getValue()).toEqual(SUGGESTIONS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
