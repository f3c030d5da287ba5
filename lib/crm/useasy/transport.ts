// Sends signed Useasy requests: every call carries appid, a fresh nonce, the timestamp and the signature
// headers, and every failure becomes a CrmError. There is no token, so there is nothing to share or
// refresh. Only the Useasy backend imports it. Ids in answers reach the schemas as exact strings.
import * as z from 'zod/mini';
import { failureOf, fetchFromCrm } from '../crm-fetch';
import { CRM_REQUEST_TIMEOUT_MS, CrmError } from '../errors';
import { useasyErrorFor } from './error-codes';
import { parseJsonKeepingLongIds } from './long-ids';
import { DEFAULT_RECIPE, newNonce, signUseasy, type SignatureRecipe } from './sign';
import { envelope, type Envelope } from './wire';

interface UseasyConnection {
  baseUrl: string;
  /** The account id, e.g. "1090". */
  appid: string;
  secret: string;
  /** How the signature is computed; DEFAULT_RECIPE unless settings say otherwise. */
  recipe?: SignatureRecipe;
}

export interface UseasyTransportOptions extends UseasyConnection {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

export interface UseasyRequest {
  method: 'GET' | 'POST';
  /** From the host, e.g. /openapi/crm/list. */
  path: string;
  body?: unknown;
}

const isFailure = (answer: Envelope) =>
  answer.success === false || answer.success === 'false' || (answer.code !== undefined && answer.code !== null && answer.code !== '200');

export function createUseasyTransport(options: UseasyTransportOptions) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? CRM_REQUEST_TIMEOUT_MS;
  const recipe = options.recipe ?? DEFAULT_RECIPE;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function signedHeaders(request: UseasyRequest, body: string | undefined): Promise<Record<string, string>> {
    const nonce = newNonce();
    const timestamp = String(Math.floor(now() / 1000));
    const signed = { method: request.method, path: new URL(base + request.path).pathname, body: body ?? '' };
    const signature = await signUseasy(recipe, { appid: options.appid, nonce, timestamp, secret: options.secret, ...signed });
    return { appid: options.appid, nonce, timestamp, signature, 'content-type': 'application/json' };
  }

  async function fetchText(request: UseasyRequest): Promise<{ status: number; text: string }> {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const response = await fetchFromCrm(
      base + request.path,
      { method: request.method, headers: await signedHeaders(request, body), body },
      { fetch: fetchImpl, base, timeoutMs },
    );
    try {
      return { status: response.status, text: await response.text() };
    } catch (error) {
      throw failureOf(error, { base, timeoutMs });
    }
  }

  function parseEnvelope(text: string): Envelope | undefined {
    try {
      const parsed = z.safeParse(envelope, parseJsonKeepingLongIds(text));
      return parsed.success && (parsed.data.success !== undefined || parsed.data.code !== undefined) ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Sends a signed request and returns the success envelope's `data`. */
  async function call(request: UseasyRequest): Promise<unknown> {
    const { status, text } = await fetchText(request);
    const answer = parseEnvelope(text);
    if (status < 200 || status > 299) {
      // A gateway may refuse a signature with 401 and still send the envelope that says why.
      if (answer && isFailure(answer)) throw useasyErrorFor(answer.code ?? String(status), answer.message ?? undefined);
      if (status === 401 || status === 403) throw useasyErrorFor(String(status), undefined);
      throw new CrmError('http-status', `The CRM answered HTTP ${status}.`, String(status));
    }
    if (!answer) throw new CrmError('malformed-response', 'The CRM sent an answer that is not a Useasy envelope.');
    if (isFailure(answer)) throw useasyErrorFor(answer.code ?? undefined, answer.message ?? undefined);
    return answer.data;
  }

  return { call };
}
