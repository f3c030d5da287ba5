import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSobotMock, type SobotMock } from './server';

describe('the server around the API', () => {
  let mock: SobotMock;
  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
  });
  afterAll(() => mock.close());

  it('serves the chat console with conversations full of contacts, and the plain page', async () => {
    const page = await fetch(mock.demoUrl);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('在线客服工作台');
    const script = await (await fetch(`${mock.url}/demo/console.js`)).text();
    for (const text of [
      '138 1234 5678',
      '+86 139-1234-5678',
      'Zhang.Wei@Example.com。',
      '(010)62345678转801',
      '１３９ ００００ １１１１',
      '137-0000-0000',
      'zhao.min@example.org',
    ]) {
      expect(script).toContain(text);
    }
    expect(await (await fetch(`${mock.url}/demo/plain.html`)).text()).toContain('13812345678');
  });

  it('serves nothing outside the console folder and redirects / to the console', async () => {
    expect((await fetch(`${mock.url}/demo/..%2Fsobot%2Fserver.ts`)).status).toBe(404);
    expect((await fetch(`${mock.url}/demo/../sobot/server.ts`)).status).toBe(404);
    expect((await fetch(`${mock.url}/demo/missing.html`)).status).toBe(404);
    const root = await fetch(`${mock.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/demo/']);
  });

  it('answers an unknown API path with a 404 JSON body, as the real gateway does', async () => {
    const response = await fetch(`${mock.url}/api/scrm/5/user/delete/1`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('Not Found');
  });
});

describe('npm run mock-crm', () => {
  // One node process with tsx as a loader (not `npx tsx`, which adds two parents), so kill() ends it.
  const run = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'dev/mock-crm/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

  it('prints the URL, appid, app key and console, and serves get_token there', async () => {
    const child = run(['--port', '0', '--appid', 'acme', '--app-key', 'secret', '--token-ttl', '600']);
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = output.match(/base URL\s+(\S+)/);
          if (found?.[1] && output.includes('chat console')) resolve(found[1]);
        });
        child.once('exit', () => reject(new Error(`exited early: ${output}`)));
      });
      expect(output).toMatch(/appid\s+acme/);
      expect(output).toMatch(/app key\s+secret/);
      expect(output).toContain(`${url}/demo/`);
      const { md5Hex } = await import('../shared/prng');
      const answer = await (await fetch(`${url}/api/get_token?appid=acme&create_time=1&sign=${md5Hex('acme1secret')}`)).json();
      expect(answer.item.expires_in).toBe('600');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 20_000);

  it('says "unknown backend" and exits with an error for a backend it does not have', async () => {
    const child = run(['--backend', 'salesforce']);
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(errors).toContain('unknown backend "salesforce"');
  }, 20_000);
});
