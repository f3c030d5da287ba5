// The followed tab's detected contacts, newest first, kept current as the page scanner reports more:
// read from session storage, where the background keeps them, and followed as it changes.
import { computed, signal } from '@preact/signals';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { followItem } from '@/lib/signals/follow-item';
import { ownedModel } from '@/lib/signals/owned-model';
import { tabContactsItem } from '@/lib/storage';
import type { FollowedTabModel } from './followed-tab';

export function createContactsModel({ tab: { followedTab } }: { tab: Pick<FollowedTabModel, 'followedTab'> }) {
  return ownedModel((own) => {
    const contactsByTab = signal<Record<string, TabContact[]>>({});

    const tabContacts = computed<TabContact[]>(() => {
      const tab = followedTab.value;
      return tab ? (contactsByTab.value[tab.id] ?? []) : [];
    });

    followItem(own, tabContactsItem, (all) => (contactsByTab.value = all ?? {}));
    return { tabContacts };
  });
}

export type ContactsModel = ReturnType<typeof createContactsModel>;
