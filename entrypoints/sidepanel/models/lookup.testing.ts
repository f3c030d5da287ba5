// For the panel models' tests: the followed tab and the settings as plain signals, the lookup model over
// them, and `showLookup`, which puts a lookup on screen the way the background's publication would.
// Test-only.
import { computed, signal } from '@preact/signals';
import type { LookupView, TabLookup } from '@/lib/lookup/tab-lookup';
import type { Client } from '@/lib/messaging/client';
import type { SettingsView } from '@/lib/settings/views';
import type { FollowedTab } from './followed-tab';
import { createLookupModel } from './lookup';

export const TEST_TAB_ID = 1;

export function lookupOnScreen(client: Client) {
  const followedTab = signal<FollowedTab | undefined>(undefined);
  const settingsView = signal<SettingsView | undefined>(undefined);
  const tab = { followedTab };
  const settings = { settingsView, autoLookupOn: computed(() => Boolean(settingsView.value?.configured && settingsView.value.settings.autoLookup)) };
  const lookup = createLookupModel({ client, tab, settings });

  function showLookup(view: LookupView, rest: Partial<Omit<TabLookup, 'view'>> = {}) {
    if (!followedTab.peek()) followedTab.value = { id: TEST_TAB_ID, url: 'https://chat.example/', origin: 'https://chat.example' };
    const tabId = followedTab.peek()!.id;
    lookup.publishedLookups.value = {
      ...lookup.publishedLookups.peek(),
      [tabId]: { connection: settingsView.peek()?.connection, pinned: false, ...rest, view },
    };
  }

  return { tab, settings, lookup, followedTab, settingsView, showLookup };
}
