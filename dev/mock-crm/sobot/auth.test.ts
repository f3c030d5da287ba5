import { afterEach, describe, expect, it } from 'vitest';
import { md5Hex } from '../shared/prng';
import { startTestMock, type TestMock } from './test-support';

describe('get_token and the token header', () => {
  let mocks: TestMock[] = [];
  const start = async (...args: Parameters<typeof startTestMock>) => {
    const started = await startTestMock(...args);
    mocks.push(started);
    return started;
  };
  afterEach(async () => {
    await Promise.all(mocks.map(({ mock }) => mock.close()));
    mocks = [];
  });

  it("accepts the document's own example: md5('115693977732') signed by appid 1 and app key 2", async () => {
    expect(md5Hex('115693977732')).toBe('258eec3118705112b2c53dc8043d4d34');
    const { mock } = await start({ appid: '1', appKey: '2' });
    const response = await fetch(`${mock.url}/api/get_token?appid=1&create_time=1569397773&sign=258eec3118705112b2c53dc8043d4d34`);
    const json = await response.json();
    expect(json.ret_code).toBe('000000');
    expect(json.ret_msg).toBe('操作成功');
    expect(json.item.token).toMatch(/^[0-9a-f]{32}$/);
    expect(json.item.expires_in).toBe('86400');
  });

  it('answers 900003 to a wrong, upper-case or unsigned request and 900004 to an unknown appid, with HTTP 200', async () => {
    const { mock } = await start({ appid: '1', appKey: '2' });
    const ask = async (query: string) => {
      const response = await fetch(`${mock.url}/api/get_token?${query}`);
      return { status: response.status, json: await response.json() };
    };
    const wrong = await ask('appid=1&create_time=1569397773&sign=0000000000000000000000000000000');
    expect(wrong).toEqual({ status: 200, json: { ret_code: '900003', ret_msg: 'signature错误' } });
    expect((await ask('appid=1&create_time=1569397773&sign=258EEC3118705112B2C53DC8043D4D34')).json.ret_code).toBe('900003');
    expect((await ask('appid=1&create_time=1569397774&sign=258eec3118705112b2c53dc8043d4d34')).json.ret_code).toBe('900003');
    const unknown = await ask('appid=9&create_time=1569397773&sign=258eec3118705112b2c53dc8043d4d34');
    expect(unknown).toEqual({ status: 200, json: { ret_code: '900004', ret_msg: '没有找到公司的api配置信息!' } });
  });

  it('answers 900001 without a token header and 900002 with a token it never issued', async () => {
    const { call } = await start();
    expect(await call('user_stage/query_list_by_type', { token: null })).toEqual({
      status: 200,
      json: { ret_code: '900001', ret_msg: 'token为空' },
    });
    const forged = await call('user_stage/query_list_by_type', { token: 'ffffffffffffffffffffffffffffffff' });
    expect(forged.json.ret_code).toBe('900002');
    expect((await call('user_stage/query_list_by_type')).json.ret_code).toBe('000000');
  });

  it('issues a new token on every get_token and rejects the previous one with 900002', async () => {
    const { call, getToken } = await start();
    const first = (await getToken()).item.token as string;
    expect((await call('user_stage/query_list_by_type', { token: first })).json.ret_code).toBe('000000');
    const second = (await getToken()).item.token as string;
    expect(second).not.toBe(first);
    expect((await call('user_stage/query_list_by_type', { token: first })).json.ret_code).toBe('900002');
    expect((await call('user_stage/query_list_by_type', { token: second })).json.ret_code).toBe('000000');
  });

  it('expires a token after the configured lifetime and says so in expires_in', async () => {
    let clock = Date.UTC(2024, 10, 20);
    const { call, getToken } = await start({ tokenTtlSeconds: 60, now: () => clock });
    const issued = await getToken();
    expect(issued.item.expires_in).toBe('60');
    clock += 59_000;
    expect((await call('user_stage/query_list_by_type')).json.ret_code).toBe('000000');
    clock += 1_000;
    expect((await call('user_stage/query_list_by_type')).json.ret_code).toBe('900002');
    await getToken();
    expect((await call('user_stage/query_list_by_type')).json.ret_code).toBe('000000');
  });

  it('refuses get_token by POST, as a GET-only endpoint', async () => {
    const { mock } = await start();
    const response = await fetch(`${mock.url}/api/get_token?appid=x`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});
