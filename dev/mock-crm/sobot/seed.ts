// Builds the mock company's data from a fixed seed: the label groups, the fixture customers of
// fixtures.ts and a crowd of generated ones with timelines. Same seed, same data, on every machine;
// all times are counted back from SEED_NOW_MS, never from the clock.
import { FIXTURE_CUSTOMERS, UNKNOWN_PHONES, type FixtureCustomer } from './fixtures';
import { createRandom, stableId, type Random } from '../shared/prng';
import {
  CHAT_SUMMARIES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  FEMALE_NAMES,
  LANDLINE_AREAS,
  MAIL_DOMAINS,
  MALE_NAMES,
  MOBILE_PREFIXES,
  NEEDS,
  NICKNAMES,
  NOTES,
  REMARKS,
  ROBOT_CREATORS,
  SURNAMES,
  VISITED_PAGES,
} from './seed-words';
import {
  AGENTS,
  API_AGENT,
  CITIES,
  COMPANY_ID,
  CUSTOM_FIELDS,
  DISTRICTS,
  LABEL_GROUP_SEEDS,
  labelGroupId,
  labelId,
  PROVINCES,
  STAFF_AGENTS,
  SOURCES,
  STAGES,
  type Agent,
  type FieldDefinition,
} from './reference-data';
import { chinaDateTime, type CustomerRecord, type LabelGroupRecord, type LabelRecord, type SobotState } from './state';
import {
  agentOperator,
  recordCreated,
  recordCustomerActivity,
  recordFieldsChanged,
  recordNote,
  recordStageChange,
  robotOperator,
  type FieldChange,
  type Operator,
} from './timeline';

/** 2024-11-20 10:00 China time: the seeded world's "now". */
const SEED_NOW_MS = Date.UTC(2024, 10, 20, 2, 0, 0);
export const GENERATED_CUSTOMER_COUNT = 200;
const SEED = 20240521;
const DAY_MS = 86_400_000;
const EARLIEST_MS = Date.UTC(2023, 0, 5, 1, 0, 0);

export function seedState(): SobotState {
  const state: SobotState = {
    labelGroups: [],
    labels: [],
    customers: new Map(),
    dynamics: new Map(),
    customFields: structuredClone(CUSTOM_FIELDS),
    nextSerial: 0,
  };
  seedLabels(state);
  for (const fixture of Object.values(FIXTURE_CUSTOMERS) as FixtureCustomer[]) seedFixture(state, fixture);
  seedCrowd(state, createRandom(SEED));
  return state;
}

// ---- labels ----

function seedLabels(state: SobotState) {
  LABEL_GROUP_SEEDS.forEach((group, groupIndex) => {
    const created = chinaDateTime(Date.UTC(2022, 11, 1 + groupIndex, 2, 30));
    const record: LabelGroupRecord = {
      id: labelGroupId(group.name),
      bizid: null,
      type: 1,
      name: group.name,
      color_value: group.color,
      is_multiple_choice: group.multiple ? 1 : 0,
      status: 1,
      create_time: created,
      update_time: created,
    };
    state.labelGroups.push(record);
    for (const name of group.labels) {
      const label: LabelRecord = {
        id: labelId(group.name, name),
        groupid: record.id,
        bizid: null,
        name,
        param_name: null,
        status: 1,
        create_time: created,
        update_time: created,
      };
      state.labels.push(label);
    }
  });
}

// ---- helpers shared by fixtures and the crowd ----

const agentNamed = (name: string): Agent => {
  const agent = AGENTS.find((candidate) => candidate.name === name);
  if (!agent) throw new Error(`no agent named ${name}`);
  return agent;
};

const fieldByVariable = (variable: string): FieldDefinition => {
  const field = CUSTOM_FIELDS.find((candidate) => candidate.field_variable === variable);
  if (!field) throw new Error(`no custom field ${variable}`);
  return field;
};

/** Option names (comma-joined) to the stored form: option values, comma-joined. */
function storedFieldValue(field: FieldDefinition, value: string): string {
  if (!field.cus_field_data_info_list) return value;
  return value
    .split(',')
    .map((name) => {
      const option = field.cus_field_data_info_list?.find((candidate) => candidate.data_name === name);
      if (!option) throw new Error(`no option ${name} in ${field.field_name}`);
      return option.data_value;
    })
    .join(',');
}

