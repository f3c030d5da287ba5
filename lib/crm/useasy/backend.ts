// The Useasy CRM implementation of CrmBackend: which endpoint answers which question, and how its
// answers become domain objects. Useasy's open API has no labels, stages, notes or timeline, so the
// capabilities say so and those optional methods are absent. Writes answer with the record, so nothing is
// read back after one. Registered in lib/crm/registry.ts.
import * as z from 'zod/mini';
import type { CrmBackend, CustomerWritten } from '../backend';
import type { CustomerInput, CustomFieldDefinition, SearchField } from '../domain';
import { CrmError } from '../errors';
import { parseItems } from '../parse-items';
import { createdBy, createKey, outcomeUnknown, searchFor } from './create-once';
import { NO_CONTACTS, toUseasyCustomerBody, type CurrentContacts } from './customer-body';
import { customerIdOf, toCustomer, toFieldDefinitions } from './map';
import { createRecordReader } from './read-forms';
import { createUseasyTransport, type UseasyTransportOptions } from './transport';
import { customerList, customerRecord, fieldDefinition, type CustomerRecord } from './wire';

const CRM = '/openapi/crm';
const PAGE_SIZE = 15;
/** How long a write reuses the field definitions it read to shape custom values. */
const FIELDS_FOR_WRITES_TTL_MS = 5 * 60_000;

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

function withId(record: CustomerRecord, fallbackId?: string): (CustomerRecord & { _id: string }) | undefined {
  const id = customerIdOf(record) ?? fallbackId;
  return id ? { ...record, _id: id } : undefined;
}

const needsCurrentContacts = (input: CustomerInput) => [input.phone, input.email, input.qq, input.wechat].some((value) => value !== undefined);

