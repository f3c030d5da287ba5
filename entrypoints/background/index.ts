// The composition root: builds the stores, the CRM session and the handlers, and registers the one
// message listener. No logic lives here.
import { browser } from 'wxt/browser';
import { createCredentialStore } from '@/lib/auth/credential-store';
import { createReferenceCache } from '@/lib/crm/reference-cache';
import { createCrmSession } from '@/lib/crm/session';
import { detectContacts } from '@/lib/contacts/detect';
import { createMessageHandler, listen } from '@/lib/messaging/server';
import { withPolicy } from '@/lib/settings/effective-stores';
import { lockedFields, parsePolicy } from '@/lib/settings/policy';
import { crmTokenItem, enabledSitesItem, lookupCacheItem, referenceCacheItem, settingsItem, tabContactsItem } from '@/lib/storage';
import { createHandlers } from './handlers';
import { registerOnDemandScanning } from './on-demand';
import { startOutbox } from './outbox';
import { watchPanelPresence } from './panel-presence';
import { injectScanner, releaseSiteAccess, syncScannerRegistration } from './page-scanner';
import { watchTabs } from './tabs';

export default defineBackground(() => {
  // No policy (or no managed storage, as in Firefox without one) is an empty policy.
  const policy = () => browser.storage.managed.get().then(parsePolicy, () => ({}));
  const effective = withPolicy(policy, { settings: settingsItem, credentials: createCredentialStore(), enabledSites: enabledSitesItem });
  const session = createCrmSession({
    loadSettings: () => effective.settings.getValue(),
    credentials: effective.credentials,
    token: { load: () => crmTokenItem.getValue(), save: (value) => crmTokenItem.setValue(value) },
  });
  const tabs = watchTabs(tabContactsItem);
  const enableSite = async (origins: string[], tabId?: number) => {
    await syncScannerRegistration(origins);
    if (tabId !== undefined) await injectScanner(tabId);
  };

  const outbox = startOutbox(session);
  const handlers = createHandlers({
    session,
    outbox,
    reference: createReferenceCache({ store: referenceCacheItem }),
    credentials: effective.credentials,
    settings: effective.settings,
    enabledSites: effective.enabledSites,
    lockedFields: async () => lockedFields(await policy()),
    tabContacts: tabContactsItem,
    lookupCache: lookupCacheItem,
    detect: detectContacts,
    onTabContactsChanged: tabs.showCount,
    panels: watchPanelPresence(browser.runtime.onConnect, browser.runtime.id),
    enableSite,
    releaseSite: releaseSiteAccess,
  });
  listen(browser.runtime.onMessage, createMessageHandler(handlers, browser.runtime.id));

  registerOnDemandScanning(detectContacts);
  // Sites an admin enables by policy are scanned without the agent asking.
  const syncSites = async () => enableSite(await effective.enabledSites.getValue());
  browser.runtime.onInstalled.addListener(() => void syncSites());
  browser.storage.onChanged.addListener((_changes, area) => {
    // Settings saved in another context, or a policy pushed by the admin, change the connection; writes
    // made for the connection now back go out.
    if (area === 'local' || area === 'managed') {
      session.invalidate();
      void outbox.process();
    }
    if (area === 'managed') void syncSites();
  });
  void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
