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
    'lookup.open': async ({ tabId, kind, value, follow }) => tabLookups.openContact(tabId, { kind, value }, follow).then(() => taken),
    'lookup.retry': async ({ tabId }) => tabLookups.retry(tabId).then(() => taken),
    'lookup.choose': async ({ tabId, customerId }) => tabLookups.choose(tabId, customerId).then(() => taken),
    'lookup.pick': async ({ tabId, customerId }) => tabLookups.pick(tabId, customerId).then(() => taken),
    'lookup.follow': async ({ tabId }) => tabLookups.follow(tabId).then(() => taken),
    'lookup.dismiss': async ({ tabId }) => tabLookups.dismiss(tabId).then(() => taken),
    'lookup.revalidate': async ({ tabId, reason }) => tabLookups.revalidate(tabId, reason).then(() => taken),
  };
}
