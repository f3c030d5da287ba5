// Real HTTP: a CRM that answers with a redirect to another origin must not get the token, the
// signature headers or the body delivered there by either backend's transport.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { IssuedToken, TokenStore } from '../auth/token-holder';
import { fetchFromCrm } from './crm-fetch';
import { createSobotTransport } from './sobot/transport';
import { createUseasyTransport } from './useasy/transport';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];

/** A server that records what reaches it and answers with `answer`. */
async function serve(answer: (path: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
      const reply = answer(request.url ?? '');
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body ?? '');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const elsewhereAnswer = () => ({ status: 200, body: JSON.stringify({ ret_code: '000000', success: true, code: '200', data: null }) });

function memoryTokens(): TokenStore {
  let value: IssuedToken | undefined = { token: 'live-token', expiresAt: Date.now() + 3_600_000 };
  return { load: async () => value, save: async (token) => void (value = token) };
}

describe('CRM requests never follow a redirect', () => {
  it('refuses a 307 to another origin: the Sobot note, its token and its text never reach it', async () => {
    const elsewhere = await serve(elsewhereAnswer);
    const crm = await serve((path) => ({ status: 307, headers: { location: `${elsewhere.url}${path}` } }));
    const transport = createSobotTransport({ baseUrl: crm.url, appid: 'a', appKey: 'k', tokenStore: memoryTokens() });
    const sending = transport.call({ method: 'POST', path: '/api/scrm/5/user_stage/record_save', body: { content: '客户要求周五回电' } });
    await expect(sending).rejects.toMatchObject({ code: 'redirected', retryable: true });
    await expect(sending).rejects.toThrow(`redirect to ${elsewhere.url}/api/scrm/5/user_stage/record_save`);
    expect(crm.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
  });

  it('refuses a redirect for the Useasy signed headers too', async () => {
    const elsewhere = await serve(elsewhereAnswer);
    const crm = await serve(() => ({ status: 302, headers: { location: `${elsewhere.url}/openapi/crm/add` } }));
    const transport = createUseasyTransport({ baseUrl: crm.url, appid: '1090', secret: 's' });
    await expect(transport.call({ method: 'POST', path: '/openapi/crm/add', body: { customerName: '张伟' } })).rejects.toMatchObject({ code: 'redirected' });
    expect(crm.seen[0]?.headers.signature).toBeTruthy();
    expect(elsewhere.seen).toEqual([]);
  });

  it('treats the opaque answer a browser gives for a redirect as one', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers() } as Response;
    let asked: RequestInit | undefined;
    const fetch = (async (_url: string, init: RequestInit) => {
      asked = init;
      return opaque;
    }) as unknown as typeof globalThis.fetch;
    await expect(fetchFromCrm('https://crm.example/x', { method: 'GET' }, { fetch, base: 'https://crm.example', timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'redirected',
    });
    expect(asked).toMatchObject({ redirect: 'manual', credentials: 'omit' });
  });
});
