// The Sobot SCRM v5 implementation of CrmBackend: which endpoint answers which question, and how its
// answers become domain objects. Registered in lib/crm/registry.ts.
import * as z from 'zod/mini';
import type { CrmBackend } from '../backend';
import type { LabelGroup, SearchField } from '../domain';
import { CrmError } from '../errors';
import { parseItems } from '../parse-items';
import { assignBizType, toSobotCustomerBody } from './customer-body';
import { agentNode, cityItem, districtItem, flattenAgents, provinceItem, toOption } from './directory';
import { toCustomer, toFieldDefinition, toLabelRefs, toStages, toTimelineEvent } from './map';
import { STAGE_TYPE_CODES } from './stage-types';
import { createSobotTransport, type SobotTransportOptions } from './transport';
import { customFieldItem, dynamicItem, foldedCustomer, foldKeys, labelGroupItem, labelItem, pageFields, sourceItem, stageItem, userLabelsItem } from './wire';

const API = '/api/scrm/5';
const SEARCH_TYPE: Record<SearchField, number> = { nick: 1, realName: 2, company: 3, phone: 4, email: 5 };
const REFERENCE_PAGE_SIZE = 100;
/** user_dynamic/list_by_page's biz_type filter values for the timeline's three groups. */
const TIMELINE_GROUPS = { staff: 'groupService', customer: 'groupUser', other: 'groupOther' } as const;

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
  const { call, tokens } = createSobotTransport(options);

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
    capabilities: {
      customerFields: ['nick', 'realName', 'phone', 'email', 'company', 'vip', 'crmStatus', 'liableAgent', 'region'],
      labels: true,
      stages: true,
      notes: true,
      timeline: true,
      ownership: true,
      searchFields: ['phone', 'email', 'nick', 'realName', 'company'],
    },

    async testConnection() {
      // Through the holder, so the token that proves the credentials is the one every later call uses.
      await tokens.renew();
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
      const groups = (await listAllPages(`${API}/label_group/list`, labelGroupItem)).filter((group) => group.status !== '-1' && group.status !== '0');
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

    async listSources() {
      const answer = await call({ method: 'GET', path: `${API}/user_dynamic/getsource` });
      return parseItems(sourceItem, answer.items).map((item) => ({ code: item.value, name: item.label }));
    },

    async createCustomer(input) {
      const answer = await call({ method: 'POST', path: `${API}/user/save`, body: toSobotCustomerBody(input) });
      const id = typeof answer.item === 'string' || typeof answer.item === 'number' ? String(answer.item) : '';
      if (!id) throw new CrmError('malformed-response', 'The CRM created the customer but sent no id.');
      // user/save answers the id only: the caller reads the customer.
      return { id };
    },

    async updateCustomer(id, input) {
      await call({ method: 'POST', path: `${API}/user/update/${encodeURIComponent(id)}`, body: { id, ...toSobotCustomerBody(input) } });
      return undefined;
    },

    async listAgents() {
      const answer = await call({ method: 'GET', path: `${API}/user/user_list` });
      return flattenAgents(parseItems(agentNode, answer.items));
    },

    async listProvinces() {
      const answer = await call({ method: 'GET', path: `${API}/user_dynamic/provice` });
      return parseItems(provinceItem, answer.items).map((item) => toOption(item.provinceid, item.province_name));
    },

    async listCities(provinceId) {
      const answer = await call({ method: 'GET', path: `${API}/user_dynamic/city/${encodeURIComponent(provinceId)}` });
      return parseItems(cityItem, answer.items).map((item) => toOption(item.cityid, item.city_name));
    },

    async listDistricts(cityId) {
      const answer = await call({ method: 'GET', path: `${API}/user_dynamic/area/${encodeURIComponent(cityId)}` });
      return parseItems(districtItem, answer.items).map((item) => toOption(item.areaid, item.area_name));
    },

    async assignCustomer(customerId, agent, from) {
      await call({
        method: 'POST',
        path: `${API}/public_user/assign`,
        body: {
          confirmids: customerId,
          assign_biz_type: assignBizType(from),
          liable_list: [{ liable_serviceid: agent.id, liable_service_name: agent.name }],
        },
      });
    },

    async returnToPublicPool(customerId) {
      await call({ method: 'POST', path: `${API}/public_user/confirm`, body: { confirmids: customerId, confirm_type: 1 } });
    },

    async setCustomerLabels(customerId, labels) {
      // A bare array, and only id and name: the endpoint replaces the customer's whole set with it.
      await call({
        method: 'POST',
        path: `${API}/label/update_userlabel/${encodeURIComponent(customerId)}`,
        body: labels.map((label) => ({ id: label.id, name: label.name })),
      });
    },

    async setStage(customerId, stage, type) {
      // stage_type is always sent: without it the CRM's own default decides whether this is a result.
      await call({
        method: 'POST',
        path: `${API}/user_stage/stage_save`,
        body: { userid: customerId, stageid: stage.id, stage_name: stage.name, stage_type: STAGE_TYPE_CODES[type] },
      });
    },

    async addNote(customerId, content) {
      await call({ method: 'POST', path: `${API}/user_stage/record_save`, body: { userid: customerId, content } });
    },

    async createLabel(groupId, name) {
      await call({ method: 'POST', path: `${API}/label/save`, body: { name, groupid: groupId } });
      // label/save answers without the new id; the CRM refuses a duplicate name (510003), so re-list the
      // group and find the label by its name.
      const labels = await listAllPages(`${API}/label/list`, labelItem, { groupid: groupId });
      const created = labels.find((label) => label.name === name && label.status !== '-1' && label.status !== '0');
      if (!created) throw new CrmError('malformed-response', 'The CRM saved the label but does not list it.');
      return { id: created.id, name: created.name, groupId };
    },

    async listTimeline(customerId, page = 1, group) {
      const answer = await call({
        method: 'GET',
        path: `${API}/user_dynamic/list_by_page`,
        query: { userid: customerId, biz_type: group && TIMELINE_GROUPS[group], page_no: page, page_size: 20 },
      });
      const events = parseItems(dynamicItem, answer.items).map(toTimelineEvent);
      return { events, pageCount: pageOf(answer, page, events.length).pageCount };
    },
  };
}
