// Well-known records that tests, e2e specs, benchmarks and the demo console rely on: the demo
// credentials and a handful of customers with exact phones, emails, labels and stages. The seed builds
// these exactly as written here, next to the generated crowd.
import { labelId, STAGES } from './reference-data';
import { stableId } from '../shared/prng';

export const DEMO_CREDENTIALS = { appid: 'sobot-demo', appKey: 'sobot-demo-key' } as const;

export const stageIdNamed = (name: string): string => {
  const stage = STAGES.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage named ${name}`);
  return stage.id;
};

export interface FixtureCustomer {
  id: string;
  nick: string;
  uname?: string;
  /** Exactly as stored, in the form an agent once typed it. */
  tel?: string;
  email?: string;
  sex?: 1 | 2;
  isVip?: boolean;
  company?: string;
  /** [province, city, district] ids from reference-data.ts. */
  region?: [string, string, string];
  liableAgent?: string;
  labels: { group: string; name: string; id: string }[];
  /** Stages the customer went through, oldest first; the last is the current one. */
  stages: string[];
  /** Follow-up notes colleagues wrote, oldest first. */
  notes: { agent: string; text: string }[];
  /** Custom-field values by field variable (customField1…9); option fields by option names, comma-joined. */
  fields?: Record<string, string>;
  remark?: string;
}

const label = (group: string, name: string) => ({ group, name, id: labelId(group, name) });
const id = (key: string) => stableId('fixture-customer', key);

export const FIXTURE_CUSTOMERS = {
  /** The page of /demo/plain.html writes his number; labels 金卡会员 + 数码产品, stage 意向确定. */
  zhangWei: {
    id: id('zhang-wei'),
    nick: '张伟',
    uname: '张伟',
    tel: '13812345678',
    email: 'zhang.wei@example.com',
    sex: 1,
    isVip: true,
    company: '北京星辰科技有限公司',
    region: ['110000', '110100', '110108'],
    liableAgent: '王斌',
    labels: [label('客户等级', '金卡会员'), label('兴趣', '数码产品')],
    stages: ['初步沟通', '正常跟进', '意向确定'],
    notes: [
      { agent: '王斌', text: '客户咨询扫地机器人X20的企业采购价，已发报价单。' },
      { agent: '王斌', text: '约了周四下午电话沟通，确认采购数量（约30台）。' },
    ],
    fields: {
      customField2: '需要开具增值税专用发票，希望月底前到货。',
      customField5: '128000',
      customField6: '互联网',
      customField7: '在线客服,客户CRM',
      customField8: '企业客户',
      customField9: '华北,北京',
    },
    remark: '老客户，去年采购过一批智能音箱。',
  },
  /** Stored with the country code, as an agent pasted it from a WeChat card. */
  liNa: {
    id: id('li-na'),
    nick: '李娜',
    uname: '李娜',
    tel: '+8613912345678',
    email: 'lina_1990@163.com',
    sex: 2,
    company: '上海悦享母婴用品有限公司',
    region: ['310000', '310100', '310104'],
    liableAgent: '周婷',
    labels: [label('兴趣', '母婴用品'), label('渠道', '小红书')],
    stages: ['初步沟通'],
    notes: [{ agent: '周婷', text: '咨询门店加盟政策，已转渠道经理。' }],
  },
  /** Stored with spaces, as an agent typed it while on the phone. */
  wangFang: {
    id: id('wang-fang'),
    nick: '王芳',
    uname: '王芳',
    tel: '139 0000 1111',
    sex: 2,
    region: ['330000', '330100', '330106'],
    liableAgent: '孙磊',
    labels: [label('意向程度', '中意向')],
    stages: ['初步沟通', '正常跟进'],
    notes: [{ agent: '孙磊', text: '对年度套餐感兴趣，下周再跟进一次。' }],
  },
  /** A Beijing landline with its area code. */
  liuYang: {
    id: id('liu-yang'),
    nick: '刘经理',
    uname: '刘洋',
    tel: '010-62345678',
    email: 'liuyang@huayu-trade.com',
    sex: 1,
    company: '北京华宇商贸有限公司',
    region: ['110000', '110100', '110105'],
    liableAgent: '刘宇博',
    labels: [label('客户等级', '银卡会员'), label('渠道', '百度推广'), label('售后', '发票')],
    stages: ['初步沟通', '正常跟进', '意向确定', '付款流程'],
    notes: [{ agent: '刘宇博', text: '财务要求发票抬头改为分公司，已提交工单。' }],
  },
  /** Two customers share one phone (a couple): the panel must offer a choice. */
  chenJing: {
    id: id('chen-jing'),
    nick: '陈静',
    uname: '陈静',
    tel: '13700000000',
    email: 'chenjing88@qq.com',
    sex: 2,
    region: ['440000', '440300', '440305'],
    liableAgent: '郑秀英',
    labels: [label('兴趣', '家居生活')],
    stages: ['正常跟进'],
    notes: [{ agent: '郑秀英', text: '和爱人共用一个手机号，下单人是陈静本人。' }],
  },
  chenJianguo: {
    id: id('chen-jianguo'),
    nick: '陈建国',
    uname: '陈建国',
    tel: '13700000000',
    sex: 1,
    region: ['440000', '440300', '440304'],
    liableAgent: '郑秀英',
    labels: [label('兴趣', '运动户外')],
    stages: [],
    notes: [],
  },
  /** Known only by email. */
  zhaoMin: {
    id: id('zhao-min'),
    nick: '赵敏',
    email: 'zhao.min@example.org',
    sex: 2,
    liableAgent: '李丽',
    labels: [label('售后', '退换货')],
    stages: [],
    notes: [{ agent: '李丽', text: '邮件反馈收到的耳机有杂音，已安排换货。' }],
  },
} satisfies Record<string, FixtureCustomer>;

/** Numbers no customer has: lookups of these must come back empty. */
export const UNKNOWN_PHONES = ['13988880000'] as const;
