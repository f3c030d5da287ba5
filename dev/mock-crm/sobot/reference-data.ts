// The company's fixed configuration as Sobot would hold it: agents and departments, follow-up stages,
// customer sources, the region tables, custom-field definitions and the seeded label groups. Static and
// deterministic; the seed and the reference-data routes read it, nothing writes it.
import { stableId } from '../shared/prng';

/** The company id of the document's examples (`pid`, `companyid`). */
export const COMPANY_ID = '60b7e31daf15417aa0f521aa7d822ddd';

// ---- agents and departments (user/user_list) ----

export interface AgentNode {
  id: string;
  name: string;
  image: string | null;
  path: string | null;
  type: 1 | 2;
  manager_flag: 1 | 2 | null;
  sub_list: AgentNode[] | null;
}

export interface Agent {
  id: string;
  name: string;
  departmentPath: string;
}

const department = (name: string, parentPath: string, subList: AgentNode[]): AgentNode => {
  const id = stableId('department', name);
  const path = `${parentPath}|${id}`;
  return { id, name, image: null, path, type: 1, manager_flag: null, sub_list: subList };
};
const agent = (name: string, manager = false): AgentNode => ({
  id: stableId('agent', name),
  name,
  image: null,
  path: null,
  type: 2,
  manager_flag: manager ? 1 : 2,
  sub_list: null,
});

const SALES_PATH = `${COMPANY_ID}|${stableId('department', '销售部')}`;

export const AGENT_TREE: AgentNode[] = [
  {
    ...department('销售部', COMPANY_ID, []),
    sub_list: [
      department('销售一组', SALES_PATH, [agent('王斌', true), agent('刘宇博'), agent('周婷')]),
      department('销售二组', SALES_PATH, [agent('孙磊'), agent('郑秀英'), agent('高翔')]),
    ],
  },
  department('客服部', COMPANY_ID, [agent('系统管理员', true), agent('李丽'), agent('赵换然'), agent('樊永锋'), agent('何晓燕')]),
  department('运营部', COMPANY_ID, [agent('安康'), agent('许静怡')]),
];

function flatten(nodes: AgentNode[], parentPath: string): Agent[] {
  return nodes.flatMap((node) =>
    node.type === 2 ? [{ id: node.id, name: node.name, departmentPath: parentPath }] : flatten(node.sub_list ?? [], node.path ?? parentPath),
  );
}

export const AGENTS: Agent[] = flatten(AGENT_TREE, COMPANY_ID);

