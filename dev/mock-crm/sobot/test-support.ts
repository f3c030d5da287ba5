// Helpers for the Sobot mock's own tests: a mock on an ephemeral port, signed get_token, and calls that
// carry the token and return HTTP status and JSON. Only sobot/*.test.ts files import this.
import { md5Hex } from '../shared/prng';
import { controlClient, type Json } from '../shared/test-support';
import { startSobotMock, type SobotMock, type SobotMockOptions } from './server';

export const API = '/api/scrm/5/';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** Omit to use the current token; `null` sends no token header. */
  token?: string | null;
}

export async function startTestMock(options: SobotMockOptions = {}) {
  const mock: SobotMock = await startSobotMock({ port: 0, ...options });
  let token: string | undefined;

  async function getToken(createTime = String(Math.floor(Date.now() / 1000))): Promise<Json> {
    const sign = md5Hex(mock.appid + createTime + mock.appKey);
    const response = await fetch(`${mock.url}/api/get_token?appid=${encodeURIComponent(mock.appid)}&create_time=${createTime}&sign=${sign}`);
    const json: Json = await response.json();
    if (json.ret_code === '000000') token = json.item.token;
    return json;
  }

  async function raw(path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    const sent = options.token === undefined ? token : options.token;
    if (sent) headers.token = sent;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(mock.url + path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  /** A Sobot business call: `path` is relative to /api/scrm/5/. */
  async function call(path: string, options: CallOptions = {}): Promise<{ status: number; json: Json }> {
    const response = await raw(API + path, options);
    return { status: response.status, json: await response.json() };
  }

  await getToken();
  return { mock, getToken, raw, call, control: controlClient(mock.url), token: () => token };
}

export type TestMock = Awaited<ReturnType<typeof startTestMock>>;
