// Maps parsed Sobot wire records to the domain of lib/crm/domain.ts. Pure functions; only the Sobot
// backend imports them. Unknown or missing values become undefined, never a guess.
import type { CascadeOption, CrmStatus, Customer, CustomFieldDefinition, CustomFieldType, CustomFieldValue, LabelRef, Stage, TimelineEvent } from '../domain';
import * as z from 'zod/mini';
import { exField, type DynamicItem, type FoldedCustomer } from './wire';
import { STAGE_RESULTS } from './stage-types';

const CRM_STATUS: Record<string, CrmStatus> = {
  '1': 'first-contact',
  '2': 'unassigned',
  '3': 'following',
  '4': 'public-pool',
};

const FIELD_TYPES: Record<string, CustomFieldType> = {
  '1': 'text',
  '2': 'textarea',
  '3': 'date',
  '4': 'time',
  '5': 'number',
  '6': 'select',
  '7': 'checkbox',
  '8': 'radio',
  '9': 'cascade',
};

const nonEmpty = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value);

const splitList = (value: string | null | undefined) =>
  (value ?? '')
    .split(/[,;，；]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Sobot mixes Unix seconds and milliseconds; anything below 10^11 cannot be milliseconds after 1973. */
function toEpochMs(value: string | null | undefined): number | undefined {
  const number = Number(value);
  if (!value || !Number.isFinite(number) || number <= 0) return undefined;
  return number < 1e11 ? number * 1000 : number;
}

function parseFieldValues(raw: FoldedCustomer['exfieldstr']): CustomFieldValue[] {
  let entries: unknown = raw;
  if (typeof raw === 'string') {
    try {
      entries = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => {
    const parsed = z.safeParse(exField, entry);
    if (!parsed.success) return [];
    const { fieldid, field_value, field_text, field_type } = parsed.data;
    return [
      {
        fieldId: fieldid,
        type: field_type ? FIELD_TYPES[field_type] : undefined,
        value: field_value ?? '',
        text: nonEmpty(field_text),
      },
    ];
  });
}

export function toCustomer(record: FoldedCustomer): Customer {
  const liableId = nonEmpty(record.liableserviceid);
  const liableName = nonEmpty(record.liableservicename);
  return {
    id: record.id,
    nick: nonEmpty(record.nick) ?? nonEmpty(record.uname) ?? '',
    realName: nonEmpty(record.uname),
    phones: splitList(record.tel),
    emails: splitList(record.email),
    qq: nonEmpty(record.qq),
    wechat: nonEmpty(record.wx),
    sex: record.sex === '1' ? 'male' : record.sex === '2' ? 'female' : undefined,
    vip: record.isvip === '1',
    vipLevel: nonEmpty(record.viplevel),
    crmStatus: record.crmstatus ? CRM_STATUS[record.crmstatus] : undefined,
    liableAgent: liableId || liableName ? { id: liableId ?? '', name: liableName ?? '' } : undefined,
    sourceCode: nonEmpty(record.source),
    region: {
      provinceId: nonEmpty(record.proviceid),
      provinceName: nonEmpty(record.provicename),
      cityId: nonEmpty(record.cityid),
      cityName: nonEmpty(record.cityname),
      districtId: nonEmpty(record.areaid),
      districtName: nonEmpty(record.areaname),
    },
    company: nonEmpty(record.enterprisename),
    remark: nonEmpty(record.remark),
    createdAt: toEpochMs(record.createtime),
    updatedAt: toEpochMs(record.updatetime),
    updatedBy: nonEmpty(record.updateusername),
    labelIds: splitList(record.bizlabel),
    customFields: parseFieldValues(record.exfieldstr),
  };
}

export function toStages(items: { id: string; name: string; sortnum?: string | null }[]): Stage[] {
  return items.map((item, index) => ({ id: item.id, name: item.name, order: Number(item.sortnum ?? index) })).sort((a, b) => a.order - b.order);
}

interface SobotFieldOption {
  data_value: string;
  data_name: string;
  data_id?: string | null;
  parent_data_id?: string | null;
}

/**
 * A type-9 field's options as a tree, by parent_data_id. An option whose parent is unknown is a root; an
 * option met twice on one branch (a cycle in the CRM's data) is left out there.
 */
function cascadeTree(options: readonly SobotFieldOption[]): CascadeOption[] {
  const known = new Set(options.map((option) => option.data_id).filter(Boolean));
  const parentOf = (option: SobotFieldOption) => (option.parent_data_id && known.has(option.parent_data_id) ? option.parent_data_id : undefined);
  const below = (parent: string | undefined, above: ReadonlySet<string>): CascadeOption[] =>
    options
      .filter((option) => parentOf(option) === parent && !(option.data_id && above.has(option.data_id)))
      .map((option) => ({
        value: option.data_value,
        name: option.data_name,
        children: option.data_id ? below(option.data_id, new Set([...above, option.data_id])) : [],
      }));
  return below(undefined, new Set());
}

export function toFieldDefinition(item: {
  field_id: string;
  field_name: string;
  field_type: string;
  fill_flag?: string | null;
  cus_field_data_info_list?: SobotFieldOption[] | null;
}): CustomFieldDefinition {
  const type = FIELD_TYPES[item.field_type] ?? 'text';
  const options = item.cus_field_data_info_list ?? [];
  return {
    id: item.field_id,
    name: item.field_name,
    type,
    required: item.fill_flag === '1',
    options: options.map((option) => ({ value: option.data_value, name: option.data_name })),
    // Sobot declares no fill level: any depth will do, one level when the field is required.
    ...(type === 'cascade' ? { cascade: { tree: cascadeTree(options), fillLevel: 0 } } : {}),
  };
}

function contentOf(item: DynamicItem): Record<string, unknown> {
  const content = item.biz_content;
  if (typeof content !== 'string') return content ?? {};
  try {
    const parsed: unknown = JSON.parse(content);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // A plain-text biz_content is the note itself.
  }
  return { content };
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? nonEmpty(String(value)) : undefined);

export function toTimelineEvent(item: DynamicItem): TimelineEvent {
  const content = contentOf(item);
  const rawType = item.biz_type ?? '';
  const base = {
    id: item.id,
    rawType,
    at: toEpochMs(item.biz_time) ?? toEpochMs(item.create_time) ?? 0,
    actor: text(content.bizOperatorName) ?? text(content.bizOperatorTypeName),
  };
  if (rawType.includes('stage') && (content.stageId !== undefined || content.stageName !== undefined)) {
    const stageType = text(content.stageType) as keyof typeof STAGE_RESULTS | undefined;
    return {
      ...base,
      kind: 'stage',
      stage: {
        from: text(content.oldStageName),
        to: text(content.stageName) ?? text(content.stageTypeName),
        result: stageType ? STAGE_RESULTS[stageType] : undefined,
      },
    };
  }
  const note = text(content.content) ?? text(content.remark);
  if (note !== undefined && (rawType.includes('record') || rawType.includes('follow') || !content.datas)) {
    return { ...base, kind: 'note', text: note };
  }
  const changes = Array.isArray(content.datas)
    ? content.datas.flatMap((data: unknown) => {
        if (!data || typeof data !== 'object') return [];
        const entry = data as Record<string, unknown>;
        return [{ name: text(entry.name) ?? text(entry.field) ?? '', from: text(entry.oldValue), to: text(entry.value) }];
      })
    : [];
  return { ...base, kind: rawType === 'user_create' ? 'created' : changes.length ? 'fields' : 'other', changes };
}

export function toLabelRefs(items: { id: string; name: string; color_value?: string | null }[]): LabelRef[] {
  return items.map((item) => ({ id: item.id, name: item.name, color: nonEmpty(item.color_value) }));
}
