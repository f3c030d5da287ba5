// A third backend that exists only in tests: a descriptor and a factory registered next to the shipped
// ones, to prove a backend is its folder plus a registry line. Ledger CRM runs on its own host, signs
// nothing, and needs a region ("cn" or "eu") beyond the account and the secret.
import type { BackendFactory, CrmBackend } from './backend';
import type { BackendDescriptor } from './descriptor';
import type { Customer } from './domain';
import { SHIPPED_FACTORIES, createBackends } from './connect';
import { SHIPPED_DESCRIPTORS, createRegistry } from './registry';

export const LEDGER_HOST = 'https://api.ledger.example';

export const ledgerDescriptor: BackendDescriptor = {
  kind: 'ledger',
  hosts: [LEDGER_HOST],
  extraFields: [
    {
      setting: 'signatureRecipe',
      id: 'ledger-region',
      label: 'signatureRecipe',
      hint: 'signatureRecipeHint',
      placeholder: 'cn',
      check: (value) => (['cn', 'eu'].includes(value.trim()) ? undefined : `"${value}" is not a Ledger region (cn or eu)`),
    },
  ],
  text: { label: 'crmBackend', hosts: 'baseUrl', appid: 'appid', secret: 'appKey', connectionOk: 'connectionOk' },
};

export const ledgerCustomer: Customer = {
  id: 'L-1',
  nick: '陈静',
  phones: ['13812345678'],
  emails: [],
  vip: false,
  region: {},
  labelIds: [],
  customFields: [],
};

/** A Ledger backend answering from one customer; it finds them by phone for the right account only. */
const createLedgerBackend: BackendFactory = (connection) => {
  const customers = connection.appid === 'ledger-account' ? [ledgerCustomer] : [];
  const backend: Omit<CrmBackend, 'kind'> & { kind: string } = {
    kind: ledgerDescriptor.kind,
    capabilities: { customerFields: ['nick', 'phone'], labels: false, stages: false, notes: false, timeline: false, ownership: false, searchFields: ['phone'] },
    async testConnection() {},
    async searchCustomers(field, value) {
      const found = customers.filter((customer) => field === 'phone' && customer.phones.includes(value));
      return { customers: found, page: 1, pageCount: 1, total: found.length };
    },
    async getCustomer(id) {
      const customer = customers.find((each) => each.id === id);
      if (!customer) throw new Error(`no customer ${id}`);
      return customer;
    },
    listCustomFields: async () => [],
    createCustomer: async () => ({ id: 'L-2' }),
    updateCustomer: async () => undefined,
  };
  // The shipped kinds are a closed type; a test backend's kind is not one of them.
  return backend as CrmBackend;
};

export const registryWithLedger = createRegistry([...SHIPPED_DESCRIPTORS, ledgerDescriptor]);
export const backendsWithLedger = createBackends({ ...SHIPPED_FACTORIES, [ledgerDescriptor.kind]: createLedgerBackend });
