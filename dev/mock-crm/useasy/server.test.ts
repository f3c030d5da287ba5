import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE } from '../../../lib/crm/useasy/sign';
import { mockPerSuite } from '../shared/test-support';
import { DEFAULT_PORT } from './server';
import { startTestMock } from './test-support';

describe('the server around the Useasy API', () => {
  const t = mockPerSuite(startTestMock, { resetEach: false });

  it('starts with the documented defaults on an ephemeral port when asked', () => {
    expect(DEFAULT_PORT).toBe(8788);
    expect(t.mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.mock.port).not.toBe(DEFAULT_PORT);
    expect([t.mock.appid, t.mock.secret, t.mock.recipe]).toEqual(['1090', 'useasy-demo-secret', DEFAULT_RECIPE]);
  });

  it('serves the shared demo chat console, so the demo runs on this backend too', async () => {
    const page = await fetch(t.mock.demoUrl);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await (await fetch(`${t.mock.url}/demo/plain.html`)).text()).toContain('13812345678');
    const root = await fetch(`${t.mock.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/demo/']);
  });

  it('answers unknown paths and wrong methods as Spring does, with JSON and no envelope', async () => {
    const unknown = await t.raw('/openapi/crm/config/nothing', { body: {} });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 404, error: 'Not Found', path: '/openapi/crm/config/nothing' });
    const wrongMethod = await t.raw('/openapi/crm/add');
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ error: 'Method Not Allowed' });
    expect((await t.raw('/openapi/crm/toString')).status).toBe(404);
  });
});
