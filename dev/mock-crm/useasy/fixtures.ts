// Well-known records that tests, e2e specs, benchmarks and the demo rely on: the demo credentials, the
// agents who own customers, and customers with exact names, phones and emails. They are the same people
// as the Sobot mock's fixtures (same phones and emails, spelled the same way), so the demo chat console
// finds them on either backend. The seed builds these exactly as written here, next to the generated crowd.
import { FIELD_IDS } from './fields';
import { snowflakeId } from './ids';
import type { ContactEntry } from './state';

export const DEMO_CREDENTIALS = { appid: '1090', secret: 'useasy-demo-secret' } as const;

export interface Agent {
  id: string;
  name: string;
}

/** 王斌 has the owner id of the document's list example. */
export const AGENTS: readonly Agent[] = [
  { id: '662821403012902912', name: '王斌' },
  { id: snowflakeId(Date.UTC(2023, 4, 8, 1, 0), 1), name: '刘宇博' },
  { id: snowflakeId(Date.UTC(2023, 4, 8, 1, 5), 2), name: '周婷' },
  { id: snowflakeId(Date.UTC(2023, 4, 9, 2, 0), 3), name: '孙磊' },
  { id: snowflakeId(Date.UTC(2023, 4, 9, 2, 30), 4), name: '郑秀英' },
  { id: snowflakeId(Date.UTC(2023, 4, 10, 3, 0), 5), name: '李丽' },
];

export function agentNamed(name: string): Agent {
  const agent = AGENTS.find((candidate) => candidate.name === name);
  if (!agent) throw new Error(`no agent named ${name}`);
  return agent;
}

/** The one public sea ("公海") of the account. */
export const OPEN_SEA_ID = snowflakeId(Date.UTC(2023, 4, 1, 1, 0), 7);

export interface FixtureCustomer {
  id: string;
  customerName: string;
  /** Exactly as stored, in the form an agent once typed it. */
  mobile?: ContactEntry[];
  email?: ContactEntry[];
  wechat?: ContactEntry[];
  /** Agent name; absent for a customer in the public sea. */
  owner?: string;
  customerSource?: string[];
  /** China wall-clock "YYYY-MM-DD HH:mm:ss". */
  createTime: string;
  createMethod?: string;
  /** Custom-field values keyed by field id, as the API stores them. */
  fields?: Record<string, string | string[]>;
}

const contact = (value: string, memo = ''): ContactEntry => ({ value, memo });
const idAt = (chinaTime: string, sequence: number) => snowflakeId(Date.parse(`${chinaTime.replace(' ', 'T')}+08:00`), sequence);
const fixture = (createTime: string, sequence: number, rest: Omit<FixtureCustomer, 'id' | 'createTime'>): FixtureCustomer => ({
  id: idAt(createTime, sequence),
  createTime,
  ...rest,
});

export const FIXTURE_CUSTOMERS = {
  /** The demo's main customer: the page of /demo/plain.html writes his number. */
  zhangWei: fixture('2023-03-15 10:20:00', 1, {
    customerName: '张伟',
    mobile: [contact('13812345678', '本人'), contact('13800001111', '助理')],
    email: [contact('zhang.wei@example.com', '工作邮箱')],
    wechat: [contact('zhangwei_bj')],
    owner: '王斌',
    customerSource: ['官网咨询'],
    fields: {
      [FIELD_IDS.address]: '北京市海淀区中关村大街1号',
      [FIELD_IDS.needs]: '需要开具增值税专用发票，希望月底前到货。',
      [FIELD_IDS.budget]: '128000',
      [FIELD_IDS.nextVisit]: '2024-11-28',
      [FIELD_IDS.industry]: 'internet',
      [FIELD_IDS.customerType]: 'enterprise',
      [FIELD_IDS.products]: ['online-service', 'crm'],
      [FIELD_IDS.region]: ['huabei', 'beijing', 'haidian'],
    },
  }),
  /** Stored with the country code, as an agent pasted it from a WeChat card. */
  liNa: fixture('2023-05-06 14:02:11', 2, {
    customerName: '李娜',
    mobile: [contact('+8613912345678')],
    email: [contact('lina_1990@163.com')],
    owner: '周婷',
    customerSource: ['小红书'],
    fields: { [FIELD_IDS.industry]: 'retail', [FIELD_IDS.customerType]: 'enterprise', [FIELD_IDS.region]: ['huadong', 'shanghai', 'xuhui'] },
  }),
  /** Stored with spaces, as an agent typed it while on the phone. */
  wangFang: fixture('2023-08-19 09:45:30', 3, {
    customerName: '王芳',
    mobile: [contact('139 0000 1111')],
    owner: '孙磊',
    customerSource: ['电话营销'],
    fields: { [FIELD_IDS.customerType]: 'personal' },
  }),
  /** A Beijing landline with its area code. */
  liuYang: fixture('2023-10-02 16:30:00', 4, {
    customerName: '刘洋',
    mobile: [contact('010-62345678', '公司座机')],
    email: [contact('liuyang@huayu-trade.com')],
    owner: '刘宇博',
    customerSource: ['展会'],
    fields: { [FIELD_IDS.industry]: 'retail', [FIELD_IDS.region]: ['huabei', 'beijing', 'chaoyang'] },
  }),
  /** Two customers share one phone (a couple): the panel must offer a choice. */
  chenJing: fixture('2024-01-12 11:11:11', 5, {
    customerName: '陈静',
    mobile: [contact('13700000000')],
    email: [contact('chenjing88@qq.com')],
    owner: '郑秀英',
    fields: { [FIELD_IDS.region]: ['huanan', 'shenzhen', 'futian'] },
  }),
  chenJianguo: fixture('2024-01-12 11:20:00', 6, {
    customerName: '陈建国',
    mobile: [contact('13700000000')],
    owner: '郑秀英',
  }),
  /** Known only by email. */
  zhaoMin: fixture('2024-03-08 20:15:42', 7, {
    customerName: '赵敏',
    email: [contact('zhao.min@example.org')],
    owner: '李丽',
    customerSource: ['官网咨询'],
  }),
  /** In the public sea: no owner. */
  sunYue: fixture('2024-06-30 08:00:05', 8, {
    customerName: '孙悦',
    mobile: [contact('13611112222')],
    customerSource: ['试用申请'],
  }),
  /** The document's list example, verbatim, so its curl examples find something. */
  docExample: {
    id: '685770000643772416',
    customerName: 'testCustomer',
    owner: '王斌',
    createTime: '2023-06-26 22:57:30',
    createMethod: 'API',
  },
} satisfies Record<string, FixtureCustomer>;

/** Numbers no customer has: lookups of these must come back empty. */
export const UNKNOWN_PHONES = ['13988880000'] as const;
