// The agent's own connection settings (base URL, signature recipe, "me in the CRM", auto-lookup),
// enabled sites and label-suggestion settings (the switch and the synonyms), kept in the extension
// origin's IndexedDB: content scripts can read and write storage.local, so a page-side compromise must
// find neither the CRM address, the sites nor the synonyms there, nor be able to plant its own. Only the
// background imports it.
// Invariant: what older versions kept in storage.local is moved here once, before the first read, and
// never read again: later writes to storage.local (by anyone) change nothing.
import { checkSiteOrigin } from '../crm/hosts';
import { openKeyValue } from '../idb';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { DEFAULT_SUGGESTION_SETTINGS, type LabelSuggestionSettings } from '../suggest/suggestion-settings';
import type { Item } from '../storage';

/** The part of storage.local the move needs (browser.storage.local has it). */
export interface LegacyArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

const SETTINGS = 'settings';
const SITES = 'enabledSites';
const SUGGESTIONS = 'labelSuggestions';
const MOVED = 'movedOutOfStorageLocal';
/**
 * The storage.local keys older versions wrote (WXT's items plus their metadata keys), removed on every
 * start. The label-suggestion key is among them though no released version wrote it: it is never read,
 * only removed, so whatever lands there leaves storage.local empty again.
 */
const LEGACY_KEYS = [SETTINGS, `${SETTINGS}$`, SITES, `${SITES}$`, SUGGESTIONS, `${SUGGESTIONS}$`];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Moves the old storage.local values in, unless already moved (what is here already is kept), then
 * removes the old keys: on every start, so copies a stopped worker left or a content script planted go too.
 */
async function moveOutOfLocalStorage(store: ReturnType<typeof openKeyValue>, legacy: LegacyArea): Promise<void> {
  if (!(await store.get(MOVED))) {
    const old = await legacy.get([SETTINGS, SITES]);
    if (isRecord(old[SETTINGS]) && (await store.get(SETTINGS)) === undefined) {
      await store.put(SETTINGS, { ...DEFAULT_SETTINGS, ...old[SETTINGS] });
    }
    if (Array.isArray(old[SITES]) && (await store.get(SITES)) === undefined) {
      const sites = old[SITES].filter((site): site is string => typeof site === 'string' && checkSiteOrigin(site) === undefined);
      await store.put(SITES, sites);
    }
    await store.put(MOVED, true);
  }
  await legacy.remove(LEGACY_KEYS);
}

export function createAgentSettings(options: { indexedDb?: IDBFactory; legacy: LegacyArea; changed?: () => unknown }) {
  const store = openKeyValue(options.indexedDb ?? globalThis.indexedDB, 'crm-sidebar-settings', 'settings');
  let moved: Promise<void> | undefined;
  // A failed move is tried again on the next read rather than leaving the settings unreadable.
  const ready = () =>
    (moved ??= moveOutOfLocalStorage(store, options.legacy).catch((error: unknown) => {
      moved = undefined;
      throw error;
    }));

  function item<T>(key: string, fallback: T): Item<T> {
    return {
      async getValue() {
        await ready();
        return (await store.get<T>(key)) ?? fallback;
      },
      async setValue(value) {
        await ready();
        await store.put(key, value);
        await options.changed?.();
      },
    };
  }

  return {
    settings: item<Settings>(SETTINGS, DEFAULT_SETTINGS),
    enabledSites: item<string[]>(SITES, []),
    labelSuggestions: item<LabelSuggestionSettings>(SUGGESTIONS, DEFAULT_SUGGESTION_SETTINGS),
  };
}
