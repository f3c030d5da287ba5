// The Useasy CRM implementation of CrmBackend: which endpoint answers which question, and how its
// answers become domain objects. Useasy's open API has no labels, stages, notes or timeline, so the
// capabilities say so and those optional methods are absent. Registered in lib/crm/registry.ts.
import * as z from 'zod/mini';
import type { CrmBackend } from '../backend';
import type { CustomerInput, CustomFieldDefinition, SearchField } from '../domain';
import { CrmError } from '../errors';
import { NO_CONTACTS, toUseasyCustomerBody, type CurrentContacts } from './customer-body';
import { customerIdOf, toCustomer, toFieldDefinitions } from './map';
import { createUseasyTransport, type UseasyTransportOptions } from './transport';
import { customerList, customerRecord, fieldDefinition, type CustomerRecord } from './wire';

const CRM = '/openapi/crm';
const PAGE_SIZE = 15;

/**
 * The list endpoint's search field for each way the panel searches. Useasy keeps one name per customer
 * (customerName), which is both the nick and the real name; it has no company field.
 */
const SEARCH_FIELD: Record<SearchField, string | undefined> = {
  phone: 'mobile',
  email: 'email',
  nick: 'customerName',
  realName: 'customerName',
  company: undefined,
};

function parseItems<T extends z.ZodMiniType>(schema: T, items: unknown): z.infer<T>[] {
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new CrmError('malformed-response', 'The CRM sent a list that is not a list.');
  // One malformed record must not hide the good ones next to it.
  return items.flatMap((item) => {
    const parsed = z.safeParse(schema, item);
    return parsed.success ? [parsed.data] : [];
  });
}

function withId(record: CustomerRecord, fallbackId?: string): (CustomerRecord & { _id: string }) | undefined {
  const id = customerIdOf(record) ?? fallbackId;
  return id ? { ...record, _id: id } : undefined;
}

const needsCurrentContacts = (input: CustomerInput) =>
  [input.phone, input.email, input.qq, input.wechat].some((value) => value !== undefined);

export function createUseasyBackend(options: UseasyTransportOptions): CrmBackend {
  const { call } = createUseasyTransport(options);

  async function findRecord(id: string): Promise<CustomerRecord & { _id: string }> {
    const data = await call({ method: 'GET', path: `${CRM}/findById/${encodeURIComponent(id)}` });
    const parsed = z.safeParse(customerRecord, data);
    const record = parsed.success ? withId(parsed.data, id) : undefined;
    if (data === null || data === undefined || !record) throw new CrmError('not-found', 'The CRM has no customer with this id.');
    return record;
  }

  async function listCustomFields(): Promise<CustomFieldDefinition[]> {
    const data = await call({ method: 'POST', path: `${CRM}/config/field/list`, body: {} });
    return toFieldDefinitions(parseItems(fieldDefinition, data));
  }

  /** The definitions a write needs to shape custom values, fetched only when the input has some. */
  const fieldsFor = (input: CustomerInput) => (input.customFields?.length ? listCustomFields() : Promise.resolve([]));

  return {
    kind: 'useasy',
    capabilities: { labels: false, stages: false, notes: false, timeline: false, ownership: false, searchFields: ['phone', 'email', 'nick'] },

    async testConnection() {
      // The cheapest signed call there is: one customer of page 1.
      await call({ method: 'POST', path: `${CRM}/list`, body: { page: 1, limit: 1 } });
    },

    async searchCustomers(field, value, page = 1) {
      const searchField = SEARCH_FIELD[field];
      if (!searchField) {
        throw new CrmError('invalid-input', 'Useasy customers have no company field to search; search by name, phone or email.');
      }
      const data = await call({
        method: 'POST',
        path: `${CRM}/list`,
        body: { page, limit: PAGE_SIZE, search: [{ field: searchField, operator: 'eq', value: [value] }] },
      });
      const parsed = z.safeParse(customerList, data);
      if (!parsed.success) throw new CrmError('malformed-response', 'The CRM sent a customer list without list or count.');
      const customers = parseItems(customerRecord, parsed.data.list).flatMap((record) => {
        const identified = withId(record);
        return identified ? [toCustomer(identified)] : [];
      });
      const total = Number(parsed.data.count ?? customers.length) || customers.length;
      return { customers, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
    },

    async getCustomer(id) {
      return toCustomer(await findRecord(id));
    },

    listCustomFields,

    async createCustomer(input) {
      const body = toUseasyCustomerBody(input, NO_CONTACTS, await fieldsFor(input));
      const data = await call({ method: 'POST', path: `${CRM}/add`, body });
      const parsed = z.safeParse(customerRecord, data);
      const id = parsed.success ? customerIdOf(parsed.data) : undefined;
      if (!id) {
        // crm/add is not idempotent: a retry would create a twin, so this is not a retryable error.
        throw new CrmError('crm-error', 'The CRM accepted the new customer but sent no _id; search for them before creating them again.');
      }
      return id;
    },

    async updateCustomer(id, input) {
      // Read right before writing, so only the first phone or email changes and a colleague's others stay.
      const [record, fields] = await Promise.all([
        needsCurrentContacts(input) ? findRecord(id) : undefined,
        fieldsFor(input),
      ]);
      const current: CurrentContacts = record
        ? { mobile: record.mobile ?? [], email: record.email ?? [], qq: record.qq ?? [], wechat: record.wechat ?? [] }
        : NO_CONTACTS;
      await call({ method: 'POST', path: `${CRM}/update`, body: { _id: id, ...toUseasyCustomerBody(input, current, fields) } });
    },
  };
}
