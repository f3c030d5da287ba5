// How extension pages ask the background: typed requests, answers unwrapped, failures thrown as
// RequestError carrying the background's error code. Imports protocol types only, never zod.
import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from './protocol';
import type { ErrorCode, Reply } from './reply';

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly crmCode?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Any failure as the RequestError the panel and the options page show: one that is not is an internal error. */
export function toRequestError(error: unknown): RequestError {
  return error instanceof RequestError ? error : new RequestError('internal', String(error));
}

async function request<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  let reply: Reply<ResponseOf<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<K>> | undefined;
  } catch (error) {
    throw new RequestError('internal', error instanceof Error ? error.message : String(error));
  }
  if (!reply) throw new RequestError('internal', 'The background did not answer.');
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message, reply.error.crmCode);
  return reply.value;
}

/** How a model asks the background: the real client in the pages, a fake in tests. */
export interface Client {
  request: typeof request;
}

export const backgroundClient: Client = { request };
