// Helpers for the Useasy mock's own tests: a mock on an ephemeral port and signed calls that return the
// HTTP status and JSON, with every signature header overridable to test refusals. Only useasy/*.test.ts
// files import this.
import { newNonce, signUseasy } from '../../../lib/crm/useasy/sign';
import { controlClient, type Json } from '../shared/test-support';
import { startUseasyMock, type UseasyMock, type UseasyMockOptions } from './server';

/** §4.2's get-by-id as its curl sends it: `--data '{}'` without `-X`, so a POST. */
export const FIND_BY_ID: CallOptions = { method: 'POST', body: {} };

export interface CallOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Replace (or, with null, leave out) signature headers. */
  headers?: Partial<Record<'appid' | 'nonce' | 'timestamp' | 'signature', string | null>>;
  /** Sign as if the client's clock read this (epoch ms). */
  clientNow?: number;
}

export async function startTestMock(options: UseasyMockOptions = {}) {
  const mock: UseasyMock = await startUseasyMock({ port: 0, ...options });
  // Clients sign with the server's clock unless a test says otherwise.
  const clock = options.now ?? Date.now;

  async function signedHeaders(options: CallOptions): Promise<Record<string, string>> {
    const headers: Record<string, string | null> = {
      appid: mock.appid,
      nonce: newNonce(),
      timestamp: String(Math.floor((options.clientNow ?? clock()) / 1000)),
      ...options.headers,
    };
    if (!('signature' in headers)) {
      // Signed over the headers actually sent, so overriding the nonce or timestamp alone stays valid.
      const { appid, nonce, timestamp } = headers;
      headers.signature = await signUseasy(mock.recipe, { appid: appid ?? '', nonce: nonce ?? '', timestamp: timestamp ?? '', secret: mock.secret });
    }
    const sent: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(headers)) if (value !== null && value !== undefined) sent[name] = value;
    return sent;
  }

  async function raw(path: string, options: CallOptions = {}): Promise<Response> {
    return fetch(mock.url + path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: await signedHeaders(options),
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
  }

  /** A Useasy call: `path` is relative to /openapi/crm/. */
  async function call(path: string, options: CallOptions = {}): Promise<{ status: number; json: Json }> {
    const response = await raw(`/openapi/crm/${path}`, options);
    return { status: response.status, json: await response.json() };
  }

  return { mock, raw, call, control: controlClient(mock.url) };
}
