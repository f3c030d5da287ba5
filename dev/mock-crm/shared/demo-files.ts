// Serves the demo chat console (dev/mock-crm/demo-console/) under /demo/: a fixed set of file names,
// so no request can read outside that folder. Only shared/server.ts imports it.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = fileURLToPath(new URL('../demo-console/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export async function serveDemo(pathname: string, response: ServerResponse): Promise<void> {
  if (pathname === '/demo') {
    response.writeHead(301, { location: '/demo/' }).end();
    return;
  }
  const name = pathname === '/demo/' ? 'index.html' : pathname.slice('/demo/'.length);
  const type = TYPES[extname(name)];
  if (!/^[a-z0-9-]+\.[a-z]+$/.test(name) || !type) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  try {
    const content = await readFile(DEMO_DIR + name);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(content);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}
