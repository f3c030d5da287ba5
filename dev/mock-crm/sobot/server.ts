// The Sobot SCRM v5 mock as a real HTTP server on loopback: what an /api/ request means (get_token, the
// token check, the route table) and the Sobot envelope, inside the shared server skeleton that handles
// faults, the request log, /__control/ and /demo/. Import `startSobotMock` to run one in-process (port 0
// for an ephemeral port); tests, e2e specs, benchmarks, dev/demo.ts and the CLI do.
import type { IncomingMessage } from 'node:http';
import { createMockRuntime } from '../shared/runtime';
import { noHandler } from '../shared/reply';
import { startMockServer, type ApiExchange } from '../shared/server';
import { createTokenAuthority } from './auth';
import { handleControl, type ControlTarget } from './control';
import { DEMO_CREDENTIALS } from './fixtures';
import { endpointOf, fail, matchRoute, paramReader, parseBody, type Reply } from './http';
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
  const runtime = createMockRuntime(seedState);
  const control: ControlTarget = { ...runtime, auth, now };

  /** Which endpoint a path is counted under, and how to answer it once the body is parsed. */
  function route(method: string, pathname: string): { endpoint: string; answer: (request: IncomingMessage, body: unknown, query: URLSearchParams) => Reply } {
    if (pathname === '/api/get_token') {
      return {
        endpoint: 'get_token',
        answer: (_request, _body, query) => (method === 'GET' ? auth.getToken(query) : noHandler(405, pathname)),
      };
    }
    // The document's examples write "lable"; the real path is "label", and both reach it.
    const relative = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length).replace(/^lable\//, 'label/') : '';
    const matched = relative ? matchRoute(sobotRoutes, relative) : undefined;
    if (!matched) return { endpoint: relative || pathname, answer: () => noHandler(404, pathname) };
    const { route, pathParams } = matched;
    return {
      endpoint: endpointOf(route),
      answer(request, body, query) {
        if (!route.methods.includes(method as 'GET' | 'POST')) return noHandler(405, pathname);
        const token = request.headers.token;
        const rejection = auth.rejection(Array.isArray(token) ? token[0] : token);
        if (rejection) return rejection;
        try {
          return route.handle({ state: runtime.state(), now, pathParams, body, param: paramReader(query, body) });
        } catch (error) {
          console.error('mock-crm: route failed', pathname, error);
          return fail('999999', '系统未知异常');
        }
      },
    };
  }

  function resolve(method: string, url: URL): ApiExchange {
    const { endpoint, answer } = route(method, url.pathname);
    return {
      endpoint,
      async answer(request, received) {
        // An oversized body is answered as such on any path, refused ones too.
        if ('tooLarge' in received) return fail('999999', '请求体过大');
        const parsed = parseBody(received.text, request.headers['content-type']);
        return 'error' in parsed ? fail('999999', parsed.error) : answer(request, parsed.body, url.searchParams);
      },
    };
  }

  const server = await startMockServer(
    {
      logName: 'mock-crm',
      apiPrefix: '/api/',
      resolve,
      codeOf: retCodeOf,
      malformedBody: '{"ret_code":"000000","ret_msg":"操作成功","items":[{"id":"',
      parseControlJson: (text) => JSON.parse(text) as unknown,
      control: (method, path, body) => handleControl(control, method, path, body),
      faults: runtime.faults,
      log: runtime.log,
      now,
    },
    { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
  );

  return { ...server, appid, appKey, tokenTtlSeconds, reset: runtime.reset };
}
