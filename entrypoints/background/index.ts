// The composition root: builds the stores, the CRM session, the lookups and the handlers, and registers
// the one message listener. No logic lives here.
import { browser } from 'wxt/browser';
import { createCredentialStore } from '@/lib/auth/credential-store';
import { detectContacts } from '@/lib/contacts/detect';
import { createListCache } from '@/lib/crm/list-cache';
import { createCrmSession } from '@/lib/crm/session';
import { openKeyValue } from '@/lib/idb';
import { createChoiceMemory } from '@/lib/lookup/choice-memory';
import { createLookupBudget } from '@/lib/lookup/lookup-budget';
import { createMessageHandler, listen } from '@/lib/messaging/server';
import { createAgentSettings } from '@/lib/settings/agent-settings';
import { withPolicy } from '@/lib/settings/effective-stores';
import { type PolicyReading, readPolicy, suggestionPolicyOf } from '@/lib/settings/policy';
import {
  crmTokenItem,
  listCacheItem,
  lookupCacheItem,
  mirrored,
  pendingLookupItem,
  settingsChangedItem,
  stageCacheItem,
  tabContactsItem,
  tabConversationsItem,
  tabLookupsItem,
} from '@/lib/storage';
import { effectiveSuggestionSettings } from '@/lib/suggest/suggestion-settings';
import { createContactLookups } from './contact-lookups';
import { registerContextMenu } from './context-menu';
import { createHandlers } from './handlers';
import { startOutbox } from './outbox';
import { injectScanner, registerScanShortcut, releaseSiteAccess, syncScannerRegistration } from './page-scanner';
import { watchPanelPresence } from './panel-presence';
import { createRememberedRecords } from './remembered';
import { createTabConversations } from './tab-conversations';
import { createTabLookups } from './tab-lookups';
import { watchTabs } from './tabs';

export default defineBackground(() => {
  // No policy (or no managed storage, as in Firefox without one) is an empty policy.
  const policyReading = (): Promise<PolicyReading> => browser.storage.managed.get().then(readPolicy, () => ({ policy: {}, ignored: [] }));
  const policy = async () => (await policyReading()).policy;
  // The settings changed (the agent saved, or the admin pushed a policy): writes made for a connection
  // now back go out, and the extension's pages ask again.
  const settingsChanged = () => {
    session.invalidate();
    void outbox.process();
    void settingsChangedItem.setValue(crypto.randomUUID());
  };
  const agentSettings = createAgentSettings({ legacy: browser.storage.local, changed: settingsChanged });
  const effective = withPolicy(policy, { ...agentSettings, credentials: createCredentialStore() });
  const session = createCrmSession({
    loadSettings: () => effective.settings.getValue(),
    credentials: effective.credentials,
    token: { load: () => crmTokenItem.getValue(), save: (value) => crmTokenItem.setValue(value) },
  });
  const enableSite = async (origins: string[], tabId?: number) => {
    await syncScannerRegistration(origins);
    if (tabId !== undefined) await injectScanner(tabId);
  };

  const listCache = createListCache({ store: listCacheItem });
  // Each report of the page scanner reads the tab's contacts: from memory, not storage.
  const tabContacts = mirrored(tabContactsItem);
  const records = createRememberedRecords();
  const contactLookups = createContactLookups({ session, listCache, lookupCache: lookupCacheItem }, records);
  const panels = watchPanelPresence(browser.runtime.onConnect, browser.runtime.id);
  // After the agent's own write the card reads the customer again, so its update time and stage are the CRM's.
  const outbox = startOutbox(session, (write) => void tabLookups.customerWritten(write.customerId).catch(() => undefined));
  const tabLookups = createTabLookups({
    store: tabLookupsItem,
    contactsOf: async (tabId) => (await tabContacts.getValue())[tabId] ?? [],
    connectionKey: () => session.connectionKey(),
    lookups: contactLookups,
    memory: createChoiceMemory(openKeyValue(indexedDB, 'crm-sidebar-choices', 'choices')),
    budget: createLookupBudget(Date.now),
    following: (tabId) => panels.following(tabId),
    customerGone: (customerId, connection) => outbox.customerGone(customerId, connection),
  });
  panels.onChange((tabId) => void tabLookups.panelChanged(tabId).catch(() => undefined));
  const tabs = watchTabs([tabContacts, tabConversationsItem], (tabId) => void tabLookups.forgetTab(tabId));
  const conversations = createTabConversations({
    store: tabConversationsItem,
    enabled: async () => effectiveSuggestionSettings(await agentSettings.labelSuggestions.getValue(), suggestionPolicyOf(await policy())).enabled,
  });

  const handlers = createHandlers({
    session,
    outbox,
    listCache,
    credentials: effective.credentials,
    settings: effective.settings,
    enabledSites: effective.enabledSites,
    policy: policyReading,
    tabContacts,
    lookupCache: lookupCacheItem,
    detect: detectContacts,
    onTabContactsChanged: tabs.showCount,
    tabLookups,
    contactLookups,
    records,
    stageCache: stageCacheItem,
    enableSite,
    releaseSite: releaseSiteAccess,
    conversations,
    labelSuggestions: agentSettings.labelSuggestions,
  });
  listen(browser.runtime.onMessage, createMessageHandler(handlers, browser.runtime.id));

  registerContextMenu(detectContacts, pendingLookupItem);
  registerScanShortcut();
  // Sites an admin enables by policy are scanned without the agent asking.
  const syncSites = async () => enableSite(await effective.enabledSites.getValue());
  browser.runtime.onInstalled.addListener(() => void syncSites());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    settingsChanged();
    void syncSites();
  });
  void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
