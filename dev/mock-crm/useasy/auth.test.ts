import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mockPerSuite } from '../shared/test-support';
import { startTestMock } from './test-support';

const SERVER_NOW = Date.UTC(2024, 10, 20, 2, 0, 0);
const LIST = { page: 1, limit: 1 };

describe('the signature check', () => {
  const t = mockPerSuite(() => startTestMock({ now: () => SERVER_NOW }), { resetEach: false });

  it('accepts Base64(HMAC-SHA256(secret, appid + nonce + timestamp)) computed independently', async () => {
    expect([t.mock.appid, t.mock.secret]).toEqual(['1090', 'useasy-demo-secret']);
    const timestamp = String(SERVER_NOW / 1000);
    const signature = createHmac('sha256', 'useasy-demo-secret').update(`1090123456${timestamp}`).digest('base64');
    const { status, json } = await t.call('list', { body: LIST, headers: { nonce: '123456', timestamp, signature } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, code: '200', message: '200 ok!' });
  });

  it('accepts one nonce and timestamp used again, as the document’s examples do', async () => {
    const headers = { nonce: '123456', timestamp: String(SERVER_NOW / 1000) };
    expect((await t.call('list', { body: LIST, headers })).json.success).toBe(true);
    expect((await t.call('list', { body: LIST, headers })).json.success).toBe(true);
  });

  it.each([
    ['a wrong signature', { signature: 'osiJIMEZRFzQPJDH/3hsYe3BGhk/0aouXGyhX2Af2mc=' }, /signature签名校验失败/],
    ['a missing signature', { signature: null }, /缺少签名参数: signature/],
    ['missing nonce and timestamp', { nonce: null, timestamp: null }, /缺少签名参数: nonce, timestamp/],
    ['another appid', { appid: '1091' }, /appid 1091 不存在/],
    ['a timestamp in milliseconds', { timestamp: String(SERVER_NOW) }, /收到的像是毫秒/],
    ['a timestamp an hour old', { timestamp: String(SERVER_NOW / 1000 - 3600) }, /timestamp已过期/],
    ['a timestamp that is not a number', { timestamp: 'now' }, /timestamp格式错误/],
  ])('refuses %s with HTTP 401 and an error envelope', async (_name, headers, message) => {
    const { status, json } = await t.call('list', { body: LIST, headers });
    expect(status).toBe(401);
    expect(json).toMatchObject({ success: false, code: '401', data: null });
    expect(json.message).toMatch(message);
  });

  it('signs nothing but the headers: the same headers work for any path and body', async () => {
    const headers = { nonce: '42', timestamp: String(SERVER_NOW / 1000) };
    expect((await t.call('config/field/list', { body: {}, headers })).status).toBe(200);
    expect((await t.call('list', { body: { page: 2, limit: 3 }, headers })).status).toBe(200);
  });

  it('takes timestamps within ±300 s of its clock and refuses those beyond', async () => {
    const at = async (offsetSeconds: number) => (await t.call('list', { body: LIST, clientNow: SERVER_NOW + offsetSeconds * 1000 })).status;
    expect(await at(-300)).toBe(200);
    expect(await at(300)).toBe(200);
    expect(await at(-301)).toBe(401);
    expect(await at(301)).toBe(401);
  });

  it('checks every endpoint, the get-one forms included', async () => {
    for (const [path, method] of [
      ['add', 'POST'],
      ['update', 'POST'],
      ['delete', 'POST'],
      ['findById/685770000643772416', 'POST'],
      ['685770000643772416', 'GET'],
    ] as const) {
      const { status } = await t.call(path, { method, body: method === 'POST' ? {} : undefined, headers: { signature: 'x' } });
      expect([path, status]).toEqual([path, 401]);
    }
  });
});

describe('a mock with another recipe', () => {
  const t = mockPerSuite(
    () => startTestMock({ appid: '2001', secret: 's3', recipe: { algorithm: 'sha256', message: ['secret', 'nonce', 'timestamp'], encoding: 'hex' } }),
    { resetEach: false },
  );

  it('verifies with that recipe and refuses the default one', async () => {
    expect((await t.call('list', { body: LIST })).status).toBe(200);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const defaultSignature = createHmac('sha256', 's3').update(`20019${timestamp}`).digest('base64');
    expect((await t.call('list', { body: LIST, headers: { nonce: '9', timestamp, signature: defaultSignature } })).status).toBe(401);
  });
});