export function createUseasyBackend(options: UseasyTransportOptions): CrmBackend {
  const { call } = createUseasyTransport(options);
  const now = options.now ?? Date.now;
  const reader = createRecordReader(call);
  /** Creates whose outcome is unknown, by createKey, with when each was sent: looked up before any resend. */
  const uncertainCreates = new Map<string, number>();

  async function findRecord(id: string): Promise<CustomerRecord & { _id: string }> {
    const data = await reader.read(id);
    const parsed = z.safeParse(customerRecord, data);
    const record = parsed.success ? withId(parsed.data, id) : undefined;
    if (data === null || data === undefined || !record) throw new CrmError('not-found', 'The CRM has no customer with this id.');
    return record;
  }

  async function listCustomFields(): Promise<CustomFieldDefinition[]> {
    const data = await call({ method: 'POST', path: `${CRM}/config/field/list`, body: {} });
    return toFieldDefinitions(parseItems(fieldDefinition, data));
  }

  let fieldsForWrites: { at: number; fields: Promise<CustomFieldDefinition[]> } | undefined;
  /** The definitions a write needs to shape custom values, read only when the input has some. */
  function fieldsFor(input: CustomerInput): Promise<CustomFieldDefinition[]> {
    if (!input.customFields?.length) return Promise.resolve([]);
    if (!fieldsForWrites || now() - fieldsForWrites.at > FIELDS_FOR_WRITES_TTL_MS) {
      const fields = listCustomFields();
      fieldsForWrites = { at: now(), fields };
      fields.catch(() => (fieldsForWrites = undefined));
    }
    return fieldsForWrites.fields;
  }

  async function listRecords(field: string, value: string, page: number) {
    const data = await call({
      method: 'POST',
      path: `${CRM}/list`,
      body: { page, limit: PAGE_SIZE, search: [{ field, operator: 'eq', value: [value] }] },
    });
    const parsed = z.safeParse(customerList, data);
    if (!parsed.success) throw new CrmError('malformed-response', 'The CRM sent a customer list without list or count.');
    return { records: parseItems(customerRecord, parsed.data.list), count: parsed.data.count };
  }

  /**
   * The customer a write left behind: the CRM's answer, over what was sent, over what was read before.
   * The document's answers carry the whole record; the layers below only fill what an answer leaves out.
   */
  function written(id: string, answer: unknown, ...below: Record<string, unknown>[]) {
    const parsed = z.safeParse(customerRecord, answer);
    const answered = parsed.success ? parsed.data : {};
    const merged = z.safeParse(customerRecord, Object.assign({}, ...below, answered));
    return merged.success ? toCustomer({ ...merged.data, _id: id }) : undefined;
  }

  /** Finds what a create with an unknown outcome may have made; undefined when it is not there. */
  async function findCreated(input: CustomerInput, startedAt: number): Promise<CustomerWritten | undefined> {
    const { field, value } = searchFor(input);
    const record = createdBy(input, startedAt, (await listRecords(field, value, 1)).records);
    return record ? { id: record._id, customer: toCustomer(record) } : undefined;
  }

  /** After an unknown outcome: the customer if the create did land, else the error, and the next try looks first. */
  async function settleUnknown(input: CustomerInput, startedAt: number, error: CrmError): Promise<CustomerWritten> {
    const key = createKey(input);
    uncertainCreates.set(key, startedAt);
    const found = await findCreated(input, startedAt).catch(() => undefined);
    if (found) {
      uncertainCreates.delete(key);
      return found;
    }
    throw new CrmError(error.code, `${error.message} The customer may have been created: creating again first looks for them.`, error.crmCode);
  }

  return {
    kind: 'useasy',
    capabilities: {
      // customerName, mobile, email: the rest of the form's fields have nowhere to go in Useasy.
      customerFields: ['nick', 'phone', 'email'],
      labels: false,
      stages: false,
      notes: false,
      timeline: false,
      ownership: false,
      searchFields: ['phone', 'email', 'nick'],
    },

    async testConnection() {
      // The cheapest signed call there is: one customer of page 1.
      await call({ method: 'POST', path: `${CRM}/list`, body: { page: 1, limit: 1 } });
    },

    async searchCustomers(field, value, page = 1) {
      const searchField = SEARCH_FIELD[field];
      if (!searchField) {
        throw new CrmError('invalid-input', 'Useasy customers have no company field to search; search by name, phone or email.');
      }
      const { records, count } = await listRecords(searchField, value, page);
      const customers = records.flatMap((record) => {
        const identified = withId(record);
        return identified ? [toCustomer(identified)] : [];
      });
      const total = Number(count ?? customers.length) || customers.length;
      return { customers, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
    },

    async getCustomer(id) {
      return toCustomer(await findRecord(id));
    },

    listCustomFields,

    async createCustomer(input) {
      const key = createKey(input);
      const earlier = uncertainCreates.get(key);
      if (earlier !== undefined) {
        // The last try of this create may have landed: look before sending it again.
        const found = await findCreated(input, earlier);
        uncertainCreates.delete(key);
        if (found) return found;
      }
      const body = toUseasyCustomerBody(input, NO_CONTACTS, await fieldsFor(input));
      const startedAt = now();
      let data: unknown;
      try {
        data = await call({ method: 'POST', path: `${CRM}/add`, body });
      } catch (error) {
        if (error instanceof CrmError && outcomeUnknown(error)) return settleUnknown(input, startedAt, error);
        throw error;
      }
      const parsed = z.safeParse(customerRecord, data);
      const id = parsed.success ? customerIdOf(parsed.data) : undefined;
      if (!id) return settleUnknown(input, startedAt, new CrmError('malformed-response', 'The CRM accepted the new customer but sent no _id.'));
      return { id, customer: written(id, data, body) };
    },

    async updateCustomer(id, input) {
      // Read right before writing, so only the first phone or email changes and a colleague's others stay.
      const [record, fields] = await Promise.all([needsCurrentContacts(input) ? findRecord(id) : undefined, fieldsFor(input)]);
      const current: CurrentContacts = record
        ? { mobile: record.mobile ?? [], email: record.email ?? [], qq: record.qq ?? [], wechat: record.wechat ?? [] }
        : NO_CONTACTS;
      const body = { _id: id, ...toUseasyCustomerBody(input, current, fields) };
      const data = await call({ method: 'POST', path: `${CRM}/update`, body });
      // Without the record in the answer or a read before, the caller reads the customer.
      return data || record ? written(id, data, record ?? {}, body) : undefined;
    },
  };
}
