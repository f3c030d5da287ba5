// The handler for what the page scanner reports (contacts.*). Each tab's contacts are kept in
// session storage (which the panel watches), and the tab-lookups controller hears of every change: it
// alone decides whether a new contact is looked up, offered or left alone. The visible texts are also
// kept as the tab's conversation, for label suggestions, once the lookup is on its way. Reports per tab
// are bounded, so no page can make the background do unbounded work.
import type { DetectedContact } from '@/lib/contacts/detect';
import { contactsInReadings, mergeTabContacts } from '@/lib/contacts/tab-contacts';
import { createReportRate } from '@/lib/lookup/report-rate';
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { createSerialQueue } from '@/lib/serial';
import type { HandlerDependencies } from './dependencies';

export function contactHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'contacts'>> {
  const now = deps.now ?? Date.now;
  const serially = createSerialQueue();
  const reportRate = createReportRate(now);
  return {
    async 'contacts.detected'({ readings }, { tabId }) {
      if (tabId === undefined || !reportRate.take(tabId)) return { accepted: 0 };
      // Each text is searched once, for the contact list and for the conversation.
      const detected = new Map<string, DetectedContact[]>();
      const detectOnce = (text: string) => detected.get(text) ?? detected.set(text, deps.detect(text)).get(text)!;
      const found = contactsInReadings(readings, detectOnce, now());
      if (found.length === 0) {
        await deps.conversations.record(tabId, readings, detectOnce, (await deps.tabContacts.getValue())[tabId] ?? []);
        return { accepted: 0 };
      }
      // Reports from many tabs and frames arrive at once: one merge at a time, or a report is lost.
      const merged = await serially(async () => {
        const all = await deps.tabContacts.getValue();
        const next = mergeTabContacts(all[tabId] ?? [], found);
        // Before the write: a lookup it starts has its CRM request on the way while the list is stored.
        void deps.tabLookups.contactsChanged(tabId, next).catch(() => undefined);
        await deps.tabContacts.setValue({ ...all, [tabId]: next });
        return next;
      });
      deps.onTabContactsChanged(tabId, merged);
      await deps.conversations.record(tabId, readings, detectOnce, merged);
      return { accepted: found.length };
    },
  };
}
