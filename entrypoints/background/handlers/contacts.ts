// Handlers for what the page scanner reports and the panel reads back: a tab's contacts and the sites
// where scanning is enabled. A new newest contact in a tab that an open panel follows with auto-lookup
// on is looked up at once, without waiting for the panel to see it and ask.
import { contactsInReadings, mergeTabContacts } from '@/lib/contacts/tab-contacts';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { createSerialQueue } from '@/lib/serial';
import type { HandlerDependencies } from './dependencies';

type ContactMessages = 'contacts.detected' | 'contacts.forTab' | 'site.enable' | 'site.disable';

export function contactHandlers(deps: HandlerDependencies, lookUpAhead: (contact: RequestOf<'customer.lookup'>) => void): Pick<Handlers, ContactMessages> {
  const now = deps.now ?? Date.now;
  const serially = createSerialQueue();
  return {
    async 'contacts.detected'({ readings }, { tabId }) {
      if (tabId === undefined) return { accepted: 0 };
      const found = contactsInReadings(readings, deps.detect, now());
      if (found.length === 0) return { accepted: 0 };
      // Reports from many tabs and frames arrive at once: one merge at a time, or a report is lost.
      const merged = await serially(async () => {
        const all = await deps.tabContacts.getValue();
        const next = mergeTabContacts(all[tabId] ?? [], found);
        // Before the write, which the panel waits for to see the contact and ask: the CRM request leaves now.
        const [newest, before] = [next[0]!, all[tabId]?.[0]];
        const isNew = newest.kind !== before?.kind || newest.value !== before.value;
        if (isNew && deps.panels.autoLookupIn(tabId)) lookUpAhead({ kind: newest.kind, value: newest.value });
        await deps.tabContacts.setValue({ ...all, [tabId]: next });
        return next;
      });
      deps.onTabContactsChanged(tabId, merged);
      return { accepted: found.length };
    },

    async 'contacts.forTab'({ tabId }) {
      return { contacts: (await deps.tabContacts.getValue())[tabId] ?? [] };
    },

    async 'site.enable'({ origin, tabId }) {
      const next = await serially(async () => {
        const sites = await deps.enabledSites.getValue();
        const updated = sites.includes(origin) ? sites : [...sites, origin];
        await deps.enabledSites.setValue(updated);
        return updated;
      });
      await deps.enableSite(next, tabId);
      return { enabledSites: next };
    },

    async 'site.disable'({ origin }) {
      const next = await serially(async () => {
        const updated = (await deps.enabledSites.getValue()).filter((site) => site !== origin);
        await deps.enabledSites.setValue(updated);
        return updated;
      });
      await deps.enableSite(next);
      await deps.releaseSite(origin, [...next, (await deps.settings.getValue()).baseUrl]);
      return { enabledSites: next };
    },
  };
}