function regionFields(ids: [string, string, string] | undefined): Partial<CustomerRecord> {
  if (!ids) return {};
  const [provinceId, cityId, districtId] = ids;
  return {
    proviceid: provinceId,
    provice_name: PROVINCES.find((province) => province.provinceid === provinceId)?.province_name,
    cityid: cityId,
    city_name: CITIES.find((city) => city.cityid === cityId)?.city_name,
    areaid: districtId,
    area_name: DISTRICTS.find((district) => district.areaid === districtId)?.area_name,
  };
}

const SEX_NAMES: Record<number, string> = { 1: '男', 2: '女' };
const sourceName = (source: number) => SOURCES.find((entry) => entry.value === String(source))?.label ?? '';

function creationData(customer: CustomerRecord): FieldChange[] {
  const datas: FieldChange[] = [{ field: 'nick', name: '昵称', value: customer.nick, oldValue: null }];
  if (customer.sex) datas.push({ field: 'sex', name: '性别', value: SEX_NAMES[customer.sex] ?? null, oldValue: null });
  if (customer.tel) datas.push({ field: 'tel', name: '电话', value: customer.tel, oldValue: null });
  if (customer.email) datas.push({ field: 'email', name: '邮箱', value: customer.email, oldValue: null });
  datas.push({ field: 'source', name: '来源', value: sourceName(customer.source), oldValue: null });
  return datas;
}

/** Walks a customer through stages at increasing times; the last one is current. */
function seedStages(state: SobotState, customer: CustomerRecord, names: string[], times: number[], operator: Operator, rng?: Random) {
  let previous: string | null = null;
  names.forEach((name, index) => {
    const stage = STAGES.find((candidate) => candidate.name === name);
    if (!stage) throw new Error(`no stage ${name}`);
    // Stage entries carry biz_time in seconds, like the document's examples; a few in milliseconds.
    const inSeconds = rng ? rng.chance(0.7) : index < names.length - 1;
    recordStageChange(state, customer.id, { atMs: times[index] ?? SEED_NOW_MS, inSeconds }, operator, {
      stageType: 1,
      stageId: stage.id,
      stageName: stage.name,
      oldStageName: previous,
      remark: '',
    });
    previous = stage.name;
    customer.stageId = stage.id;
    customer.stageType = 1;
  });
}

// ---- fixtures ----

function seedFixture(state: SobotState, fixture: FixtureCustomer) {
  const liable = fixture.liableAgent ? agentNamed(fixture.liableAgent) : undefined;
  const createdMs = SEED_NOW_MS - 120 * DAY_MS + (state.customers.size + 1) * 3_600_000;
  const exFields: Record<string, string> = {};
  for (const [variable, value] of Object.entries(fixture.fields ?? {})) {
    const field = fieldByVariable(variable);
    exFields[field.field_id] = storedFieldValue(field, value);
  }
  const customer: CustomerRecord = {
    id: fixture.id,
    pid: COMPANY_ID,
    nick: fixture.nick,
    uname: fixture.uname,
    email: fixture.email,
    tel: fixture.tel,
    sex: fixture.sex,
    crm_status: liable ? 3 : 2,
    liable_serviceid: liable?.id,
    liable_service_name: liable?.name,
    ...regionFields(fixture.region),
    remark: fixture.remark,
    enterpriseid: fixture.company ? stableId('enterprise', fixture.company) : undefined,
    enterprise_name: fixture.company,
    is_vip: fixture.isVip ? '1' : '0',
    vip_level: fixture.isVip ? '黄金VIP' : undefined,
    user_status: 0,
    source: 0,
    status: 8,
    create_type: 1,
    create_time: Math.floor(createdMs / 1000),
    create_serviceid: liable?.id,
    create_service_name: liable?.name,
    update_time: Math.floor((SEED_NOW_MS - DAY_MS) / 1000),
    update_user_id: liable?.id,
    update_user_name: liable?.name,
    ex_fields: exFields,
    labelIds: fixture.labels.map((label) => label.id),
  };
  state.customers.set(customer.id, customer);

  const operator = agentOperator(liable ?? API_AGENT);
  recordCreated(state, customer.id, { atMs: createdMs }, operator, creationData(customer));
  const stageTimes = fixture.stages.map((_, index) => createdMs + (index + 1) * 9 * DAY_MS);
  seedStages(state, customer, fixture.stages, stageTimes, operator);
  fixture.notes.forEach((note, index) => {
    recordNote(state, customer.id, { atMs: createdMs + (index + 1) * 9 * DAY_MS + 3_600_000 }, agentOperator(agentNamed(note.agent)), note.text);
  });
}

