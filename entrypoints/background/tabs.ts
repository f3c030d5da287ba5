// Keeps per-tab state tidy: the action badge shows how many contacts a tab has, a tab's contacts and
// conversation go when the tab closes or loads a new document, and everything else about a tab (its lookup, its pin) goes when
// it closes. Only the background imports it.
import { browser } from 'wxt/browser';
import type { TabContact } from '@/lib/contacts/tab-contacts';

interface PerTabItem {
  getValue(): Promise<Record<string, unknown>>;
  setValue(value: Record<string, unknown>): Promise<void>;
}

/** `perTab`: items keyed by tab id (contacts, conversation) whose entry describes the document on screen. */
export function watchTabs(perTab: PerTabItem[], onClosed: (tabId: number) => void) {
  async function forgetIn(item: PerTabItem, tabId: number) {
    const all = await item.getValue();
    if (!(tabId in all)) return;
    const { [tabId]: _removed, ...rest } = all;
    await item.setValue(rest);
  }
  const forget = (tabId: number) => Promise.all(perTab.map((item) => forgetIn(item, tabId)));

  browser.tabs.onRemoved.addListener((tabId) => {
    void forget(tabId);
    onClosed(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: what the old one showed no longer describes this conversation.
    if (change.status === 'loading' && change.url) {
      void forget(tabId).then(() => browser.action.setBadgeText({ tabId, text: '' }));
    }
  });

  return {
    showCount(tabId: number, contacts: TabContact[]) {
      void browser.action.setBadgeText({ tabId, text: contacts.length ? String(contacts.length) : '' });
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#2563eb' });
    },
  };
}
