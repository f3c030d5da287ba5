// The composition root: builds the stores, the CRM session and the handlers, and registers the one
// message listener. No logic lives here.
import { browser } from 'wxt/browser';
import { createCredentialStore } from '@/lib/auth/credential-store';
import { createReferenceCache } from '@/lib/crm/reference-cache';
import { createCrmSession } from '@/lib/crm/session';
import { detectContacts } from '@/lib/contacts/detect';
import { createMessageHandler, listen } from '@/lib/messaging/server';
import { crmTokenItem, enabledSitesItem, lookupCacheItem, referenceCacheItem, settingsItem, tabContactsItem } from '@/lib/storage';
import { createHandlers } from './handlers';
import { registerOnDemandScanning } from './on-demand';
import { injectScanner, syncScannerRegistration } from './page-scanner';
import { watchTabs } from './tabs';

export default defineBackground(() => {
  const credentials = createCredentialStore();
  const session = createCrmSession({
    loadSettings: () => settingsItem.getValue(),
    credentials,
    token: { load: () => crmTokenItem.getValue(), save: (value) => crmTokenItem.setValue(value) },
  });
  const tabs = watchTabs(tabContactsItem);

  const handlers = createHandlers({
    session,
    reference: createReferenceCache({ store: referenceCacheItem }),
    credentials,
    settings: settingsItem,
    enabledSites: enabledSitesItem,
    tabContacts: tabContactsItem,
    lookupCache: lookupCacheItem,
    detect: detectContacts,
    onTabContactsChanged: tabs.showCount,
    enableSite: async (origins, tabId) => {
      await syncScannerRegistration(origins);
      if (tabId !== undefined) await injectScanner(tabId);
    },
  });
  listen(browser.runtime.onMessage, createMessageHandler(handlers, browser.runtime.id));

  registerOnDemandScanning(detectContacts);
  void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
