// Sends signed Sobot requests: attaches the shared token, turns every failure into a CrmError, and
// replaces a rejected token exactly once before giving up. Only the Sobot backend imports it.
import * as z from 'zod/mini';
import { createTokenHolder, type TokenStore } from '../../auth/token-holder';
import { fetchFromCrm } from '../crm-fetch';
import { CRM_REQUEST_TIMEOUT_MS, CrmError } from '../errors';
import { sobotErrorFor } from './ret-codes';
import { sobotSign } from './sign';
import { envelope, tokenItem } from './wire';

interface SobotConnection {
  baseUrl: string;
  appid: string;
  appKey: string;
}

export interface SobotTransportOptions extends SobotConnection {
  tokenStore: TokenStore;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

export interface SobotRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

type Envelope = z.infer<typeof envelope>;

const TOKEN_REJECTED = new Set(['900001', '900002']);

export function createSobotTransport(options: SobotTransportOptions) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? CRM_REQUEST_TIMEOUT_MS;
  const base = options.baseUrl.replace(/\/+$/, '');

  function urlFor(path: string, query: SobotRequest['query'] = {}): string {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async function send(request: SobotRequest, token?: string): Promise<Envelope> {
    const headers: Record<string, string> = {};
    if (token) headers.token = token;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchFromCrm(
      urlFor(request.path, request.query),
      { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) },
      { fetch: fetchImpl, base, timeoutMs },
    );
    if (!response.ok) {
      throw new CrmError('http-status', `The CRM answered HTTP ${response.status}.`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new CrmError('malformed-response', 'The CRM sent an answer that is not JSON.');
    }
    const parsed = z.safeParse(envelope, json);
    if (!parsed.success) {
      throw new CrmError('malformed-response', 'The CRM sent an answer without ret_code.');
    }
    return parsed.data;
  }

  async function issueToken() {
    const createTime = String(Math.floor(now() / 1000));
    const answer = await send({
      method: 'GET',
      path: '/api/get_token',
      query: { appid: options.appid, create_time: createTime, sign: sobotSign(options.appid, createTime, options.appKey) },
    });
    if (answer.ret_code !== '000000') throw sobotErrorFor(answer.ret_code, answer.ret_msg);
    const item = z.safeParse(tokenItem, answer.item);
    const lifetimeSeconds = item.success ? Number(item.data.expires_in) : NaN;
    if (!item.success || !Number.isFinite(lifetimeSeconds)) {
      throw new CrmError('malformed-response', 'The CRM sent a token answer without token or expires_in.');
    }
    return { token: item.data.token, expiresAt: now() + lifetimeSeconds * 1000 };
  }

  const tokens = createTokenHolder({ issue: issueToken, store: options.tokenStore, now });

  /** Sends an authenticated request and returns the success envelope (items, item, page fields). */
  async function call(request: SobotRequest): Promise<Envelope> {
    const token = await tokens.get();
    let answer = await send(request, token);
    if (TOKEN_REJECTED.has(answer.ret_code)) {
      answer = await send(request, await tokens.replaceRejected(token));
      if (TOKEN_REJECTED.has(answer.ret_code)) {
        throw new CrmError('token-rejected', 'The CRM rejected a freshly issued token.', answer.ret_code);
      }
    }
    if (answer.ret_code !== '000000') throw sobotErrorFor(answer.ret_code, answer.ret_msg);
    return answer;
  }

  return { call, tokens };
}
