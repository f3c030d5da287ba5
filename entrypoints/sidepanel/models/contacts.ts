// The followed tab's detected contacts, newest first, kept current as the page scanner reports more.
import { computed, effect, signal } from '@preact/signals';
import { request } from '@/lib/messaging/client';
import type { TabContact } from '@/lib/messaging/protocol';
import { tabContactsItem } from '@/lib/storage';
import { followedTab } from './followed-tab';

const contactsByTab = signal<Record<string, TabContact[]>>({});

export const tabContacts = computed<TabContact[]>(() => {
  const tab = followedTab.value;
  return tab ? (contactsByTab.value[tab.id] ?? []) : [];
});

export const newestContact = computed<TabContact | undefined>(() => tabContacts.value[0]);

export function startWatchingContacts() {
  // Session storage is readable by extension pages: watching it beats polling the background.
  tabContactsItem.watch((all) => {
    contactsByTab.value = all ?? {};
  });
  effect(() => {
    const tab = followedTab.value;
    if (!tab) return;
    void request('contacts.forTab', { tabId: tab.id }).then(
      ({ contacts }) => (contactsByTab.value = { ...contactsByTab.value, [tab.id]: contacts }),
      () => undefined,
    );
  });
}
