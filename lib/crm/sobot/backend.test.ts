import { describe, expect, it, vi } from 'vitest';
import type { IssuedToken, TokenStore } from '../../auth/token-holder';
import { CrmError } from '../errors';
import { createSobotBackend } from './backend';
import * as examples from './doc-examples';

type Route = (url: URL, init: RequestInit) => unknown;

function fakeSobot(routes: Record<string, Route>) {
  const calls: { path: string; token?: string; body?: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ path: url.pathname, token: headers.token, body: init.body as string | undefined });
    const route = Object.entries(routes).find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
    const body = route ? route(url, init) : { ret_code: '999999', ret_msg: 'no route' };
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function memoryTokens(initial?: IssuedToken): TokenStore {
  let value = initial;
  return { load: async () => value, save: async (token) => void (value = token) };
}

const connection = { baseUrl: 'https://crm.example/', appid: '1', appKey: '2' };
const tokenRoute: Route = () => examples.tokenExample;

describe('Sobot backend against the document examples', () => {
  it('signs get_token as documented and sends the token on business calls', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user/list_by_page': () => examples.listByPageExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch, now: () => 1569397773_000 });
    await backend.searchCustomers('phone', '13014502333');
    const tokenUrl = new URL('https://x' + server.calls[0]!.path);
    expect(server.calls[0]!.path).toBe('/api/get_token');
    expect(server.fetch).toHaveBeenCalledWith(
      expect.stringContaining('sign=258eec3118705112b2c53dc8043d4d34'),
      expect.anything(),
    );
    expect(tokenUrl.pathname).toBe('/api/get_token');
    expect(server.calls[1]!.token).toBe('4ac37cb2e9c740dba4b75a34d5358802');
  });

  it('maps list items: numbers and strings either way, missing fields absent', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user/list_by_page': () => examples.listByPageExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    const page = await backend.searchCustomers('phone', '13014502333');
    expect(page).toMatchObject({ pageCount: 76, total: 152 });
    const [first, second] = page.customers;
    expect(first).toMatchObject({
      nick: '阿卡林康',
      sex: 'male',
      vip: false,
      crmStatus: 'following',
      liableAgent: { id: '52e5ed05ee984a4f8bb0b3f921ba2b05', name: '安康' },
      sourceCode: '9',
      createdAt: 1629860308_000,
      phones: [],
    });
    expect(second).toMatchObject({ realName: 'stedfg', phones: ['13014502333'], emails: ['2344sds5234@qq.com'], crmStatus: 'first-contact' });
  });

  it('reads the camelCase, all-string detail item and decodes ex_field_str', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user/detail/': () => examples.detailExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    const customer = await backend.getCustomer('1023046dc7f94c3aa9568e5cc86cfbc7');
    expect(customer).toMatchObject({
      id: '1023046dc7f94c3aa9568e5cc86cfbc7',
      nick: '尔耳',
      crmStatus: 'following',
      liableAgent: { name: '刘宇博', id: 'f48c6d65e19b458b928cdc4c0e3f89bf' },
      updatedAt: 1636516394_000,
    });
    expect(customer.customFields).toContainEqual({ fieldId: 'e4043f59025b454a95004e71ec7dd4b5', type: 'select', value: '607592500181862', text: '香蕉' });
    expect(customer.customFields).toContainEqual({ fieldId: 'bafe053fb51a40d6a2d2b3ab4ce9a80f', type: 'number', value: '34534', text: undefined });
  });

  it('lists label groups with their labels and colours', async () => {
    const server = fakeSobot({
      '/api/get_token': tokenRoute,
      '/api/scrm/5/label_group/list': () => examples.labelGroupListExample,
      '/api/scrm/5/label/list': () => examples.labelListExample,
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.listLabelGroups!()).toEqual([
      {
        id: 'aa08a602e63d4d188f52b0809e6794b0',
        name: 'test32',
        color: '#gt5433',
        multipleChoice: false,
        labels: [{ id: '8e842b52a028445cbeb593dc48f69fa9', name: '汉语名给字', groupId: 'aa08a602e63d4d188f52b0809e6794b0' }],
      },
    ]);
  });

  it('asks for a customer’s labels with a bare JSON array of ids', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/label/userlabels': () => examples.userLabelsExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    const labels = await backend.getCustomerLabels!('aead252a1e754e4f9eb1b6b7bf3ae7f7');
    expect(server.calls[1]!.body).toBe('["aead252a1e754e4f9eb1b6b7bf3ae7f7"]');
    expect(labels).toEqual([
      { id: '830a1b02574643c78b0177a066f32ab6', name: '少先队员', color: '#76A6F1' },
      { id: '62e10d5fa3534cfb97807d956db1a558', name: '自购房产', color: '#15C7C9' },
    ]);
  });

  it('orders stages by sortnum', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user_stage/query_list_by_type': () => examples.stagesExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect((await backend.listStages!()).map((stage) => stage.name)).toEqual(['初步沟通', '正常跟进', '意向确定', '付款流程', '交易达成']);
  });

  it('reads the timeline with ms and s times and biz_content as object or JSON string', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user_dynamic/list_by_page': () => examples.dynamicsExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    const { events } = await backend.listTimeline!('13b79f884bc94011af91df4a46373d33');
    expect(events[0]).toMatchObject({ kind: 'created', at: 1621509568807, changes: [{ name: '昵称', to: '阿卡林康' }] });
    expect(events[1]).toMatchObject({ kind: 'stage', at: 1622018626_000, actor: '王斌', stage: { from: '意向确定', to: '付款流程' } });
    expect(events[2]).toMatchObject({ kind: 'stage', stage: { from: '意向确定', to: '已成单', result: 'won' } });
  });
});

