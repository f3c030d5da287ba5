// The HTTP skeleton every mock CRM runs in: listen and close, the routing of /__control/, /demo/ and the
// backend's API prefix, and around each API request the down mode, latency, injected failures and the
// request log. What a request means (auth, routes, envelope) comes from the backend's adapter. Imported
// by each backend's server.ts; nothing outside dev/mock-crm/ should need it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ControlReply } from './control';
import { serveDemo } from './demo-files';
import type { FailurePlan, Faults } from './faults';
import type { Reply } from './reply';
import type { RequestLog } from './request-log';

/** A request's body as the server received it, or word that it was over the size limit. */
export type ReceivedBody = { text: string } | { tooLarge: true };

/** One API request as the backend reads it: the endpoint it is counted under, and its answer. */
export interface ApiExchange {
  endpoint: string;
  /** Decides the reply from the received body; only called once no fault has pre-empted the request. */
  answer(request: IncomingMessage, body: ReceivedBody): Promise<Reply>;
}

export interface MockBackendAdapter {
  /** Prefixes the server's own error messages on the console, e.g. "mock-crm useasy". */
  logName: string;
  /** Requests under this path are the backend's API, e.g. "/api/". */
  apiPrefix: string;
  resolve(method: string, url: URL): ApiExchange;
  /** The envelope's code in a reply body; the request log keeps it as ret_code. */
  codeOf(body: unknown): string | null;
  /** The JSON cut off mid-way that the "malformed" fault sends, in the backend's own envelope. */
  malformedBody: string;
  /** Parses a non-empty control request body; throws when it is not JSON. */
  parseControlJson(text: string): unknown;
  control(method: string, path: string, body: unknown): ControlReply;
  faults: Faults;
  log: RequestLog;
  now: () => number;
}

export interface MockServer {
  /** e.g. http://127.0.0.1:8787, the host made reachable when listening on every interface. */
  url: string;
  port: number;
  /** The demo chat console. */
  demoUrl: string;
  close(): Promise<void>;
}

type RecordOutcome = (status: number, code: string | null, fault?: string) => void;

const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY_BYTES = 1_000_000;

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': JSON_TYPE }).end(JSON.stringify(body));
}

/** The request body as text; throws past 1 MB so a runaway client cannot exhaust memory. */
async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startMockServer(backend: MockBackendAdapter, listen: { port: number; host: string }): Promise<MockServer> {
  const { faults, log, now } = backend;

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? 'GET';
    const { endpoint, answer } = backend.resolve(method, url);
    const record: RecordOutcome = (status, code, fault) =>
      log.add({ method, path: url.pathname, endpoint, status, ret_code: code, at: now(), ...(fault ? { fault } : {}) });

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
    // Like a real server, the whole request is received before the slow part: a request whose body
    // arrived is processed even if the client goes away while it waits (a stopped worker, a timeout).
    const body: ReceivedBody = await readBody(request).then(
      (text) => ({ text }),
      () => ({ tooLarge: true }),
    );
    if (faults.latencyMs() > 0) await sleep(faults.latencyMs());

    const failure = faults.failureFor(endpoint);
    // An "applied" failure lets the request change state first, so the client cannot tell whether it did.
    if (failure && !failure.applied) return injectFailure(failure, request, response, record, backend.malformedBody);
    const reply = await answer(request, body);
    if (failure) return injectFailure(failure, request, response, record, backend.malformedBody);
    sendJson(response, reply.status, reply.body);
    record(reply.status, backend.codeOf(reply.body));
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse, path: string) {
    const text = await readBody(request);
    let body: unknown;
    if (text.trim() !== '') {
      try {
        body = backend.parseControlJson(text);
      } catch {
        return sendJson(response, 400, { ok: false, error: 'body must be JSON' });
      }
    }
    const reply = backend.control(request.method ?? 'GET', path, body);
    sendJson(response, reply.status, reply.body);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const path = url.pathname;
    const routed = path.startsWith(backend.apiPrefix)
      ? handleApi(request, response, url)
      : path === '/__control' || path.startsWith('/__control/')
        ? handleControl(request, response, path.replace(/^\/__control\/?/, ''))
        : path === '/demo' || path.startsWith('/demo/')
          ? serveDemo(path, response)
          : Promise.resolve(path === '/' ? void response.writeHead(302, { location: '/demo/' }).end() : notFoundPage(response));
    routed.catch((error: unknown) => {
      console.error(`${backend.logName}: request failed`, path, error);
      if (!response.headersSent) sendJson(response, 500, { error: 'mock failure' });
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(listen.port, listen.host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const { host } = listen;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${reachableHost}:${port}`;

  return {
    url,
    port,
    demoUrl: `${url}/demo/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Held-open requests (the "timeout" fault) and idle keep-alive sockets would keep it open.
        server.closeAllConnections();
      }),
  };
}

function injectFailure(failure: FailurePlan, request: IncomingMessage, response: ServerResponse, record: RecordOutcome, malformedBody: string) {
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
      response.writeHead(200, { 'content-type': JSON_TYPE }).end(malformedBody);
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
