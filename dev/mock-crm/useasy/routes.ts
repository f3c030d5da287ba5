// The CRM endpoints of the Useasy open API under /openapi/crm/: add, update, list, get one (in the forms
// the document shows, switchable), delete and the field configuration. Each handler reads the parsed body and the
// state and returns a Reply; none touches node:http. Mock-only; the server imports the table.
import { noHandler } from '../shared/reply';
import { invalid, notFound, ok, type Reply } from './envelope';
import { ACCOUNT_ID, FIELDS } from './fields';
import { chinaDateTime, createdIdFor } from './ids';
import { matches, readConditions } from './search';
import { API_AGENT, type CustomerRecord, type UseasyState } from './state';
import { readWriteBody } from './write-body';

interface RouteContext {
  state: UseasyState;
  /** Epoch milliseconds, from the server's clock. */
  now: () => number;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  /** The id in the path, for the get-one forms. */
  id?: string;
}

interface Route {
  method: 'GET' | 'POST';
  /** The name the request log counts it under, e.g. "crm/list". */
  endpoint: string;
  handle(context: RouteContext): Reply;
}

const PREFIX = '/openapi/crm/';
const DEFAULT_LIMIT = 10;
/** Larger pages are cut to this size rather than refused. */
const MAX_LIMIT = 100;

const objectBody = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

const idText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

const positiveInt = (value: unknown, fallback: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** Newest first; ids are snowflakes of the creation time, so comparing them orders by creation. */
const newestFirst = (a: CustomerRecord, b: CustomerRecord) => b._id.length - a._id.length || (b._id > a._id ? 1 : b._id < a._id ? -1 : 0);

function applyChanges(record: CustomerRecord, changes: Record<string, unknown>, nowText: string) {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete record[key];
    else record[key] = value;
  }
  if (typeof changes.owner === 'string') {
    // Owning a customer takes them out of the public sea.
    record.assignTime = typeof changes.assignTime === 'string' ? changes.assignTime : nowText;
    record.firstOwner ??= changes.owner;
    record.firstAssignTime ??= record.assignTime;
    record.openSeaIds = [];
  }
  record.updateAgent = API_AGENT;
  record.updateTime = nowText;
}

function findOne({ state, id }: RouteContext): Reply {
  const record = id === undefined ? undefined : state.customers.get(id);
  return record ? ok(structuredClone(record)) : notFound('客户不存在');
}

/**
 * The document's two forms of "get by id": §4.1 declares `GET /openapi/crm/{id}`; §4.2's curl sends
 * `--data '{}'` without `-X`, which makes it `POST /openapi/crm/findById/{id}`. A real server may serve
 * either or both; the mock serves what it is told, and answers any other form as Spring does (404 for a
 * path it has no handler for, 405 for a method it does not take).
 */
export const GET_BY_ID_FORMS = ['both', 'declared', 'example'] as const;
export type GetByIdForms = (typeof GET_BY_ID_FORMS)[number];

const DECLARED_ENDPOINT = 'crm/{id}';
const EXAMPLE_ENDPOINT = 'crm/findById';

