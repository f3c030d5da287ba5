// Customers (document section 3.1–3.3.2): create, edit, assign, recycle to the public pool, search
// and detail. Field rules live in customer-input.ts, search filters in customer-search.ts.
import { bodyFields, changesBetween, readCustomerPatch, shown } from '../customer-input';
import { searchFilter } from '../customer-search';
import { toDetailItem, toListItem } from '../customer-wire';
import { invalid, ok, paged, type Reply, type Route } from '../http';
import { stableId } from '../../shared/prng';
import { AGENTS, API_AGENT, COMPANY_ID } from '../reference-data';
import { newId, type CustomerRecord, type SobotState } from '../state';
import { agentOperator, recordCreated, recordFieldsChanged } from '../timeline';

const DEFAULT_PAGE_SIZE = 15;

/** The customers named by confirmids ("a,b"), or an error naming the first unknown id. */
function customersNamed(state: SobotState, ids: string | undefined): { customers: CustomerRecord[] } | { error: Reply } {
  const list = (ids ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (list.length === 0) return { error: invalid('confirmids不能为空') };
  const customers: CustomerRecord[] = [];
  for (const id of list) {
    const customer = state.customers.get(id);
    if (!customer) return { error: invalid(`客户不存在:${id}`) };
    customers.push(customer);
  }
  return { customers };
}

export const userRoutes: Route[] = [
  {
    methods: ['POST'],
    path: 'user/save',
    handle(context) {
      const { state, now } = context;
      const read = readCustomerPatch(context, undefined);
      if ('error' in read) return read.error;
      const { patch } = read;
      const nick = patch.nick || patch.uname || patch.tel || patch.email;
      if (!nick) return invalid('客户昵称不能为空');
      const seconds = Math.floor(now() / 1000);
      const customer: CustomerRecord = {
        id: newId(state, 'customer'),
        pid: COMPANY_ID,
        crm_status: 1,
        is_vip: '0',
        user_status: 0,
        source: 8,
        status: 8,
        create_type: 1,
        create_time: seconds,
        create_serviceid: API_AGENT.id,
        create_service_name: API_AGENT.name,
        update_time: seconds,
        update_user_id: API_AGENT.id,
        update_user_name: API_AGENT.name,
        ...patch,
        nick,
        ex_fields: read.exFields ?? {},
        labelIds: [],
      };
      if (patch.enterprise_name && !patch.enterpriseid) customer.enterpriseid = stableId('enterprise', patch.enterprise_name);
      state.customers.set(customer.id, customer);
      recordCreated(state, customer.id, { atMs: now() }, agentOperator(API_AGENT), changesBetween({}, { ...patch, nick }));
      return ok({ item: customer.id });
    },
  },
  {
    methods: ['POST'],
    path: 'user/update/:id',
    handle(context) {
      const { state, now, pathParams } = context;
      const customer = state.customers.get(pathParams.id ?? '');
      if (!customer) return invalid('客户不存在');
      const read = readCustomerPatch(context, customer);
      if ('error' in read) return read.error;
      if (read.patch.nick === '') return invalid('客户昵称不能为空');
      const changes = changesBetween(customer, read.patch);
      Object.assign(customer, read.patch);
      if (read.exFields) {
        for (const [fieldId, value] of Object.entries(read.exFields)) {
          const field = state.customFields.find((candidate) => candidate.field_id === fieldId);
          if (shown(customer.ex_fields[fieldId]) !== shown(value)) {
            changes.push({ field: fieldId, name: field?.field_name ?? fieldId, value: shown(value), oldValue: shown(customer.ex_fields[fieldId]) });
          }
          if (value === '') delete customer.ex_fields[fieldId];
          else customer.ex_fields[fieldId] = value;
        }
      }
      customer.update_time = Math.floor(now() / 1000);
      customer.update_user_id = API_AGENT.id;
      customer.update_user_name = API_AGENT.name;
      if (changes.length > 0) recordFieldsChanged(state, customer.id, { atMs: now() }, agentOperator(API_AGENT), changes);
      return ok();
    },
  },
  {
    methods: ['POST'],
    path: 'public_user/assign',
    handle({ state, now, param, body }) {
      const named = customersNamed(state, param('confirmids'));
      if ('error' in named) return named.error;
      const bizType = param('assign_biz_type');
      if (bizType !== undefined && !['1', '2', '3', '4', '5'].includes(bizType)) return invalid('assign_biz_type参数错误');
      const list = bodyFields(body).liable_list;
      const agents = (Array.isArray(list) ? list : []).map((entry) => AGENTS.find((agent) => agent.id === String(bodyFields(entry).liable_serviceid)));
      if (agents.length === 0) return invalid('负责人列表不能为空');
      if (agents.some((agent) => !agent)) return invalid('负责人不存在');
      // With several agents, customers are dealt out in turn, so each gets a share.
      named.customers.forEach((customer, index) => {
        const agent = agents[index % agents.length];
        if (!agent) return;
        const oldName = customer.liable_service_name ?? null;
        Object.assign(customer, { liable_serviceid: agent.id, liable_service_name: agent.name, crm_status: 3, update_time: Math.floor(now() / 1000) });
        recordFieldsChanged(
          state,
          customer.id,
          { atMs: now() },
          agentOperator(API_AGENT),
          [{ field: 'liableServiceName', name: '负责人', value: agent.name, oldValue: oldName }],
          'user_assign',
        );
      });
      return ok();
    },
  },
  {
    methods: ['POST'],
    path: 'public_user/confirm',
    handle({ state, now, param }) {
      const named = customersNamed(state, param('confirmids'));
      if ('error' in named) return named.error;
      const confirmType = param('confirm_type') ?? '1';
      if (confirmType !== '1' && confirmType !== '2') return invalid('confirm_type参数错误:1有效,2无效');
      for (const customer of named.customers) {
        const oldName = customer.liable_service_name ?? null;
        customer.crm_status = 4;
        delete customer.liable_serviceid;
        delete customer.liable_service_name;
        customer.update_time = Math.floor(now() / 1000);
        recordFieldsChanged(
          state,
          customer.id,
          { atMs: now() },
          agentOperator(API_AGENT),
          [
            { field: 'crmStatus', name: '客户状态', value: '公海', oldValue: oldName ? '跟进中' : null },
            { field: 'confirmType', name: '确认类型', value: confirmType === '1' ? '有效' : '无效', oldValue: null },
          ],
          'user_recycle',
        );
      }
      return ok();
    },
  },
  {
    methods: ['GET', 'POST'],
    path: 'user/list_by_page',
    handle(context) {
      const filter = searchFilter(context);
      if (typeof filter !== 'function') return filter;
      const matching = [...context.state.customers.values()]
        .filter(filter)
        .sort((a, b) => Number(b.create_time) - Number(a.create_time) || a.id.localeCompare(b.id));
      const page = paged(matching, context, DEFAULT_PAGE_SIZE);
      return ok({ ...page, items: page.items.map((customer) => toListItem(customer, context.state)) });
    },
  },
  {
    methods: ['GET'],
    path: 'user/detail/:id',
    handle({ state, pathParams }) {
      const customer = state.customers.get(pathParams.id ?? '');
      // An unknown id is not an error to the API: it answers success with no item.
      return ok({ item: customer ? toDetailItem(customer, state) : null });
    },
  },
];