describe('Sobot transport failures', () => {
  it('replaces an expired token once and retries the call', async () => {
    let issued = 0;
    const server = fakeSobot({
      '/api/get_token': () => ({ ret_code: '000000', item: { token: `tok${++issued}`, expires_in: '86400' } }),
      '/api/scrm/5/user_stage/query_list_by_type': (_url, init) =>
        (init.headers as Record<string, string>).token === 'tok2' ? examples.stagesExample : { ret_code: '900002', ret_msg: 'token已失效' },
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.listStages!()).toHaveLength(5);
    expect(server.calls.map((call) => call.path.split('/').pop())).toEqual(['get_token', 'query_list_by_type', 'get_token', 'query_list_by_type']);
  });

  it('gives up with token-rejected when even a fresh token is refused', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/': () => ({ ret_code: '900001', ret_msg: 'token为空' }) });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await expect(backend.listStages!()).rejects.toMatchObject({ code: 'token-rejected' });
    expect(server.calls.filter((call) => call.path === '/api/get_token')).toHaveLength(2);
  });

  it.each([
    ['900003', 'bad-signature'],
    ['900004', 'unknown-account'],
    ['700046', 'edition-without-api'],
  ])('explains get_token answering %s', async (retCode, code) => {
    const server = fakeSobot({ '/api/get_token': () => ({ ret_code: retCode, ret_msg: '没有找到公司的api配置信息!' }) });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    const error = await backend.testConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code, crmCode: retCode });
  });

  it('turns a non-JSON body into malformed-response and a thrown fetch into unreachable', async () => {
    const garbled = fakeSobot({ '/api/get_token': () => '<html>502 Bad Gateway</html>' });
    await expect(
      createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: garbled.fetch }).testConnection(),
    ).rejects.toMatchObject({ code: 'malformed-response' });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(
      createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: failing }).testConnection(),
    ).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('times out a request that never answers', async () => {
    const hanging = ((_input: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: hanging, timeoutMs: 20 });
    await expect(backend.testConnection()).rejects.toMatchObject({ code: 'timeout' });
  });
});
