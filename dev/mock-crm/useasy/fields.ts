// The mock account's customer-field configuration as crm/config/field/list answers it (CustomerFieldVO):
// the preset system fields, custom fields of every type the product renders (choices, a three-level
// cascade that must be filled to its second level) and one disabled field. Static; the seed and the routes read it, nothing writes it.

export const ACCOUNT_ID = '1090';
/** Who configured the fields, as in the document's example. */
const ADMIN_ID = '662772464553308160';

interface Choice {
  key: string;
  value: string;
  isDefault: boolean;
}

export interface CascadeNode {
  key: string;
  value: string;
  children?: CascadeNode[];
}

export interface FieldVO {
  accountId: string;
  glFieldId: string;
  field: string;
  name: string;
  param: string;
  type: string;
  /** 0 disabled, 1 enabled, -1 deleted. */
  status: 0 | 1 | -1;
  searchable: boolean;
  oplog: boolean;
  choices: Choice[] | null;
  options: { level: number; fillLevel: number; children: CascadeNode[] } | null;
  createTime: string;
  updateTime: string;
  createAgent: string;
  updateAgent: string;
  scenes: string[] | null;
  sort: number;
  isSystem: boolean;
  required: boolean;
}

type FieldSeed = Pick<FieldVO, 'field' | 'name' | 'type' | 'sort'> & Partial<FieldVO>;

const CONFIGURED = '2023-06-21 11:02:18';

function field(seed: FieldSeed): FieldVO {
  return {
    accountId: ACCOUNT_ID,
    glFieldId: seed.field,
    param: seed.field,
    status: 1,
    searchable: false,
    oplog: false,
    choices: null,
    options: null,
    createTime: CONFIGURED,
    updateTime: CONFIGURED,
    createAgent: ADMIN_ID,
    updateAgent: ADMIN_ID,
    scenes: null,
    isSystem: false,
    required: false,
    ...seed,
  };
}

const choices = (entries: [key: string, value: string][], defaultKey?: string): Choice[] =>
  entries.map(([key, value]) => ({ key, value, isDefault: key === defaultKey }));

/** 大区 > 城市 > 区; keys are unique across the whole tree. */
const REGION_TREE: CascadeNode[] = [
  {
    key: 'huabei',
    value: '华北',
    children: [
      {
        key: 'beijing',
        value: '北京',
        children: [
          { key: 'haidian', value: '海淀区' },
          { key: 'chaoyang', value: '朝阳区' },
        ],
      },
      { key: 'tianjin', value: '天津', children: [{ key: 'heping', value: '和平区' }] },
    ],
  },
  {
    key: 'huadong',
    value: '华东',
    children: [
      {
        key: 'shanghai',
        value: '上海',
        children: [
          { key: 'pudong', value: '浦东新区' },
          { key: 'xuhui', value: '徐汇区' },
        ],
      },
      { key: 'hangzhou', value: '杭州', children: [{ key: 'xihu', value: '西湖区' }] },
    ],
  },
  {
    key: 'huanan',
    value: '华南',
    children: [
      {
        key: 'shenzhen',
        value: '深圳',
        children: [
          { key: 'nanshan', value: '南山区' },
          { key: 'futian', value: '福田区' },
        ],
      },
      { key: 'guangzhou', value: '广州', children: [{ key: 'tianhe', value: '天河区' }] },
    ],
  },
];

export const FIELD_IDS = {
  address: 'text_6ts9_1687316347239',
  needs: 'textarea_k2m8_1687316400112',
  budget: 'number_p3q1_1687316455020',
  nextVisit: 'date_w7e2_1687316501337',
  industry: 'select_a9c4_1687316566781',
  customerType: 'radio_h5n0_1687316602904',
  products: 'checkbox_d1r6_1687316650418',
  region: 'cascade_z8b3_1687316711526',
  legacyNumber: 'text_r4v7_1687316780045',
} as const;

export const SOURCES = ['官网咨询', '试用申请', '展会', '电话营销', '老客户推荐', '小红书'] as const;

export const FIELDS: readonly FieldVO[] = [
  field({ field: 'customerName', name: '客户名称', type: 'text', sort: 1, isSystem: true, required: true, searchable: true }),
  field({ field: 'mobile', name: '手机', type: 'mobile', sort: 2, isSystem: true, searchable: true }),
  field({ field: 'email', name: '邮箱', type: 'email', sort: 3, isSystem: true, searchable: true }),
  field({ field: 'qq', name: 'QQ', type: 'qq', sort: 4, isSystem: true }),
  field({ field: 'wechat', name: '微信', type: 'wechat', sort: 5, isSystem: true }),
  field({ field: 'customerSource', name: '客户来源', type: 'checkbox', sort: 6, isSystem: true, choices: choices(SOURCES.map((name) => [name, name])) }),
  field({ field: 'owner', name: '归属人', type: 'user', sort: 7, isSystem: true }),
  // The document's own example field, verbatim.
  field({ field: FIELD_IDS.address, name: '详细地址', type: 'text', sort: 42 }),
  field({ field: FIELD_IDS.needs, name: '需求描述', type: 'textarea', sort: 43 }),
  field({ field: FIELD_IDS.budget, name: '预算(元)', type: 'number', sort: 44 }),
  field({ field: FIELD_IDS.nextVisit, name: '下次回访日期', type: 'date', sort: 45 }),
  field({
    field: FIELD_IDS.industry,
    name: '客户行业',
    type: 'select',
    sort: 46,
    searchable: true,
    choices: choices([
      ['internet', '互联网'],
      ['finance', '金融'],
      ['manufacturing', '制造业'],
      ['education', '教育'],
      ['retail', '零售'],
      ['medical', '医疗'],
    ]),
  }),
  field({
    field: FIELD_IDS.customerType,
    name: '客户类型',
    type: 'radio',
    sort: 47,
    choices: choices(
      [
        ['enterprise', '企业客户'],
        ['personal', '个人客户'],
      ],
      'enterprise',
    ),
  }),
  field({
    field: FIELD_IDS.products,
    name: '关注产品',
    type: 'checkbox',
    sort: 48,
    choices: choices([
      ['online-service', '在线客服'],
      ['crm', '客户CRM'],
      ['call-center', '呼叫中心'],
      ['ticket', '工单系统'],
      ['robot', '智能机器人'],
    ]),
  }),
  field({ field: FIELD_IDS.region, name: '所在地区', type: 'cascade', sort: 49, options: { level: 3, fillLevel: 2, children: REGION_TREE } }),
  field({ field: FIELD_IDS.legacyNumber, name: '旧客户编号', type: 'text', sort: 50, status: 0 }),
];

/** Every root-to-leaf path of the region tree, as the keys a cascade value stores. */
export function regionPaths(nodes: CascadeNode[] = REGION_TREE, above: string[] = []): string[][] {
  return nodes.flatMap((node) => (node.children?.length ? regionPaths(node.children, [...above, node.key]) : [[...above, node.key]]));
}
