// Label groups, labels and the labels of customers (document section 2.2–2.11), with the 5100xx
// errors where they apply. update_userlabel replaces the customer's whole set, which is why the client
// must read right before it writes.
import { charLength, fail, invalid, ok, paged, type Reply, type Route, type RouteContext } from '../http';
import { API_AGENT } from '../reference-data';
import { chinaDateTime, markUpdated, newId, type CustomerRecord, type SobotState } from '../state';
import { agentOperator, recordFieldsChanged } from '../timeline';

const MAX_NAME = 30;
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_COLOR = '#76A6F1';

function nameProblem(name: string | undefined, empty: Reply): Reply | undefined {
  if (name === undefined || name.trim() === '') return empty;
  if (charLength(name) > MAX_NAME) return fail('510007', '名称不能超过30个字');
  return undefined;
}

/** `?id=` as declared, or `/remove/{id}` as the examples write it. */
const idOf = (context: RouteContext) => context.pathParams.id ?? context.param('id');

const labelNames = (state: SobotState, ids: string[]) => ids.map((id) => state.labels.find((label) => label.id === id)?.name ?? id).join(',');

/** Sets a customer's labels and writes the change to the timeline, as the CRM's own UI would. */
export function setCustomerLabels(state: SobotState, customer: CustomerRecord, ids: string[], atMs: number, operator = agentOperator(API_AGENT)) {
  const before = customer.labelIds;
  customer.labelIds = ids;
  markUpdated(customer, atMs, operator);
  recordFieldsChanged(
    state,
    customer.id,
    { atMs },
    operator,
    [{ field: 'bizLabel', name: '业务标签', value: labelNames(state, ids) || null, oldValue: labelNames(state, before) || null }],
    'user_label_update',
  );
}

function removeLabelsFromCustomers(state: SobotState, ids: Set<string>) {
  for (const customer of state.customers.values()) customer.labelIds = customer.labelIds.filter((id) => !ids.has(id));
}