const NAMED_ROUTES: Record<string, Route> = {
  add: {
    method: 'POST',
    endpoint: 'crm/add',
    handle({ state, now, body }) {
      const fields = objectBody(body);
      if (!('customerName' in fields)) return invalid('customerName不能为空');
      const read = readWriteBody(fields);
      if ('error' in read) return invalid(read.error);
      let id: string;
      do id = createdIdFor((state.createdCount += 1));
      while (state.customers.has(id));
      const nowText = chinaDateTime(now());
      const record: CustomerRecord = {
        _id: id,
        accountId: ACCOUNT_ID,
        customerName: '',
        createMethod: '',
        createAgent: API_AGENT,
        updateAgent: API_AGENT,
        createTime: nowText,
        updateTime: nowText,
      };
      applyChanges(record, read.changes, nowText);
      state.customers.set(id, record);
      return ok(structuredClone(record));
    },
  },

  update: {
    method: 'POST',
    endpoint: 'crm/update',
    handle({ state, now, body }) {
      const fields = objectBody(body);
      const id = idText(fields._id);
      if (!id) return invalid('_id不能为空');
      const record = state.customers.get(id);
      if (!record) return notFound('客户不存在');
      const read = readWriteBody(fields);
      if ('error' in read) return invalid(read.error);
      applyChanges(record, read.changes, chinaDateTime(now()));
      return ok(structuredClone(record));
    },
  },

  list: {
    method: 'POST',
    endpoint: 'crm/list',
    handle({ state, body }) {
      const fields = objectBody(body);
      const conditions = readConditions(fields.search);
      if (typeof conditions === 'string') return invalid(conditions);
      const page = positiveInt(fields.page, 1);
      const limit = Math.min(positiveInt(fields.limit, DEFAULT_LIMIT), MAX_LIMIT);
      const found = [...state.customers.values()].filter((record) => conditions.every((condition) => matches(record, condition))).sort(newestFirst);
      return ok({ list: structuredClone(found.slice((page - 1) * limit, page * limit)), count: found.length });
    },
  },

  delete: {
    method: 'POST',
    endpoint: 'crm/delete',
    handle({ state, body }) {
      const id = idText(objectBody(body).id);
      if (!id) return invalid('id不能为空');
      if (!state.customers.delete(id)) return notFound('客户不存在');
      return ok(null);
    },
  },

  'config/field/list': {
    method: 'POST',
    endpoint: 'crm/config/field/list',
    handle({ body }) {
      // category and editable are accepted and ignored: the VO carries neither.
      const { name, type, enabled } = objectBody(body);
      const types = Array.isArray(type) ? type.map(String) : undefined;
      const found = FIELDS.filter(
        (field) =>
          field.status !== -1 &&
          (typeof name !== 'string' || field.name.includes(name)) &&
          (!types?.length || types.includes(field.type)) &&
          (typeof enabled !== 'boolean' || (field.status === 1) === enabled),
      ).sort((a, b) => a.sort - b.sort);
      return ok(structuredClone(found));
    },
  },
};

export type Resolved = { endpoint: string; handle: Route['handle']; id?: string } | { endpoint: string; reply: Reply };

/** The get-one route for a path in one of the document's forms, counted under that form's name. */
function resolveGetOne(method: string, relative: string, pathname: string, forms: GetByIdForms): Resolved | undefined {
  const example = relative.match(/^findById\/([^/]+)$/);
  const declared = relative.match(/^(\d+)$/);
  const form = example
    ? { endpoint: EXAMPLE_ENDPOINT, method: 'POST', served: forms !== 'declared', id: example[1]! }
    : declared
      ? { endpoint: DECLARED_ENDPOINT, method: 'GET', served: forms !== 'example', id: declared[1]! }
      : undefined;
  if (!form) return undefined;
  if (!form.served) return { endpoint: form.endpoint, reply: noHandler(404, pathname) };
  if (method !== form.method) return { endpoint: form.endpoint, reply: noHandler(405, pathname) };
  return { endpoint: form.endpoint, handle: findOne, id: decodeURIComponent(form.id) };
}

/** The handler for a request, by method and path, and the endpoint it is counted under. */
export function resolveRoute(method: string, pathname: string, forms: GetByIdForms = 'both'): Resolved {
  const relative = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length).replace(/\/+$/, '') : undefined;
  if (relative === undefined) return { endpoint: pathname.replace(/^\//, ''), reply: noHandler(404, pathname) };
  const named = Object.hasOwn(NAMED_ROUTES, relative) ? NAMED_ROUTES[relative] : undefined;
  if (named) {
    return named.method === method ? named : { endpoint: named.endpoint, reply: noHandler(405, pathname) };
  }
  return resolveGetOne(method, relative, pathname, forms) ?? { endpoint: `crm/${relative}`, reply: noHandler(404, pathname) };
}
