// The Useasy CRM open-API mock as a real HTTP server on loopback: /openapi/ requests pass faults, the
// signature check and the route table; /__control/ reaches the control API and /demo/ the shared chat
// console. Import `startUseasyMock` to run one in-process (port 0 for an ephemeral port).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseJsonKeepingLongIds } from '../../../lib/crm/useasy/long-ids';
import { DEFAULT_RECIPE, type SignatureRecipe } from '../../../lib/crm/useasy/sign';
import { serveDemo } from '../sobot/demo-files';
import { createFaults, type FailurePlan } from '../sobot/faults';
import { readBody } from '../sobot/http';
import { createRequestLog } from '../sobot/request-log';
import { signatureRejection } from './auth';
import { handleControl, type ControlTarget } from './control';
import { internalError, invalid, type Reply } from './envelope';
import { DEMO_CREDENTIALS } from './fixtures';
import { resolveRoute } from './routes';
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
}

export interface UseasyMock {
  /** Base URL to configure in the extension, e.g. http://127.0.0.1:8788 (API paths start with /openapi/). */
  url: string;
  port: number;
  appid: string;
  secret: string;
  recipe: SignatureRecipe;
  /** The demo chat console. */
  demoUrl: string;
  /** Back to the seed, faults off, request log cleared. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8788;
const JSON_TYPE = 'application/json;charset=UTF-8';

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': JSON_TYPE }).end(JSON.stringify(body));
}

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
  const faults = createFaults();
  const log = createRequestLog();
  let state = seedState();

  const reset = () => {
    state = seedState();
    faults.clear();
    log.clear();
  };
  const control: ControlTarget = { state: () => state, reset, faults, log };

  async function answer(request: IncomingMessage, resolved: ReturnType<typeof resolveRoute>): Promise<Reply> {
    let text: string;
    try {
      text = await readBody(request);
    } catch {
      return invalid('请求体过大');
    }
    if ('reply' in resolved) return resolved.reply;
    const rejection = await signatureRejection(authority, request.headers);
    if (rejection) return rejection;
    const parsed = parseBody(text);
    if ('error' in parsed) return invalid(parsed.error);
    try {
      return resolved.handle({ state, now, body: parsed.body, id: resolved.id });
    } catch (error) {
      console.error('mock-crm useasy: route failed', request.url, error);
      return internalError();
    }
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? 'GET';
    const resolved = resolveRoute(method, url.pathname);
    const record = (status: number, code: string | null, fault?: string) =>
      // The shared log names the envelope's code ret_code, after Sobot's envelope.
      log.add({ method, path: url.pathname, endpoint: resolved.endpoint, status, ret_code: code, at: now(), ...(fault ? { fault } : {}) });

    const down = faults.down();
    if (down === 'close') {
      record(0, null, 'down');
      request.socket.destroy();
      return;
    }
    if (down === '503') {
      record(503, null, 'down');
      response.writeHead(503, { 'content-type': 'text/html' }).end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
      return;
    }
    if (faults.latencyMs() > 0) await sleep(faults.latencyMs());

    const failure = faults.failureFor(resolved.endpoint);
    if (failure && !failure.applied) {
      injectFailure(failure, request, response, record);
      return;
    }
    const reply = await answer(request, resolved);
    if (failure) {
      injectFailure(failure, request, response, record);
      return;
    }
    sendJson(response, reply.status, reply.body);
    record(reply.status, codeOf(reply.body));
  }

  async function handleControlRequest(request: IncomingMessage, response: ServerResponse, path: string) {
    const parsed = parseBody(await readBody(request));
    if ('error' in parsed) return sendJson(response, 400, { ok: false, error: 'body must be JSON' });
    const reply = handleControl(control, request.method ?? 'GET', path, parsed.body);
    sendJson(response, reply.status, reply.body);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const path = url.pathname;
    const routed = path.startsWith('/openapi/')
      ? handleApi(request, response, url)
      : path === '/__control' || path.startsWith('/__control/')
        ? handleControlRequest(request, response, path.replace(/^\/__control\/?/, ''))
        : path === '/demo' || path.startsWith('/demo/')
          ? serveDemo(path, response)
          : Promise.resolve(path === '/' ? void response.writeHead(302, { location: '/demo/' }).end() : notFoundPage(response));
    routed.catch((error: unknown) => {
      console.error('mock-crm useasy: request failed', path, error);
      if (!response.headersSent) sendJson(response, 500, { error: 'mock failure' });
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${reachableHost}:${port}`;

  return {
    url,
    port,
    appid,
    secret,
    recipe,
    demoUrl: `${url}/demo/`,
    reset,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Held-open requests (the "timeout" fault) and idle keep-alive sockets would keep it open.
        server.closeAllConnections();
      }),
  };
}

function injectFailure(
  failure: FailurePlan,
  request: IncomingMessage,
  response: ServerResponse,
  record: (status: number, code: string | null, fault?: string) => void,
) {
  switch (failure.kind) {
    case 'http500':
      record(500, null, 'http500');
      response.writeHead(500, { 'content-type': 'text/html' }).end('<html><body><h1>500 Internal Server Error</h1></body></html>');
      return;
    case 'drop':
      record(0, null, 'drop');
      request.socket.destroy();
      return;
    case 'malformed':
      record(200, null, 'malformed');
      // A JSON answer cut off mid-way, as a proxy timing out upstream would send it.
      response.writeHead(200, { 'content-type': JSON_TYPE }).end('{"success":true,"message":"200 ok!","code":"200","data":{"list":[{"_id":"');
      return;
    case 'timeout':
      // No answer at all: the client's own timeout has to fire. close() ends the connection.
      record(0, null, 'timeout');
      return;
  }
}

function notFoundPage(response: ServerResponse) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}