// ---- the generated crowd ----

function seedCrowd(state: SobotState, rng: Random) {
  const fixtureNames = new Set(Object.values(FIXTURE_CUSTOMERS).flatMap((fixture: FixtureCustomer) => [fixture.nick, fixture.uname ?? '']));
  const takenPhones = new Set<string>([
    ...UNKNOWN_PHONES,
    ...Object.values(FIXTURE_CUSTOMERS).map((fixture: FixtureCustomer) => (fixture.tel ?? '').replace(/\D/g, '').replace(/^86/, '')),
  ]);

  const uniqueMobile = () => {
    for (;;) {
      const digits = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!takenPhones.has(digits)) {
        takenPhones.add(digits);
        return digits;
      }
    }
  };
  const landline = () => {
    const area = rng.pick(LANDLINE_AREAS);
    const local = String(rng.int(area.length === 3 ? 20_000_000 : 2_000_000, area.length === 3 ? 89_999_999 : 8_999_999));
    return rng.chance(0.8) ? `${area}-${local}` : `(${area})${local}`;
  };
  // Agents typed numbers however they heard them; the API stores and searches the text as typed.
  const typedPhone = (): string => {
    const roll = rng.next();
    const mobile = uniqueMobile();
    if (roll < 0.68) return mobile;
    if (roll < 0.76) return `+86${mobile}`;
    if (roll < 0.79) return `+86 ${mobile}`;
    if (roll < 0.86) return `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;
    if (roll < 0.9) return `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`;
    if (roll < 0.97) return landline();
    return `${mobile},${landline()}`;
  };

  for (let index = 0; index < GENERATED_CUSTOMER_COUNT; index += 1) {
    const male = rng.chance(0.5);
    let surname: [string, string];
    let given: [string, string];
    do {
      surname = rng.pick(SURNAMES);
      given = rng.pick(male ? MALE_NAMES : FEMALE_NAMES);
    } while (fixtureNames.has(surname[0] + given[0]));
    const fullName = surname[0] + given[0];

    const nickRoll = rng.next();
    const nick =
      nickRoll < 0.65
        ? fullName
        : nickRoll < 0.8
          ? `${surname[0]}${male ? '先生' : '女士'}`
          : nickRoll < 0.92
            ? rng.pick(NICKNAMES)
            : `网页访客${rng.int(1000, 9999)}`;

    const createdMs = rng.int(EARLIEST_MS, SEED_NOW_MS - 2 * DAY_MS);
    const updatedMs = rng.int(createdMs, SEED_NOW_MS - 3_600_000);
    const status = rng.pick([1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4]);
    const liable = status === 3 || (status === 1 && rng.chance(0.3)) ? (rng.chance(0.06) ? API_AGENT : rng.pick(STAFF_AGENTS)) : undefined;
    const province = rng.chance(0.75) ? rng.pick(PROVINCES) : undefined;
    const city = province ? rng.pick(CITIES.filter((candidate) => candidate.provinceid === province.provinceid)) : undefined;
    const district = city ? rng.pick(DISTRICTS.filter((candidate) => candidate.cityid === city.cityid)) : undefined;
    const company = rng.chance(0.4)
      ? `${(city?.city_name ?? rng.pick(CITIES).city_name).replace(/市$/, '')}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_KINDS)}有限公司`
      : undefined;
    const robot = rng.chance(0.2) ? rng.pick(ROBOT_CREATORS) : undefined;
    const creator = robot ? undefined : (liable ?? rng.pick(AGENTS));
    const vip = rng.chance(0.15);

    const customer: CustomerRecord = {
      id: rng.hex(32),
      pid: COMPANY_ID,
      nick,
      uname: nick === fullName || rng.chance(0.6) ? fullName : undefined,
      email: rng.chance(0.55) ? email(rng, surname[1], given[1]) : undefined,
      tel: rng.chance(0.88) ? typedPhone() : undefined,
      qq: rng.chance(0.2) ? String(rng.int(100_000, 3_999_999_999)) : undefined,
      wx: rng.chance(0.3) ? (rng.chance(0.5) ? `wxid_${rng.hex(14)}` : `${surname[1]}${given[1]}${rng.int(80, 99)}`) : undefined,
      sex: rng.chance(0.9) ? (male ? 1 : 2) : undefined,
      crm_status: status,
      liable_serviceid: liable?.id,
      liable_service_name: liable?.name,
      ...regionFields(province && city && district ? [province.provinceid, city.cityid, district.areaid] : undefined),
      remark: rng.chance(0.25) ? rng.pick(REMARKS) : undefined,
      enterpriseid: company ? stableId('enterprise', company) : undefined,
      enterprise_name: company,
      is_vip: vip ? '1' : '0',
      vip_level: vip ? rng.pick(['普通VIP', '黄金VIP', '钻石VIP']) : undefined,
      user_status: rng.chance(0.03) ? 1 : 0,
      source: Number(rng.pick(SOURCES).value),
      status: 8,
      create_type: robot ? robot[0] : 1,
      create_time: Math.floor(createdMs / 1000),
      create_serviceid: creator?.id,
      create_service_name: creator?.name,
      update_time: Math.floor(updatedMs / 1000),
      update_user_id: (liable ?? creator)?.id,
      update_user_name: (liable ?? creator)?.name,
      partnerid: rng.chance(0.1) ? `wmzcrEDAAA${rng.hex(22)}` : undefined,
      visitorids: rng.chance(0.3) ? rng.hex(32) : undefined,
      wx_build_unionid: rng.chance(0.15) ? `or-MA5${rng.hex(22)}` : undefined,
      ex_fields: crowdFields(rng),
      labelIds: crowdLabels(rng),
    };
    state.customers.set(customer.id, customer);
    seedCrowdTimeline(state, rng, customer, createdMs, liable, robot);
  }
}

function email(rng: Random, surname: string, given: string): string {
  const roll = rng.next();
  if (roll < 0.25) return `${rng.int(100_000, 3_999_999_999)}@qq.com`;
  if (roll < 0.5) return `${surname}${given}${rng.int(1, 99)}@${rng.pick(MAIL_DOMAINS)}`;
  if (roll < 0.7) return `${given}.${surname}@${rng.pick(MAIL_DOMAINS)}`;
  if (roll < 0.85) return `${surname}_${given}${rng.int(1970, 2005)}@${rng.pick(MAIL_DOMAINS)}`;
  // Some were typed with capitals and kept that way.
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return `${capital(surname)}${capital(given)}@${rng.pick(MAIL_DOMAINS)}`;
}

/** A plausible 18-digit resident id with a correct check digit (GB 11643). */
function residentId(rng: Random): string {
  const district = rng.pick(DISTRICTS).areaid;
  const birth = `${rng.int(1965, 2002)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = district + birth + String(rng.int(0, 999)).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

function crowdFields(rng: Random): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of CUSTOM_FIELDS) {
    if (field.field_status !== 1 || !rng.chance(0.35)) continue;
    const options = field.cus_field_data_info_list ?? [];
    switch (field.field_type) {
      case 1:
        values[field.field_id] = residentId(rng);
        break;
      case 2:
        values[field.field_id] = rng.pick(NEEDS);
        break;
      case 3:
        values[field.field_id] = `${rng.int(1965, 2002)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        break;
      case 4:
        values[field.field_id] = rng.pick(['09:30', '10:00', '14:00', '15:30', '19:30']);
        break;
      case 5:
        values[field.field_id] = String(rng.int(5, 5000) * 100);
        break;
      case 6:
      case 8:
        values[field.field_id] = rng.pick(options).data_value;
        break;
      case 7:
        values[field.field_id] = rng
          .sample(options, rng.int(1, 3))
          .map((option) => option.data_value)
          .join(',');
        break;
      case 9: {
        const top = rng.pick(options.filter((option) => !option.parent_data_id));
        const child = rng.pick(options.filter((option) => option.parent_data_id === top.data_id));
        values[field.field_id] = `${top.data_value},${child.data_value}`;
        break;
      }
    }
  }
  return values;
}

function crowdLabels(rng: Random): string[] {
  return LABEL_GROUP_SEEDS.flatMap((group) => {
    if (!rng.chance(group.multiple ? 0.35 : 0.45)) return [];
    const names = group.multiple ? rng.sample(group.labels, rng.int(1, 2)) : [rng.pick(group.labels)];
    return names.map((name) => labelId(group.name, name));
  });
}

function seedCrowdTimeline(
  state: SobotState,
  rng: Random,
  customer: CustomerRecord,
  createdMs: number,
  liable: Agent | undefined,
  robot: [number, string] | undefined,
) {
  const creator = robot ? robotOperator(robot[1], robot[0]) : agentOperator(liable ?? rng.pick(AGENTS));
  recordCreated(state, customer.id, { atMs: createdMs }, creator, creationData(customer));
  const staff = agentOperator(liable ?? rng.pick(STAFF_AGENTS));
  const between = (from: number) => rng.int(from, SEED_NOW_MS - 3_600_000);

  if (liable) {
    recordFieldsChanged(
      state,
      customer.id,
      { atMs: between(createdMs) },
      agentOperator(API_AGENT),
      [{ field: 'liableServiceName', name: '负责人', value: liable.name, oldValue: null }],
      'user_assign',
    );
  }
  if (customer.labelIds.length > 0 && rng.chance(0.4)) {
    const names = customer.labelIds.map((id) => state.labels.find((label) => label.id === id)?.name ?? '');
    recordFieldsChanged(
      state,
      customer.id,
      { atMs: between(createdMs), inSeconds: rng.chance(0.5) },
      staff,
      [{ field: 'bizLabel', name: '业务标签', value: names.join(','), oldValue: null }],
      'user_label_update',
    );
  }

  if (rng.chance(0.65)) {
    const reached = rng.pick([0, 0, 1, 1, 1, 2, 2, 3, 4]);
    const names = STAGES.slice(0, reached + 1).map((stage) => stage.name);
    const times: number[] = [];
    let at = createdMs;
    for (let step = 0; step < names.length; step += 1) {
      at = rng.int(at + 3_600_000, at + (SEED_NOW_MS - at) / 3);
      times.push(at);
    }
    seedStages(state, customer, names, times, staff, rng);
    if (rng.chance(0.12)) {
      const result = reached === 4 ? 21 : rng.pick([22, 23]);
      const current = STAGES[reached];
      recordStageChange(state, customer.id, { atMs: rng.int(at + 3_600_000, SEED_NOW_MS - 1000), inSeconds: true }, staff, {
        stageType: result,
        stageId: current?.id ?? null,
        stageName: null,
        oldStageName: current?.name ?? null,
        remark: result === 21 ? '' : rng.pick(['预算不足', '选择了竞品', '联系不上']),
      });
      customer.stageType = result;
    }
  }

  for (let count = rng.int(0, 3); count > 0; count -= 1) {
    recordNote(state, customer.id, { atMs: between(createdMs), inSeconds: rng.chance(0.4) }, staff, rng.pick(NOTES), rng.chance(0.1));
  }
  for (let count = rng.int(0, 2); count > 0; count -= 1) {
    const source = sourceName(customer.source) || '桌面网站';
    recordCustomerActivity(
      state,
      customer.id,
      { atMs: between(createdMs), inSeconds: rng.chance(0.5) },
      'user_chat',
      {
        channel: source,
        summary: rng.pick(CHAT_SUMMARIES),
        sessionId: rng.hex(32),
      },
      rng.chance(0.1),
    );
  }
  for (let count = rng.int(0, 2); count > 0; count -= 1) {
    const [pageTitle, pageUrl] = rng.pick(VISITED_PAGES);
    recordCustomerActivity(state, customer.id, { atMs: between(createdMs) }, 'user_visit', { pageTitle, pageUrl });
  }
}
