// A CRM address that answers one endpoint with a redirect to another origin and passes every other
// request through to the mock CRM; and the "other origin", which records whatever reaches it and
// answers like a CRM that saved it. Specs use them to prove no CRM request follows a redirect.
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServer {
  url: string;
  /** Every request that reached it: method, path and the headers that would carry a secret. */
  seen: { method: string; path: string; token?: string; body: string }[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closing = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

/** A server that records every request and answers Sobot's and Useasy's success envelopes. */
export async function startElsewhere(): Promise<RecordingServer> {
  const seen: RecordingServer['seen'] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', path: request.url ?? '', token: request.headers.token as string | undefined, body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ret_code: '000000', ret_msg: 'saved', success: true, code: '200', data: null }));
    });
  });
  return { url: await listen(server), seen, close: closing(server) };
}

/** A front for `crmUrl` whose `redirectPath` answers 307 to the same path on `targetUrl`. */
export async function startRedirectingCrm(crmUrl: string, redirectPath: string, targetUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const crm = new URL(crmUrl);
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    if (path.split('?')[0] === redirectPath) {
      outgoing.writeHead(307, { location: `${targetUrl}${path}` });
      outgoing.end();
      return;
    }
    const upstream = forward(
      { host: crm.hostname, port: crm.port, path, method: incoming.method, headers: { ...incoming.headers, host: crm.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  return { url: await listen(server), close: closing(server) };
}
