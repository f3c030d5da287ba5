// The Sobot SCRM v5 implementation of CrmBackend: which endpoint answers which question, and how its
// answers become domain objects. Registered in lib/crm/registry.ts.
import * as z from 'zod/mini';
import type { CrmBackend } from '../backend';
import type { LabelGroup, SearchField } from '../domain';
import { CrmError } from '../errors';
import { toCustomer, toFieldDefinition, toLabelRefs, toStages, toTimelineEvent } from './map';
import { createSobotTransport, type SobotTransportOptions } from './transport';
import {
  customFieldItem,
  dynamicItem,
  foldedCustomer,
  foldKeys,
  labelGroupItem,
  labelItem,
  pageFields,
  stageItem,
  userLabelsItem,
} from './wire';

const API = '/api/scrm/5';
const SEARCH_TYPE: Record<SearchField, number> = { nick: 1, realName: 2, company: 3, phone: 4, email: 5 };
const REFERENCE_PAGE_SIZE = 100;

function parseItems<T extends z.ZodMiniType>(schema: T, items: unknown): z.infer<T>[] {
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new CrmError('malformed-response', 'The CRM sent items that are not a list.');
  // One malformed record must not hide the good ones next to it.
  return items.flatMap((item) => {
    const parsed = z.safeParse(schema, item);
    return parsed.success ? [parsed.data] : [];
  });
}

function pageOf(answer: unknown, pageNo: number, count: number) {
  const parsed = z.safeParse(pageFields, answer);
  const fields = parsed.success ? parsed.data : {};
  return {
    page: Number(fields.page_no ?? pageNo) || pageNo,
    pageCount: Number(fields.page_count ?? 1) || 1,
    total: Number(fields.total_count ?? count) || count,
  };
}

export function createSobotBackend(options: SobotTransportOptions): CrmBackend {
  const { call, issueToken } = createSobotTransport(options);

  async function listAllPages<T extends z.ZodMiniType>(path: string, schema: T, query = {}) {
    const all: z.infer<T>[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await call({ method: 'GET', path, query: { ...query, page_no: page, page_size: REFERENCE_PAGE_SIZE } });
      all.push(...parseItems(schema, answer.items));
      if (page >= pageOf(answer, page, all.length).pageCount) return all;
    }
  }

  return {
    kind: 'sobot',
    capabilities: { labels: true, stages: true, notes: true, timeline: true },

    async testConnection() {
      await issueToken();
    },

    async searchCustomers(field, value, page = 1) {
      const answer = await call({
        method: 'GET',
        path: `${API}/user/list_by_page`,
        query: { search_type: SEARCH_TYPE[field], search_value: value, page_no: page, page_size: 15 },
      });
      const customers = parseItems(foldedCustomer, (answer.items as unknown[] | undefined)?.map(foldKeys)).map(toCustomer);
      return { customers, ...pageOf(answer, page, customers.length) };
    },

    async getCustomer(id) {
      const answer = await call({ method: 'GET', path: `${API}/user/detail/${encodeURIComponent(id)}` });
      const parsed = z.safeParse(foldedCustomer, foldKeys(answer.item));
      if (!parsed.success) throw new CrmError('not-found', 'The CRM has no customer with this id.');
      return toCustomer(parsed.data);
    },

    async listCustomFields() {
      const answer = await call({ method: 'GET', path: `${API}/custom_field/custom_fieid_info_list` });
      return parseItems(customFieldItem, answer.items)
        .filter((item) => item.field_status !== '0')
        .map(toFieldDefinition);
    },

    async listLabelGroups() {
      const groups = (await listAllPages(`${API}/label_group/list`, labelGroupItem)).filter(
        (group) => group.status !== '-1' && group.status !== '0',
      );
      return Promise.all(
        groups.map(async (group): Promise<LabelGroup> => {
          const labels = await listAllPages(`${API}/label/list`, labelItem, { groupid: group.id });
          return {
            id: group.id,
            name: group.name,
            color: group.color_value ?? '',
            multipleChoice: group.is_multiple_choice === '1',
            labels: labels
              .filter((label) => label.status !== '-1' && label.status !== '0')
              .map((label) => ({ id: label.id, name: label.name, groupId: group.id })),
          };
        }),
      );
    },

    async getCustomerLabels(customerId) {
      const answer = await call({ method: 'POST', path: `${API}/label/userlabels`, body: [customerId] });
      const entry = parseItems(userLabelsItem, answer.items).find((item) => item.userid === customerId);
      return toLabelRefs(entry?.label_set ?? []);
    },

    async listStages() {
      const answer = await call({ method: 'GET', path: `${API}/user_stage/query_list_by_type` });
      return toStages(parseItems(stageItem, answer.items));
    },

    async listTimeline(customerId, page = 1) {
      const answer = await call({
        method: 'GET',
        path: `${API}/user_dynamic/list_by_page`,
        query: { userid: customerId, page_no: page, page_size: 20 },
      });
      const events = parseItems(dynamicItem, answer.items).map(toTimelineEvent);
      return { events, pageCount: pageOf(answer, page, events.length).pageCount };
    },
  };
}
