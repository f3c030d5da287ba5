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
    const tokenUrl = new URL(`https://x${server.calls[0]!.path}`);
    expect(server.calls[0]!.path).toBe('/api/get_token');
    expect(server.fetch).toHaveBeenCalledWith(expect.stringContaining('sign=258eec3118705112b2c53dc8043d4d34'), expect.anything());
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

  it('reads custom field definitions with their options, leaving out deleted fields', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/custom_field/custom_fieid_info_list': () => examples.customFieldsExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.listCustomFields()).toEqual([
      { id: '6dbd01468c134cae95d2c30f963aeb24', name: '多行文本', type: 'textarea', required: false, options: [] },
      {
        id: 'e4043f59025b454a95004e71ec7dd4b5',
        name: '下拉列表',
        type: 'select',
        required: true,
        options: [
          { value: '607592500180588', name: '苹果' },
          { value: '607592500181862', name: '香蕉' },
        ],
      },
    ]);
  });

  it('names customer sources, values given as strings', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user_dynamic/getsource': () => examples.sourcesExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.listSources!()).toContainEqual({ code: '9', name: '企业微信' });
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

describe('Sobot customer writes and directories', () => {
  it('creates a customer and returns the id the CRM sent', async () => {
    const server = fakeSobot({
      '/api/get_token': tokenRoute,
      '/api/scrm/5/user/save': () => ({ item: '786e7ff2c3904c90bf1f19ea547d645c', ret_code: '000000' }),
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.createCustomer({ nick: '新客户', phone: '13800001111' })).toEqual({ id: '786e7ff2c3904c90bf1f19ea547d645c' });
    expect(JSON.parse(server.calls[1]!.body!)).toEqual({ nick: '新客户', tel: '13800001111' });
  });

  it('flattens the department tree into agents', async () => {
    const tree = {
      items: [
        {
          id: 'fa9e42241b154353ab629ed4b897ee63',
          name: '运营部',
          type: 1,
          sub_list: [
            { id: 'edf5f6bbf1ee488093edc3eea29cdc63', name: '测试2', type: 2, sub_list: null },
            { id: 'dept2', name: '二组', type: 1, sub_list: [{ id: 'agent3', name: '李娜', type: '2' }] },
          ],
        },
      ],
      ret_code: '000000',
    };
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user/user_list': () => tree });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.listAgents!()).toEqual([
      { id: 'edf5f6bbf1ee488093edc3eea29cdc63', name: '测试2' },
      { id: 'agent3', name: '李娜' },
    ]);
  });

  it('reads cities from city/{provinceid} and districts from area/{cityid}', async () => {
    const server = fakeSobot({
      '/api/get_token': tokenRoute,
      '/api/scrm/5/user_dynamic/city/130000': () => ({ items: [{ cityid: '130300', city_name: '秦皇岛市', provinceid: '130000' }], ret_code: '000000' }),
      '/api/scrm/5/user_dynamic/area/130300': () => ({ items: [{ areaid: '130302', area_name: '海港区', cityid: '130300' }], ret_code: '000000' }),
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.listCities!('130000')).toEqual([{ id: '130300', name: '秦皇岛市' }]);
    expect(await backend.listDistricts!('130300')).toEqual([{ id: '130302', name: '海港区' }]);
  });
});

describe('Sobot label, stage and note writes', () => {
  const customerId = 'aead252a1e754e4f9eb1b6b7bf3ae7f7';

  it('replaces the customer’s labels with a bare array of {id, name}, colours left out', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/label/update_userlabel/': () => ({ ret_code: '000000' }) });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await backend.setCustomerLabels!(customerId, [
      { id: 'ffb02e1d3bee47d291e72ad7d5a46ab5', name: '刚回来', color: '#76A6F1' },
      { id: '62847ed717114db6838cc94b60ac3d8e', name: '朝阳区' },
    ]);
    expect(server.calls[1]!.path).toBe(`/api/scrm/5/label/update_userlabel/${customerId}`);
    expect(server.calls[1]!.body).toBe('[{"id":"ffb02e1d3bee47d291e72ad7d5a46ab5","name":"刚回来"},{"id":"62847ed717114db6838cc94b60ac3d8e","name":"朝阳区"}]');
  });

  it('clears every label with an empty array', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/label/update_userlabel/': () => ({ ret_code: '000000' }) });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await backend.setCustomerLabels!(customerId, []);
    expect(server.calls[1]!.body).toBe('[]');
  });

  it('reports a label that no longer exists as a permanent invalid-input error', async () => {
    const server = fakeSobot({
      '/api/get_token': tokenRoute,
      '/api/scrm/5/label/update_userlabel/': () => ({ ret_code: '510004', ret_msg: '标签不存在' }),
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    const error = await backend.setCustomerLabels!(customerId, [{ id: 'gone', name: '旧标签' }]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-input', crmCode: '510004', retryable: false });
  });

  it('sets a stage with stage_type always sent as a number', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user_stage/stage_save': () => ({ ret_code: '000000' }) });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await backend.setStage!(customerId, { id: '678599e8f8a6407987c1aa4391d41f4d', name: '交易达成' }, 'ongoing');
    await backend.setStage!(customerId, { id: 'cb31d0aff036411fb9bf598baf4dc2ea', name: '意向确定' }, 'won');
    expect(server.calls[1]!.path).toBe('/api/scrm/5/user_stage/stage_save');
    expect(server.calls[1]!.body).toBe(`{"userid":"${customerId}","stageid":"678599e8f8a6407987c1aa4391d41f4d","stage_name":"交易达成","stage_type":1}`);
    expect(JSON.parse(server.calls[2]!.body!)).toEqual({
      userid: customerId,
      stageid: 'cb31d0aff036411fb9bf598baf4dc2ea',
      stage_name: '意向确定',
      stage_type: 21,
    });
  });

  it('appends a note with {userid, content}', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user_stage/record_save': () => ({ ret_code: '000000' }) });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await backend.addNote!(customerId, '交易达成 "含引号"\n第二行');
    expect(server.calls[1]!.path).toBe('/api/scrm/5/user_stage/record_save');
    expect(server.calls[1]!.body).toBe(JSON.stringify({ userid: customerId, content: '交易达成 "含引号"\n第二行' }));
  });

  it('creates a label with groupid, then re-lists the group to learn its id', async () => {
    const groupId = '46a2cd4c9321452eaadc1d0892ca58cd';
    const listQueries: string[] = [];
    const server = fakeSobot({
      '/api/get_token': tokenRoute,
      '/api/scrm/5/label/save': () => ({ ret_code: '000000', ret_msg: '操作成功' }),
      '/api/scrm/5/label/list': (url) => {
        listQueries.push(url.search);
        return {
          items: [
            { id: 'old-deleted', name: '新标签', status: -1, groupid: groupId },
            { id: '8e842b52a028445cbeb593dc48f69fa9', name: '汉语名给字', status: 1, groupid: groupId },
            { id: 'fresh-id', name: '新标签', status: 1, groupid: groupId },
          ],
          page_no: 1,
          page_count: 1,
          ret_code: '000000',
        };
      },
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    expect(await backend.createLabel!(groupId, '新标签')).toEqual({ id: 'fresh-id', name: '新标签', groupId });
    expect(server.calls.map((call) => call.path)).toEqual(['/api/get_token', '/api/scrm/5/label/save', '/api/scrm/5/label/list']);
    expect(server.calls[1]!.body).toBe(`{"name":"新标签","groupid":"${groupId}"}`);
    expect(new URLSearchParams(listQueries[0]).get('groupid')).toBe(groupId);
  });

  it('fails with malformed-response when the saved label is not listed', async () => {
    const server = fakeSobot({
      '/api/get_token': tokenRoute,
      '/api/scrm/5/label/save': () => ({ ret_code: '000000' }),
      '/api/scrm/5/label/list': () => examples.labelListExample,
    });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await expect(backend.createLabel!('aa08a602e63d4d188f52b0809e6794b0', '不存在')).rejects.toMatchObject({ code: 'malformed-response' });
  });
});

describe('Sobot token use', () => {
  it('keeps the token that proved the connection for the calls after it', async () => {
    const server = fakeSobot({ '/api/get_token': tokenRoute, '/api/scrm/5/user_stage/query_list_by_type': () => examples.stagesExample });
    const backend = createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: server.fetch });
    await backend.testConnection();
    await backend.listStages!();
    await backend.listStages!();
    expect(server.calls.filter((call) => call.path === '/api/get_token')).toHaveLength(1);
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
    await expect(createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: garbled.fetch }).testConnection()).rejects.toMatchObject({
      code: 'malformed-response',
    });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(createSobotBackend({ ...connection, tokenStore: memoryTokens(), fetch: failing }).testConnection()).rejects.toMatchObject({
      code: 'unreachable',
    });
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
