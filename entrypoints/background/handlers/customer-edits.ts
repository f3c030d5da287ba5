// Handlers that change a customer (customer.* edits): create, edit, assign, return to the public pool.
// Each answers with the customer as the CRM now has it, and puts that card wherever a tab shows the
// customer, so the card shows the result without a second search; a write whose answer carried the
// record costs no read after it.
import type { CrmBackend } from '@/lib/crm/backend';
import type { Customer } from '@/lib/crm/domain';
import { toCards } from '@/lib/crm/cards';
import { validateCustomer } from '@/lib/crm/customer-validation';
import { CrmError } from '@/lib/crm/errors';
import type { Handlers } from '@/lib/messaging/server';
import type { HandlerDependencies } from './dependencies';
import { crmLists } from '../crm-lists';

/** The customer.* messages that change a customer; those that read are in customer.ts. */
type CustomerEdits = 'customer.create' | 'customer.update' | 'customer.assign' | 'customer.returnToPool';

function unsupported(what: string): never {
  throw new CrmError('invalid-input', `This CRM does not support ${what}.`);
}

export function customerEditHandlers(deps: HandlerDependencies): Pick<Handlers, CustomerEdits> {
  const lists = crmLists(deps);

  /** The card of the customer the write answered with, or read when the answer did not carry them. */
  async function cardOf(backend: CrmBackend, customerId: string, answered?: Customer) {
    const [customer, groups] = await Promise.all([answered ?? backend.getCustomer(customerId), lists.labelGroups()]);
    const card = toCards([customer], groups)[0]!;
    await deps.contactLookups.keepCards([card]);
    await deps.tabLookups.cardChanged(card);
    return card;
  }

  async function checked(input: Parameters<typeof validateCustomer>[0]) {
    const problems = validateCustomer(input, await lists.customFields());
    const first = Object.entries(problems)[0];
    if (first) throw new CrmError('invalid-input', `${first[0]}: ${first[1]}`);
  }

  return {
    async 'customer.create'({ input }) {
      await checked(input);
      const backend = await deps.session.backend();
      const created = await backend.createCustomer(input);
      return cardOf(backend, created.id, created.customer);
    },

    async 'customer.update'({ customerId, input }) {
      await checked(input);
      const backend = await deps.session.backend();
      return cardOf(backend, customerId, await backend.updateCustomer(customerId, input));
    },

    async 'customer.assign'({ customerId, agent, from }) {
      const backend = await deps.session.backend();
      if (!backend.assignCustomer) unsupported('assigning customers');
      await backend.assignCustomer(customerId, agent, from);
      return cardOf(backend, customerId);
    },

    async 'customer.returnToPool'({ customerId }) {
      const backend = await deps.session.backend();
      if (!backend.returnToPublicPool) unsupported('the public pool');
      await backend.returnToPublicPool(customerId);
      return cardOf(backend, customerId);
    },
  };
}
