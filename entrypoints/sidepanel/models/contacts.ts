// The followed tab's detected contacts, newest first, kept current as the page scanner reports more:
// read from session storage, where the background keeps them, and followed as it changes.
import { computed, signal } from '@preact/signals';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { tabContactsItem } from '@/lib/storage';
import { followedTab } from './followed-tab';

const contactsByTab = signal<Record<string, TabContact[]>>({});

export const tabContacts = computed<TabContact[]>(() => {
  const tab = followedTab.value;
  return tab ? (contactsByTab.value[tab.id] ?? []) : [];
});

export function startWatchingContacts() {
  let changed = false;
  tabContactsItem.watch((all) => {
    changed = true;
    contactsByTab.value = all ?? {};
  });
  void tabContactsItem.getValue().then((all) => changed || (contactsByTab.value = all ?? {}), () => undefined);
}
