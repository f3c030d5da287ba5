// Over real HTTP against the Useasy mock: with a recipe that covers the request, a signature seen on
// one call cannot be replayed on another path or with another body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUseasyMock, type UseasyMock } from '../../../dev/mock-crm/useasy/server';
import { createUseasyBackend } from './backend';
import { recipeFromText } from './sign';

const covering = recipeFromText('hmac-sha256/appid+nonce+timestamp+method+path+body/base64');

describe('a Useasy recipe that signs the request', () => {
  let mock: UseasyMock;
  beforeAll(async () => {
    mock = await startUseasyMock({ port: 0, recipe: covering });
  });
  afterAll(() => mock.close());

  it('is accepted for the request it signs and refused when replayed on another path and body', async () => {
    const sent: { headers: Record<string, string> }[] = [];
    const recording = (async (url: string, init: RequestInit) => {
      sent.push({ headers: init.headers as Record<string, string> });
      return fetch(url, init);
    }) as typeof fetch;
    await createUseasyBackend({ baseUrl: mock.url, appid: mock.appid, secret: mock.secret, recipe: covering, fetch: recording }).testConnection();

    const replay = await fetch(`${mock.url}/openapi/crm/delete`, { method: 'POST', headers: sent[0]!.headers, body: JSON.stringify({ id: '1' }) });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('signature签名校验失败');
  });
});
