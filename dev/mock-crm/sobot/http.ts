// The request and reply vocabulary every route shares: how parameters are read (query string first,
// then the JSON body, as NOTES.md settles), the success and error envelopes, and paging. No route
// touches node:http directly.
import type { Reply } from '../shared/reply';
import type { SobotState } from './state';

export type { Reply };

export const ok = (fields: Record<string, unknown> = {}): Reply => ({
  status: 200,
  body: { ...fields, ret_code: '000000', ret_msg: '操作成功' },
});

/** Business errors travel with HTTP 200 and only ret_code and ret_msg. */
export const fail = (retCode: string, retMsg: string): Reply => ({ status: 200, body: { ret_code: retCode, ret_msg: retMsg } });

/** Sobot's catch-all code, used for validation failures the document gives no code of their own. */
export const invalid = (retMsg: string) => fail('999999', retMsg);

export interface RouteContext {
  state: SobotState;
  /** Epoch milliseconds, from the server's clock (injectable for tests). */
  now: () => number;
  pathParams: Record<string, string>;
  /** The parsed JSON body: an object, an array (userlabels, update_userlabel) or undefined. */
  body: unknown;
  /** A scalar parameter: the query string wins over a body field of the same name. */
  param(name: string): string | undefined;
}

export interface Route {
  methods: readonly ('GET' | 'POST')[];
  /** Relative to /api/scrm/5/; `:name` is a path parameter, `:name?` an optional last one. */
  path: string;
  handle(context: RouteContext): Reply;
}

/** The name a route is counted under in the request log: its path without parameters. */
export const endpointOf = (route: Route) =>
  route.path
    .split('/')
    .filter((segment) => !segment.startsWith(':'))
    .join('/');

export function matchRoute(routes: readonly Route[], path: string): { route: Route; pathParams: Record<string, string> } | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/');
    const pathParams: Record<string, string> = {};
    const required = pattern.filter((segment) => !segment.endsWith('?')).length;
    if (segments.length < required || segments.length > pattern.length) continue;
    const matches = pattern.every((segment, index) => {
      const actual = segments[index];
      if (segment.startsWith(':')) {
        if (actual !== undefined) pathParams[segment.replace(/^:|\?$/g, '')] = decodeURIComponent(actual);
        return actual !== undefined || segment.endsWith('?');
      }
      return actual === segment;
    });
    if (matches) return { route, pathParams };
  }
  return undefined;
}

/** Parses a body as JSON, or as a form when sent as one; `undefined` for an empty body. */
export function parseBody(text: string, contentType: string | undefined): { body: unknown } | { error: string } {
  if (text.trim() === '') return { body: undefined };
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { error: '请求参数格式错误,请传入合法的JSON' };
  }
}

export function paramReader(query: URLSearchParams, body: unknown) {
  const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return (name: string): string | undefined => {
    if (query.has(name)) return query.getAll(name).join(',');
    const value = fields[name];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value.map(String).join(',');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

/** A positive integer parameter, or the fallback when absent or not a positive integer. */
function positiveInt(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** One page of `items` and the page fields, as numbers like every example of the document. */
export function paged<T>(items: T[], context: RouteContext, defaultSize: number) {
  const pageSize = positiveInt(context.param('page_size'), defaultSize);
  const pageNo = positiveInt(context.param('page_no'), 1);
  return {
    items: items.slice((pageNo - 1) * pageSize, pageNo * pageSize),
    page_no: pageNo,
    page_count: Math.ceil(items.length / pageSize),
    total_count: items.length,
    page_size: pageSize,
  };
}

/** Length in characters as a person counts them (a Chinese character is one). */
export const charLength = (text: string) => [...text].length;