export const labelRoutes: Route[] = [
  {
    methods: ['POST'],
    path: 'label_group/save',
    handle({ state, now, param }) {
      const name = param('name');
      const problem = nameProblem(name, fail('510005', '标签组名称不能为空'));
      if (problem) return problem;
      if (state.labelGroups.some((group) => group.name === name?.trim())) return fail('510002', '标签组名称已存在');
      const created = chinaDateTime(now());
      const id = newId(state, 'label-group');
      state.labelGroups.push({
        id,
        bizid: null,
        type: 1,
        name: (name ?? '').trim(),
        color_value: param('color_value') ?? DEFAULT_COLOR,
        is_multiple_choice: param('is_multiple_choice') === '1' ? 1 : 0,
        status: 1,
        create_time: created,
        update_time: created,
      });
      return ok({ item: id });
    },
  },
  {
    methods: ['POST'],
    path: 'label_group/update',
    handle({ state, now, param }) {
      const group = state.labelGroups.find((candidate) => candidate.id === param('id'));
      if (!group) return fail('510001', '标签组不存在');
      const name = param('name');
      if (name !== undefined) {
        const problem = nameProblem(name, fail('510005', '标签组名称不能为空'));
        if (problem) return problem;
        if (state.labelGroups.some((other) => other !== group && other.name === name.trim())) return fail('510002', '标签组名称已存在');
        group.name = name.trim();
      }
      group.color_value = param('color_value') ?? group.color_value;
      const multiple = param('is_multiple_choice');
      if (multiple !== undefined) group.is_multiple_choice = multiple === '1' ? 1 : 0;
      group.update_time = chinaDateTime(now());
      return ok();
    },
  },
  {
    methods: ['GET', 'POST'],
    path: 'label_group/list',
    handle: (context) => ok(paged(context.state.labelGroups, context, DEFAULT_PAGE_SIZE)),
  },
  {
    methods: ['GET'],
    path: 'label_group/remove/:id?',
    handle(context) {
      const { state } = context;
      const group = state.labelGroups.find((candidate) => candidate.id === idOf(context));
      if (!group) return fail('510001', '标签组不存在');
      const removed = new Set(state.labels.filter((label) => label.groupid === group.id).map((label) => label.id));
      state.labelGroups = state.labelGroups.filter((candidate) => candidate !== group);
      state.labels = state.labels.filter((label) => !removed.has(label.id));
      removeLabelsFromCustomers(state, removed);
      return ok();
    },
  },
  {
    methods: ['POST'],
    path: 'label/save',
    handle({ state, now, param }) {
      const name = param('name');
      const problem = nameProblem(name, fail('510006', '标签名称不能为空'));
      if (problem) return problem;
      const paramName = param('param_name');
      if (paramName && charLength(paramName) > MAX_NAME) return fail('510008', '参数名称不能超过30个字');
      const group = state.labelGroups.find((candidate) => candidate.id === (param('groupid') ?? param('groupId')));
      if (!group) return fail('510001', '标签组不存在');
      const siblings = state.labels.filter((label) => label.groupid === group.id);
      if (siblings.some((label) => label.name === name?.trim())) return fail('510003', '标签名称已存在');
      if (paramName && state.labels.some((label) => label.param_name === paramName)) return fail('510004', '标签参数名已存在');
      const created = chinaDateTime(now());
      state.labels.push({
        id: newId(state, 'label'),
        groupid: group.id,
        bizid: null,
        name: (name ?? '').trim(),
        param_name: paramName || null,
        status: 1,
        create_time: created,
        update_time: created,
      });
      // The document's answer carries no id: clients re-list to learn it.
      return ok();
    },
  },
  {
    methods: ['POST'],
    path: 'label/update',
    handle({ state, now, param }) {
      const label = state.labels.find((candidate) => candidate.id === param('id'));
      if (!label) return fail('510004', '标签已不存在');
      const name = param('name');
      if (name !== undefined) {
        const problem = nameProblem(name, fail('510006', '标签名称不能为空'));
        if (problem) return problem;
        const taken = state.labels.some((other) => other !== label && other.groupid === label.groupid && other.name === name.trim());
        if (taken) return fail('510003', '标签名称已存在');
        label.name = name.trim();
      }
      const paramName = param('param_name');
      if (paramName !== undefined) {
        if (charLength(paramName) > MAX_NAME) return fail('510008', '参数名称不能超过30个字');
        if (paramName && state.labels.some((other) => other !== label && other.param_name === paramName)) {
          return fail('510004', '标签参数名已存在');
        }
        label.param_name = paramName || null;
      }
      label.update_time = chinaDateTime(now());
      return ok();
    },
  },
  {
    methods: ['GET', 'POST'],
    path: 'label/list',
    handle(context) {
      const { state, param } = context;
      const groupId = param('groupid') ?? param('groupId');
      if (groupId && !state.labelGroups.some((group) => group.id === groupId)) return fail('510001', '标签组不存在');
      const labels = groupId ? state.labels.filter((label) => label.groupid === groupId) : state.labels;
      return ok(paged(labels, context, DEFAULT_PAGE_SIZE));
    },
  },
  {
    methods: ['GET'],
    path: 'label/remove/:id?',
    handle(context) {
      const { state } = context;
      const label = state.labels.find((candidate) => candidate.id === idOf(context));
      if (!label) return fail('510004', '标签已不存在');
      state.labels = state.labels.filter((candidate) => candidate !== label);
      removeLabelsFromCustomers(state, new Set([label.id]));
      return ok();
    },
  },
  {
    methods: ['POST'],
    path: 'label/userlabels',
    handle({ state, body, param }) {
      // A bare JSON array as the example sends, or {ids: [...] | "a,b"} as the parameter table reads.
      const raw = Array.isArray(body) ? body : (param('ids') ?? '').split(',');
      const ids = [
        ...new Set(
          raw
            .map(String)
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ];
      if (ids.length === 0) return invalid('ids不能为空');
      const items = ids.flatMap((userid) => {
        const customer = state.customers.get(userid);
        if (!customer) return [];
        const labelSet = customer.labelIds.flatMap((id) => {
          const label = state.labels.find((candidate) => candidate.id === id);
          const group = state.labelGroups.find((candidate) => candidate.id === label?.groupid);
          return label ? [{ id: label.id, name: label.name, color_value: group?.color_value ?? '' }] : [];
        });
        return [{ userid, label_set: labelSet }];
      });
      return ok({ items });
    },
  },
  {
    methods: ['POST'],
    path: 'label/update_userlabel/:id',
    handle({ state, now, body, pathParams }) {
      const customer = state.customers.get(pathParams.id ?? '');
      if (!customer) return invalid('客户不存在');
      // The body is a bare array [{id, name}]; {list: [...]} is tolerated for the parameter table's name.
      const list = Array.isArray(body) ? body : (body as { list?: unknown } | undefined)?.list;
      if (!Array.isArray(list)) return invalid('标签集合格式错误,应为[{"id":"","name":""}]');
      const ids: string[] = [];
      for (const entry of list) {
        const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
        if (typeof id !== 'string' || !state.labels.some((label) => label.id === id)) return fail('510004', '标签已不存在');
        if (!ids.includes(id)) ids.push(id);
      }
      setCustomerLabels(state, customer, ids, now());
      return ok();
    },
  },
];
