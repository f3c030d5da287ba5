// The Sobot SCRM v5 mock as a real HTTP server on loopback: routes /api/ requests through faults,
// token checks and the route table, /__control/ to the control API and /demo/ to the chat console.
// Import `startSobotMock` to run one in-process (port 0 for an ephemeral port).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTokenAuthority } from './auth';
import { handleControl, type ControlTarget } from './control';
import { serveDemo } from './demo-files';
import { createFaults, type FailurePlan } from './faults';
import { DEMO_CREDENTIALS } from './fixtures';
import { endpointOf, fail, matchRoute, paramReader, parseBody, readBody, type Reply } from './http';
import { createRequestLog } from './request-log';
import { sobotRoutes } from './routes';
import { seedState } from './seed';

export interface SobotMockOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  appid?: string;
  appKey?: string;
  /** Token lifetime; Sobot's is 86400 s. */
  tokenTtlSeconds?: number;
  /** The server's clock in epoch milliseconds, for tests of expiry. */
  now?: () => number;
}

export interface SobotMock {
  /** Base URL to configure in the extension, e.g. http://127.0.0.1:8787 (API paths start with /api/). */
  url: string;
  port: number;
  appid: string;
  appKey: string;
  tokenTtlSeconds: number;
  /** The demo chat console. */
  demoUrl: string;
  /** Back to the seed, faults off, request log cleared; the issued token stays valid. */
  reset(): void;
  close(): Promise<void>;
}

const API_PREFIX = '/api/scrm/5/';
const JSON_TYPE = 'application/json;charset=UTF-8';

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': JSON_TYPE }).end(JSON.stringify(body));
}

const retCodeOf = (body: unknown) => {
  const code = (body as { ret_code?: unknown } | null)?.ret_code;
  return typeof code === 'string' ? code : null;
};

export async function startSobotMock(options: SobotMockOptions = {}): Promise<SobotMock> {
  const appid = options.appid ?? DEMO_CREDENTIALS.appid;
  const appKey = options.appKey ?? DEMO_CREDENTIALS.appKey;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 86_400;
  const now = options.now ?? Date.now;
  const auth = createTokenAuthority({ appid, appKey, ttlSeconds: tokenTtlSeconds, now });
  const faults = createFaults();
  const log = createRequestLog();
  let state = seedState();

  const reset = () => {
    state = seedState();
    faults.clear();
    log.clear();
  };
  const control: ControlTarget = { state: () => state, reset, auth, faults, log, now };

  /** Which endpoint a path is counted under, and how to answer it once the request is accepted. */
  function resolve(method: string, pathname: string): { endpoint: string; answer: (request: IncomingMessage, body: unknown, query: URLSearchParams) => Reply } {
    if (pathname === '/api/get_token') {
      return {
        endpoint: 'get_token',
        answer: (_request, _body, query) => (method === 'GET' ? auth.getToken(query) : methodNotAllowed(pathname)),
      };
    }
    // The document's examples write "lable"; the real path is "label", and both reach it.
    const relative = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length).replace(/^lable\//, 'label/') : '';
    const matched = relative ? matchRoute(sobotRoutes, relative) : undefined;
    if (!matched) return { endpoint: relative || pathname, answer: () => notFound(pathname) };
    const { route, pathParams } = matched;
    return {
      endpoint: endpointOf(route),
      answer(request, body, query) {
        if (!route.methods.includes(method as 'GET' | 'POST')) return methodNotAllowed(pathname);
        const token = request.headers.token;
        const rejection = auth.rejection(Array.isArray(token) ? token[0] : token);
        if (rejection) return rejection;
        try {
          return route.handle({ state, now, pathParams, body, param: paramReader(query, body) });
        } catch (error) {
          console.error('mock-crm: route failed', pathname, error);
          return fail('999999', '系统未知异常');
        }
      },
    };
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? 'GET';
    const { endpoint, answer } = resolve(method, url.pathname);
    const record = (status: number, retCode: string | null, fault?: string) =>
      log.add({ method, path: url.pathname, endpoint, status, ret_code: retCode, at: now(), ...(fault ? { fault } : {}) });

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

    const failure = faults.failureFor(endpoint);
    if (failure && !failure.applied) {
      injectFailure(failure, request, response, record);
      return;
    }
    let reply: Reply;
    try {
      const parsed = parseBody(await readBody(request), request.headers['content-type']);
      reply = 'error' in parsed ? fail('999999', parsed.error) : answer(request, parsed.body, url.searchParams);
    } catch {
      reply = fail('999999', '请求体过大');
    }
    if (failure) {
      injectFailure(failure, request, response, record);
      return;
    }
    sendJson(response, reply.status, reply.body);
    record(reply.status, retCodeOf(reply.body));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const path = url.pathname;
    const routed = path.startsWith('/api/')
      ? handleApi(request, response, url)
      : path === '/__control' || path.startsWith('/__control/')
        ? handleControlRequest(request, response, path.replace(/^\/__control\/?/, ''))
        : path === '/demo' || path.startsWith('/demo/')
          ? serveDemo(path, response)
          : Promise.resolve(path === '/' ? void response.writeHead(302, { location: '/demo/' }).end() : notFoundPage(response));
    routed.catch((error: unknown) => {
      console.error('mock-crm: request failed', path, error);
      if (!response.headersSent) sendJson(response, 500, { error: 'mock failure' });
    });
  });

  async function handleControlRequest(request: IncomingMessage, response: ServerResponse, path: string) {
    const parsed = parseBody(await readBody(request), 'application/json');
    if ('error' in parsed) return sendJson(response, 400, { ok: false, error: 'body must be JSON' });
    const reply = handleControl(control, request.method ?? 'GET', path, parsed.body);
    sendJson(response, reply.status, reply.body);
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => {
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
    appKey,
    tokenTtlSeconds,
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
  record: (status: number, retCode: string | null, fault?: string) => void,
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
      response.writeHead(200, { 'content-type': JSON_TYPE }).end('{"ret_code":"000000","ret_msg":"操作成功","items":[{"id":"');
      return;
    case 'timeout':
      // No answer at all: the client's own timeout has to fire. close() ends the connection.
      record(0, null, 'timeout');
      return;
  }
}

const methodNotAllowed = (path: string): Reply => ({
  status: 405,
  body: { timestamp: new Date().toISOString(), status: 405, error: 'Method Not Allowed', path },
});
const notFound = (path: string): Reply => ({
  status: 404,
  body: { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path },
});
function notFoundPage(response: ServerResponse) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}
