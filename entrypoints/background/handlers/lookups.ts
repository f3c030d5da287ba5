// Handlers for the agent's intents about the lookup of a tab (lookup.*): open a contact, look it up
// again, choose a match, open a searched customer, follow new contacts, wave an offer away, check the
// card against the CRM. Each is carried out by the tab-lookups controller, which publishes the result;
// the reply only says it was taken.
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import type { HandlerDependencies } from './dependencies';

const taken = { ok: true } as const;

export function lookupHandlers({ tabLookups }: Pick<HandlerDependencies, 'tabLookups'>): Pick<Handlers, MessagesIn<'lookup'>> {
  return {
    'lookup.open': async ({ tabId, kind, value, follow }) => (await tabLookups.openContact(tabId, { kind, value }, follow), taken),
    'lookup.retry': async ({ tabId }) => (await tabLookups.retry(tabId), taken),
    'lookup.choose': async ({ tabId, customerId }) => (await tabLookups.choose(tabId, customerId), taken),
    'lookup.pick': async ({ tabId, customerId }) => (await tabLookups.pick(tabId, customerId), taken),
    'lookup.follow': async ({ tabId }) => (await tabLookups.follow(tabId), taken),
    'lookup.dismiss': async ({ tabId }) => (await tabLookups.dismiss(tabId), taken),
    'lookup.revalidate': async ({ tabId, reason }) => (await tabLookups.revalidate(tabId, reason), taken),
  };
}
