// Builds the mock account's customers from a fixed seed: the fixtures of fixtures.ts and a crowd of
// generated ones with Chinese names, mobiles, emails, owners, sources and custom values. Same seed, same
// data, on every machine; all times are counted back from SEED_NOW_MS, never from the clock.
import { createRandom, type Random } from '../shared/prng';
import { ACCOUNT_ID, FIELD_IDS, regionPaths, SOURCES } from './fields';
import { agentNamed, AGENTS, FIXTURE_CUSTOMERS, OPEN_SEA_ID, UNKNOWN_PHONES, type FixtureCustomer } from './fixtures';
import { chinaDateTime, SEED_NOW_MS, snowflakeId } from './ids';
import { API_AGENT, type ContactEntry, type CustomerRecord, type UseasyState } from './state';

export const GENERATED_CUSTOMER_COUNT = 120;
const SEED = 20241120;
const EARLIEST_MS = Date.UTC(2023, 0, 5, 1, 0, 0);
/** Generated ids use sequences from here, so they never meet a fixture's. */
const CROWD_SEQUENCE = 1000;

export function seedState(): UseasyState {
  const customers = new Map<string, CustomerRecord>();
  for (const fixture of Object.values(FIXTURE_CUSTOMERS) as FixtureCustomer[]) {
    customers.set(fixture.id, fromFixture(fixture));
  }
  const crowd = seedCrowd(createRandom(SEED), new Set(Object.values(FIXTURE_CUSTOMERS).map((fixture) => fixture.customerName)));
  for (const record of crowd) customers.set(record._id, record);
  return { customers, createdCount: 0 };
}

function fromFixture(fixture: FixtureCustomer): CustomerRecord {
  const owner = fixture.owner ? agentNamed(fixture.owner).id : undefined;
  const record: CustomerRecord = {
    _id: fixture.id,
    accountId: ACCOUNT_ID,
    customerName: fixture.customerName,
    createMethod: fixture.createMethod ?? '',
    createAgent: API_AGENT,
    updateAgent: API_AGENT,
    createTime: fixture.createTime,
    updateTime: fixture.createTime,
  };
  if (fixture.mobile) record.mobile = structuredClone(fixture.mobile);
  if (fixture.email) record.email = structuredClone(fixture.email);
  if (fixture.wechat) record.wechat = structuredClone(fixture.wechat);
  if (fixture.customerSource) record.customerSource = [...fixture.customerSource];
  if (owner) Object.assign(record, ownership(owner, fixture.createTime));
  else record.openSeaIds = [OPEN_SEA_ID];
  Object.assign(record, structuredClone(fixture.fields ?? {}));
  return record;
}

const ownership = (owner: string, at: string) => ({ owner, firstOwner: owner, assignTime: at, firstAssignTime: at });

// ---- the generated crowd ----

const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
];
const GIVEN_NAMES: [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['秀英', 'xiuying'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['霞', 'xia'],
  ['建华', 'jianhua'],
  ['文博', 'wenbo'],
  ['思远', 'siyuan'],
  ['子涵', 'zihan'],
  ['雨桐', 'yutong'],
  ['浩然', 'haoran'],
  ['欣怡', 'xinyi'],
  ['梓轩', 'zixuan'],
  ['佳琪', 'jiaqi'],
  ['宇航', 'yuhang'],
  ['晓东', 'xiaodong'],
  ['海燕', 'haiyan'],
];
const MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '158', '159', '177', '186', '187', '188', '189', '199'];
const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'example.com'];
const ADDRESSES = ['上海市浦东新区张江路88号', '深圳市南山区科技园南区', '杭州市西湖区文三路90号', '北京市朝阳区建国路77号', '广州市天河区珠江新城'];
const NEEDS = ['想了解企业版价格', '需要和现有工单系统对接', '咨询私有化部署', '希望安排产品演示', '续费前想比较套餐'];
const CHOICE_KEYS = {
  industry: ['internet', 'finance', 'manufacturing', 'education', 'retail', 'medical'],
  customerType: ['enterprise', 'personal'],
  products: ['online-service', 'crm', 'call-center', 'ticket', 'robot'],
};

function seedCrowd(random: Random, reservedNames: Set<string>): CustomerRecord[] {
  const fixtureContacts = Object.values(FIXTURE_CUSTOMERS).flatMap((fixture: FixtureCustomer) => [...(fixture.mobile ?? []), ...(fixture.email ?? [])]);
  const taken = new Set<string>([...UNKNOWN_PHONES, ...fixtureContacts.map((entry) => entry.value)]);
  const unique = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  const mobile = () => unique(() => random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0'));
  const regions = regionPaths();
  const records: CustomerRecord[] = [];

  for (let index = 0; records.length < GENERATED_CUSTOMER_COUNT; index += 1) {
    const [surname, surnamePinyin] = random.pick(SURNAMES);
    const [given, givenPinyin] = random.pick(GIVEN_NAMES);
    const name = surname + given;
    if (reservedNames.has(name)) continue;
    const createdMs = random.int(EARLIEST_MS, SEED_NOW_MS - 86_400_000);
    const createTime = chinaDateTime(createdMs);
    const record: CustomerRecord = {
      _id: snowflakeId(createdMs, CROWD_SEQUENCE + index),
      accountId: ACCOUNT_ID,
      customerName: name,
      createMethod: random.pick(['', 'API', 'MANUAL', 'IMPORT']),
      createAgent: API_AGENT,
      updateAgent: API_AGENT,
      createTime,
      updateTime: chinaDateTime(random.int(createdMs, SEED_NOW_MS)),
    };
    const mobiles: ContactEntry[] = [{ value: mobile(), memo: '' }];
    if (random.chance(0.2)) mobiles.push({ value: mobile(), memo: random.pick(['备用', '工作', '家人']) });
    record.mobile = mobiles;
    if (random.chance(0.7)) {
      const email = unique(() => `${givenPinyin}.${surnamePinyin}${random.int(1, 999)}@${random.pick(EMAIL_DOMAINS)}`);
      record.email = [{ value: email, memo: '' }];
    }
    if (random.chance(0.6)) record.customerSource = [random.pick(SOURCES)];
    if (random.chance(0.15)) {
      record.openSeaIds = [OPEN_SEA_ID];
    } else {
      Object.assign(record, ownership(random.pick(AGENTS).id, createTime));
      // Both spellings of "in no public sea" occur: the key absent and an empty list.
      if (random.chance(0.5)) record.openSeaIds = [];
    }
    seedCustomValues(random, record, regions);
    records.push(record);
  }
  return records;
}

function seedCustomValues(random: Random, record: CustomerRecord, regions: string[][]) {
  const maybe = (key: string, make: () => unknown) => {
    if (random.chance(0.5)) record[key] = make();
  };
  maybe(FIELD_IDS.address, () => random.pick(ADDRESSES));
  maybe(FIELD_IDS.needs, () => random.pick(NEEDS));
  maybe(FIELD_IDS.budget, () => String(random.int(1, 500) * 1000));
  maybe(FIELD_IDS.nextVisit, () => chinaDateTime(SEED_NOW_MS + random.int(1, 60) * 86_400_000).slice(0, 10));
  maybe(FIELD_IDS.industry, () => random.pick(CHOICE_KEYS.industry));
  maybe(FIELD_IDS.customerType, () => random.pick(CHOICE_KEYS.customerType));
  maybe(FIELD_IDS.products, () => random.sample(CHOICE_KEYS.products, random.int(1, 3)));
  maybe(FIELD_IDS.region, () => [...random.pick(regions)]);
}
