// The Useasy CRM open-API mock as a real HTTP server on loopback: what an /openapi/ request means (the
// signature check, the route table) and the Useasy envelope, inside the shared server skeleton that
// handles faults, the request log, /__control/ and /demo/. Import `startUseasyMock` to run one
// in-process (port 0 for an ephemeral port); tests, e2e specs, dev/demo.ts and the CLI do.
import type { IncomingMessage } from 'node:http';
import { parseJsonKeepingLongIds } from '../../../lib/crm/useasy/long-ids';
import { DEFAULT_RECIPE, type SignatureRecipe } from '../../../lib/crm/useasy/sign';
import { createMockRuntime } from '../shared/runtime';
import { startMockServer, type ReceivedBody } from '../shared/server';
import { signatureRejection } from './auth';
import { handleControl } from './control';
import { internalError, invalid, type Reply } from './envelope';
import { DEMO_CREDENTIALS } from './fixtures';
import { resolveRoute, type GetByIdForms } from './routes';
import { seedState } from './seed';

export interface UseasyMockOptions {
  /** 8788 unless given; 0 picks a free port. */
  port?: number;
  host?: string;
  appid?: string;
  secret?: string;
  /** How signatures are verified; the product's DEFAULT_RECIPE unless given. */
  recipe?: SignatureRecipe;
  /** The server's clock in epoch milliseconds, for tests of the timestamp window. */
  now?: () => number;
  /** Which of the document's get-by-id forms are served: 'both' unless given (routes.ts). */
  getById?: GetByIdForms;
}

export interface UseasyMock {
  /** Base URL to configure in the extension, e.g. http://127.0.0.1:8788 (API paths start with /openapi/). */
  url: string;
  port: number;
  appid: string;
  secret: string;
  recipe: SignatureRecipe;
  /** Which get-by-id forms are served now; POST /__control/get-by-id changes it. */
  getById(): GetByIdForms;
  /** The demo chat console. */
  demoUrl: string;
  /** Back to the seed, faults off, request log cleared. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8788;

const codeOf = (body: unknown) => {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** The body as JSON, long integers kept exact as a Java server keeps them; `undefined` when empty. */
function parseBody(text: string): { body: unknown } | { error: string } {
  if (text.trim() === '') return { body: undefined };
  try {
    return { body: parseJsonKeepingLongIds(text) };
  } catch {
    return { error: '请求参数格式错误,请传入合法的JSON' };
  }
}

export async function startUseasyMock(options: UseasyMockOptions = {}): Promise<UseasyMock> {
  const appid = options.appid ?? DEMO_CREDENTIALS.appid;
  const secret = options.secret ?? DEMO_CREDENTIALS.secret;
  const recipe = options.recipe ?? DEFAULT_RECIPE;
  const now = options.now ?? Date.now;
  const authority = { appid, secret, recipe, now };
  const runtime = createMockRuntime(seedState);
  // A property of the server, not of its data: a reset keeps it.
  let getById: GetByIdForms = options.getById ?? 'both';

  async function answer(request: IncomingMessage, received: ReceivedBody, resolved: ReturnType<typeof resolveRoute>): Promise<Reply> {
    if ('tooLarge' in received) return invalid('请求体过大');
    const { text } = received;
    if ('reply' in resolved) return resolved.reply;
    // A recipe may sign the request itself (method, path, body): the mock checks what it was sent.
    const signed = { method: request.method, path: new URL(request.url ?? '/', 'http://mock').pathname, body: text };
    const rejection = await signatureRejection(authority, request.headers, signed);
    if (rejection) return rejection;
    const parsed = parseBody(text);
    if ('error' in parsed) return invalid(parsed.error);
    try {
      return resolved.handle({ state: runtime.state(), now, body: parsed.body, id: resolved.id });
    } catch (error) {
      console.error('mock-crm useasy: route failed', request.url, error);
      return internalError();
    }
  }

  const server = await startMockServer(
    {
      logName: 'mock-crm useasy',
      apiPrefix: '/openapi/',
      resolve(method, url) {
        const resolved = resolveRoute(method, url.pathname, getById);
        return { endpoint: resolved.endpoint, answer: (request, received) => answer(request, received, resolved) };
      },
      // The shared log names the envelope's code ret_code, after Sobot's envelope.
      codeOf,
      malformedBody: '{"success":true,"message":"200 ok!","code":"200","data":{"list":[{"_id":"',
      parseControlJson: parseJsonKeepingLongIds,
      control: (method, path, body) => handleControl({ ...runtime, getById: { get: () => getById, set: (forms) => (getById = forms) } }, method, path, body),
      faults: runtime.faults,
      log: runtime.log,
      now,
    },
    { port: options.port ?? DEFAULT_PORT, host: options.host ?? '127.0.0.1' },
  );

  return { ...server, appid, secret, recipe, getById: () => getById, reset: runtime.reset };
}