function agentNamed(name: string): Agent {
  const found = AGENTS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no agent named ${name}`);
  return found;
}

/** Who the open API acts as: writes made through it are attributed to this admin, and module_type 6
 * ("customers I am responsible for") means this agent's customers. */
export const API_AGENT = agentNamed('系统管理员');

/** Agents who own customers in the seed; the admin owns a few more, picked apart, for module_type 6. */
export const STAFF_AGENTS = AGENTS.filter((candidate) => candidate.id !== API_AGENT.id);

// ---- follow-up stages (user_stage/query_list_by_type), ids as in the document ----

export interface StageDefinition {
  id: string;
  name: string;
  sortnum: number;
}

export const STAGES: StageDefinition[] = [
  { id: '15d6506f836c4340b7b36fb94bdedf31', name: '初步沟通', sortnum: 0 },
  { id: 'fb642ab91666472bb81c3beb1889b2dc', name: '正常跟进', sortnum: 1 },
  { id: 'cb31d0aff036411fb9bf598baf4dc2ea', name: '意向确定', sortnum: 2 },
  { id: '7b1c71f10c9e40c994c733c48974ce35', name: '付款流程', sortnum: 3 },
  { id: '678599e8f8a6407987c1aa4391d41f4d', name: '交易达成', sortnum: 4 },
];

/** stage_type values: 1 in progress, 2 a result, and the three specific results. */
export const STAGE_TYPE_NAMES: Record<number, string> = {
  1: '跟进过程',
  2: '跟进结果',
  21: '已成单',
  22: '已输单',
  23: '无效',
};

// ---- customer sources (user_dynamic/getsource), the document's list with its string values ----

export const SOURCES: { label: string; value: string }[] = [
  { label: '邮件', value: '11' },
  { label: '百度营销', value: '12' },
  { label: '今日头条', value: '13' },
  { label: '奇虎360', value: '14' },
  { label: '桌面网站', value: '0' },
  { label: '微信公众号', value: '1' },
  { label: 'APP', value: '2' },
  { label: '微博', value: '3' },
  { label: '移动网站', value: '4' },
  { label: '融云', value: '5' },
  { label: '呼叫中心', value: '6' },
  { label: '工单中心', value: '7' },
  { label: '客户中心', value: '8' },
  { label: '企业微信', value: '9' },
  { label: '微信小程序', value: '10' },
];

// ---- regions (user_dynamic/provice, city/{provinceid}, area/{cityid}), GB/T 2260 codes ----

export const PROVINCES = [
  { provinceid: '110000', province_name: '北京市' },
  { provinceid: '120000', province_name: '天津市' },
  { provinceid: '130000', province_name: '河北省' },
  { provinceid: '310000', province_name: '上海市' },
  { provinceid: '320000', province_name: '江苏省' },
  { provinceid: '330000', province_name: '浙江省' },
  { provinceid: '420000', province_name: '湖北省' },
  { provinceid: '440000', province_name: '广东省' },
  { provinceid: '510000', province_name: '四川省' },
];

export const CITIES = [
  { cityid: '110100', city_name: '北京市', provinceid: '110000' },
  { cityid: '120100', city_name: '天津市', provinceid: '120000' },
  { cityid: '130100', city_name: '石家庄市', provinceid: '130000' },
  { cityid: '130200', city_name: '唐山市', provinceid: '130000' },
  { cityid: '130300', city_name: '秦皇岛市', provinceid: '130000' },
  { cityid: '130400', city_name: '邯郸市', provinceid: '130000' },
  { cityid: '310100', city_name: '上海市', provinceid: '310000' },
  { cityid: '320100', city_name: '南京市', provinceid: '320000' },
  { cityid: '320500', city_name: '苏州市', provinceid: '320000' },
  { cityid: '330100', city_name: '杭州市', provinceid: '330000' },
  { cityid: '330200', city_name: '宁波市', provinceid: '330000' },
  { cityid: '420100', city_name: '武汉市', provinceid: '420000' },
  { cityid: '440100', city_name: '广州市', provinceid: '440000' },
  { cityid: '440300', city_name: '深圳市', provinceid: '440000' },
  { cityid: '510100', city_name: '成都市', provinceid: '510000' },
];

export const DISTRICTS = [
  { areaid: '110101', area_name: '东城区', cityid: '110100' },
  { areaid: '110102', area_name: '西城区', cityid: '110100' },
  { areaid: '110105', area_name: '朝阳区', cityid: '110100' },
  { areaid: '110108', area_name: '海淀区', cityid: '110100' },
  { areaid: '110114', area_name: '昌平区', cityid: '110100' },
  { areaid: '120101', area_name: '和平区', cityid: '120100' },
  { areaid: '120104', area_name: '南开区', cityid: '120100' },
  { areaid: '120116', area_name: '滨海新区', cityid: '120100' },
  { areaid: '130102', area_name: '长安区', cityid: '130100' },
  { areaid: '130104', area_name: '桥西区', cityid: '130100' },
  { areaid: '130202', area_name: '路南区', cityid: '130200' },
  { areaid: '130203', area_name: '路北区', cityid: '130200' },
  { areaid: '130302', area_name: '海港区', cityid: '130300' },
  { areaid: '130303', area_name: '山海关区', cityid: '130300' },
  { areaid: '130402', area_name: '邯山区', cityid: '130400' },
  { areaid: '310101', area_name: '黄浦区', cityid: '310100' },
  { areaid: '310104', area_name: '徐汇区', cityid: '310100' },
  { areaid: '310105', area_name: '长宁区', cityid: '310100' },
  { areaid: '310115', area_name: '浦东新区', cityid: '310100' },
  { areaid: '320102', area_name: '玄武区', cityid: '320100' },
  { areaid: '320106', area_name: '鼓楼区', cityid: '320100' },
  { areaid: '320505', area_name: '虎丘区', cityid: '320500' },
  { areaid: '320506', area_name: '吴中区', cityid: '320500' },
  { areaid: '330106', area_name: '西湖区', cityid: '330100' },
  { areaid: '330108', area_name: '滨江区', cityid: '330100' },
  { areaid: '330110', area_name: '余杭区', cityid: '330100' },
  { areaid: '330212', area_name: '鄞州区', cityid: '330200' },
  { areaid: '420102', area_name: '江岸区', cityid: '420100' },
  { areaid: '420106', area_name: '武昌区', cityid: '420100' },
  { areaid: '440104', area_name: '越秀区', cityid: '440100' },
  { areaid: '440106', area_name: '天河区', cityid: '440100' },
  { areaid: '440304', area_name: '福田区', cityid: '440300' },
  { areaid: '440305', area_name: '南山区', cityid: '440300' },
  { areaid: '510104', area_name: '锦江区', cityid: '510100' },
  { areaid: '510107', area_name: '武侯区', cityid: '510100' },
];

// ---- custom fields (custom_field/custom_fieid_info_list): one of each of the nine types ----

interface FieldOption {
  data_id: string;
  data_value: string;
  data_name: string;
  field_id: string;
  field_variable: null;
  data_params: string | null;
  /** Cascade options only: the option one level up, null at the top. */
  parent_data_id?: string | null;
}

export interface FieldDefinition {
  field_id: string;
  field_name: string;
  field_variable: string;
  field_type: number;
  fill_flag: 0 | 1;
  field_status: 0 | 1;
  field_remark: string;
  operate_type: number;
  field_params: string | null;
  cus_field_data_info_list: FieldOption[] | null;
}

// Option values are 15-digit numbers like the document's, counted up from one base per field.
function options(fieldId: string, base: number, names: [name: string, params: string | null, parent?: string][]) {
  const byName = new Map<string, FieldOption>();
  return names.map(([name, params, parent], index) => {
    const option: FieldOption = {
      data_id: stableId('option', fieldId, name),
      data_value: String(base + index * 1274),
      data_name: name,
      field_id: fieldId,
      field_variable: null,
      data_params: params,
    };
    if (parent !== undefined || names.some((entry) => entry[2] !== undefined)) {
      option.parent_data_id = parent ? (byName.get(parent)?.data_id ?? null) : null;
    }
    byName.set(name, option);
    return option;
  });
}

function field(
  variable: string,
  name: string,
  type: number,
  extra: Partial<FieldDefinition> & { choices?: (id: string) => FieldOption[] } = {},
): FieldDefinition {
  const id = stableId('field', variable);
  const { choices, ...rest } = extra;
  return {
    field_id: id,
    field_name: name,
    field_variable: variable,
    field_type: type,
    fill_flag: 0,
    field_status: 1,
    field_remark: '',
    operate_type: 1,
    field_params: null,
    cus_field_data_info_list: choices ? choices(id) : null,
    ...rest,
  };
}

export const CUSTOM_FIELDS: FieldDefinition[] = [
  field('customField1', '身份证号', 1),
  field('customField2', '客户需求', 2, { field_remark: '记录客户的主要诉求' }),
  field('customField3', '生日', 3),
  field('customField4', '方便联系时间', 4),
  field('customField5', '年消费额（元）', 5),
  field('customField6', '所属行业', 6, {
    field_params: 'industry',
    choices: (id) =>
      options(id, 607592500180588, [
        ['互联网', 'internet'],
        ['教育培训', 'education'],
        ['零售电商', 'retail'],
        ['制造业', 'manufacturing'],
        ['金融保险', 'finance'],
        ['医疗健康', 'health'],
      ]),
  }),
  field('customField7', '关注产品', 7, {
    choices: (id) =>
      options(id, 607592524201284, [
        ['在线客服', null],
        ['呼叫中心', null],
        ['工单系统', null],
        ['智能机器人', null],
        ['客户CRM', null],
      ]),
  }),
  field('customField8', '客户类型', 8, {
    choices: (id) =>
      options(id, 607592546349742, [
        ['个人客户', null],
        ['企业客户', null],
        ['代理商', null],
      ]),
  }),
  field('customField9', '意向区域', 9, {
    choices: (id) =>
      options(id, 628241984465772, [
        ['华北', null],
        ['北京', null, '华北'],
        ['天津', null, '华北'],
        ['华东', null],
        ['上海', null, '华东'],
        ['杭州', null, '华东'],
        ['华南', null],
        ['广州', null, '华南'],
        ['深圳', null, '华南'],
      ]),
  }),
  // A deleted field still listed with field_status 0, as the API does: clients must skip it.
  field('customField10', '旧会员卡号', 1, { field_status: 0, field_remark: '已停用' }),
];

// ---- label groups and labels (business labels of customers) ----

export interface LabelGroupSeed {
  name: string;
  color: string;
  multiple: boolean;
  labels: string[];
}

export const LABEL_GROUP_SEEDS: LabelGroupSeed[] = [
  { name: '客户等级', color: '#F5A623', multiple: false, labels: ['普通客户', '银卡会员', '金卡会员', '钻石会员'] },
  { name: '兴趣', color: '#76A6F1', multiple: true, labels: ['数码产品', '母婴用品', '美妆护肤', '运动户外', '家居生活'] },
  { name: '渠道', color: '#15C7C9', multiple: true, labels: ['抖音', '小红书', '百度推广', '线下门店', '老客户介绍'] },
  { name: '意向程度', color: '#E8553E', multiple: false, labels: ['高意向', '中意向', '低意向'] },
  { name: '售后', color: '#9B6DD6', multiple: true, labels: ['退换货', '投诉', '物流问题', '发票'] },
];

export const labelGroupId = (groupName: string) => stableId('label-group', groupName);
export const labelId = (groupName: string, labelName: string) => stableId('label', groupName, labelName);
