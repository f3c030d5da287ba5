// The context menu: "Scan this page" where the agent did not enable the site, and "Look up
// “<selection>”", which leaves the selection for the panel to pick up. A menu click grants activeTab for
// that tab, which is all the scanner needs. Only the background imports it.
import { browser, type Browser } from 'wxt/browser';
import type { DetectedContact } from '@/lib/contacts/detect';
import type { Item, PendingLookup } from '@/lib/storage';
import { injectScanner } from './page-scanner';

const SCAN_PAGE = 'crm-sidebar-scan-page';
const LOOK_UP_SELECTION = 'crm-sidebar-look-up-selection';

async function openPanel(tab: Browser.tabs.Tab | undefined) {
  // Must be called while the click's user gesture lasts, before any other await.
  if (tab?.id !== undefined) await chrome.sidePanel?.open({ tabId: tab.id }).catch(() => undefined);
}

export function registerContextMenu(detect: (text: string) => DetectedContact[], pendingLookup: Item<PendingLookup | null>) {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: SCAN_PAGE, title: browser.i18n.getMessage('menuScanPage'), contexts: ['page', 'frame'] });
      browser.contextMenus.create({ id: LOOK_UP_SELECTION, title: browser.i18n.getMessage('menuLookUpSelection'), contexts: ['selection'] });
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const opening = openPanel(tab);
    if (info.menuItemId === SCAN_PAGE && tab?.id !== undefined) {
      void opening.then(() => injectScanner(tab.id!));
    }
    if (info.menuItemId === LOOK_UP_SELECTION && info.selectionText) {
      const text = info.selectionText.trim().slice(0, 120);
      const [contact] = detect(text);
      void pendingLookup.setValue({ at: Date.now(), text, contact: contact && { kind: contact.kind, value: contact.value } });
    }
  });
}
