// Every chrome.storage item of the extension, in one file, so what lives where (and who can read it)
// is visible at a glance. No item is `local:`: content scripts can read and write storage.local. Secrets
// live in lib/auth/credential-store.ts, the agent's settings, enabled sites and label-suggestion settings
// in lib/settings/agent-settings.ts (both in the extension origin's IndexedDB).
import { storage } from 'wxt/utils/storage';
import type { IssuedToken } from './auth/token-holder';
import type { RememberedStage } from './crm/stage';
import type { TabLookup } from './lookup/tab-lookup';
import type { TabContact } from './contacts/tab-contacts';
import type { LookupAnswer } from './crm/views';
import type { CustomerFormValues } from './crm/customer-form';
import type { OutboxWrite } from './outbox/types';
import type { ConversationText } from './suggest/conversation';

/** A stored value as the background's modules take it: a WXT storage item, an IndexedDB entry or a test's fake. */
export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/**
 * An item only the background writes, read from storage once and then from memory: each of a page's
 * reports would otherwise wait for a storage read before its lookup starts. Every background writer
 * must go through the same mirror; a restarted worker reads storage afresh.
 */
export function mirrored<T>(item: Item<T>): Item<T> {
  let copy: Promise<T> | undefined;
  return {
    getValue: () => (copy ??= item.getValue()),
    async setValue(value) {
      copy = Promise.resolve(value);
      await item.setValue(value);
    },
  };
}

/**
 * Changes whenever the settings, the enabled sites or the admin's policy change, so the extension's pages
 * ask the background again; it carries nothing else (the values live where content scripts cannot read).
 */
export const settingsChangedItem = storage.defineItem<string>('session:settingsChanged', { fallback: '' });

/** Detected contacts per tab id, newest first. Session storage: survives a worker restart, not the browser. */
export const tabContactsItem = storage.defineItem<Record<string, TabContact[]>>('session:tabContacts', {
  fallback: {},
});

/**
 * What each tab's visitor wrote, as far as the page scanner reported it (lib/suggest/conversation.ts):
 * read for label suggestions. Session storage, kept in memory only: gone with the tab, its page or the browser.
 */
export const tabConversationsItem = storage.defineItem<Record<string, ConversationText[]>>('session:tabConversations', { fallback: {} });

/**
 * Each tab's lookup as the background decided it (lib/lookup/tab-lookup.ts): what the panel shows, the
 * agent's pin, the offered new contact. Session storage: survives a worker restart and closing the panel.
 */
export const tabLookupsItem = storage.defineItem<Record<string, TabLookup>>('session:tabLookups', { fallback: {} });

/** The CRM token with the connection it belongs to, so new credentials never reuse an old token. */
export const crmTokenItem = storage.defineItem<{ connection: string; token: IssuedToken } | null>('session:crmToken', { fallback: null });

/** The last lookup answer per contact, so a recently viewed customer shows at once. */
export const lookupCacheItem = storage.defineItem<Record<string, { at: number; answer: LookupAnswer }>>('session:lookupCache', {
  fallback: {},
});

/** The stage last read from each customer's timeline, with the update time it was read for; newest 100. */
export const stageCacheItem = storage.defineItem<Record<string, RememberedStage>>('session:stageCache', { fallback: {} });

/** Text the agent chose "Look up" on in the context menu; the panel picks it up and clears it. */
export const pendingLookupItem = storage.defineItem<PendingLookup | null>('session:pendingLookup', { fallback: null });

export interface PendingLookup {
  at: number;
  text: string;
  /** The contact found in the text, if any. */
  contact?: { kind: 'phone' | 'email'; value: string };
}

/** The write queue as the panel shows it (sending / sent / failed); the queue itself is in IndexedDB. */
export const outboxViewItem = storage.defineItem<OutboxWrite[]>('session:outbox', { fallback: [] });

/** Draft follow-up notes per customer id, so closing the panel loses nothing the agent typed. */
export const noteDraftsItem = storage.defineItem<Record<string, string>>('session:noteDrafts', { fallback: {} });

/** Half-filled customer forms, per form, so closing the panel loses nothing the agent typed. */
export const formDraftItem = storage.defineItem<Record<string, CustomerFormValues>>('session:formDrafts', { fallback: {} });

/** The CRM's lists (lib/crm/list-cache.ts), per connection, with when each was fetched. */
export const listCacheItem = storage.defineItem<Record<string, { fetchedAt: number; value: unknown }>>('session:crmListCache', { fallback: {} });
