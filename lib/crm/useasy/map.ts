// Maps parsed Useasy wire records to the domain of lib/crm/domain.ts. Pure functions; only the Useasy
// backend imports them. Unknown or missing values become undefined, never a guess.
import * as z from 'zod/mini';
import type { CascadeOption, Customer, CustomFieldDefinition, CustomFieldOption, CustomFieldType, CustomFieldValue } from '../domain';
import { cascadeNode, choice, isTrue, type ContactEntry, type CustomerRecord, type FieldDefinition } from './wire';

const CHINA_OFFSET_MS = 8 * 3600_000;
const CHINA_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** "YYYY-MM-DD HH:mm:ss" in UTC+8 (seconds optional) to epoch milliseconds; anything else is undefined. */
export function chinaTimeToEpochMs(value: string | null | undefined): number | undefined {
  const match = value?.trim().match(CHINA_TIME);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - CHINA_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Custom-field values travel as extra keys of the customer record, named by the field's generated id:
 * `<type>_<4 characters>_<13-digit creation ms>`, like the document's "text_6ts9_1687316347239". The shape
 * tells them apart from system keys without a second request for the definitions.
 */
const CUSTOM_FIELD_KEY = /^[A-Za-z]+_[0-9A-Za-z]{4}_\d{13}$/;

const nonEmpty = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value);

const valuesOf = (entries: ContactEntry[] | null | undefined) => (entries ?? []).map((entry) => entry.value.trim()).filter(Boolean);

const scalar = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** One stored value: a scalar as is, a list (checkbox, cascade path) comma-joined like the domain wants. */
function toFieldValue(fieldId: string, raw: unknown): CustomFieldValue | undefined {
  if (Array.isArray(raw)) {
    const entries = raw.flatMap((entry) => {
      const direct = scalar(entry);
      if (direct !== undefined) return [{ key: direct, text: undefined }];
      const parsed = z.safeParse(choice, entry);
      return parsed.success ? [{ key: parsed.data.key, text: nonEmpty(parsed.data.value) }] : [];
    });
    const texts = entries.map((entry) => entry.text);
    return {
      fieldId,
      value: entries.map((entry) => entry.key).join(','),
      text: texts.every((text) => text !== undefined) && texts.length > 0 ? texts.join(',') : undefined,
    };
  }
  const value = scalar(raw);
  return value === undefined ? undefined : { fieldId, value };
}

export function customFieldValues(record: Record<string, unknown>): CustomFieldValue[] {
  return Object.entries(record).flatMap(([key, raw]) => {
    if (!CUSTOM_FIELD_KEY.test(key)) return [];
    const value = toFieldValue(key, raw);
    return value ? [value] : [];
  });
}

export function customerIdOf(record: CustomerRecord): string | undefined {
  return nonEmpty(record._id) ?? nonEmpty(record.id);
}

/** Useasy has one name per customer: it is the nick; there is no separate real name or company. */
export function toCustomer(record: CustomerRecord & { _id: string }): Customer {
  const [qq] = valuesOf(record.qq);
  const [wechat] = valuesOf(record.wechat);
  const owner = nonEmpty(record.owner);
  const sources = typeof record.customerSource === 'string' ? [record.customerSource] : (record.customerSource ?? []);
  return {
    id: record._id,
    nick: nonEmpty(record.customerName) ?? '',
    phones: valuesOf(record.mobile),
    emails: valuesOf(record.email),
    qq,
    wechat,
    vip: false,
    // The API names owners by id only; no endpoint turns the id into a name.
    liableAgent: owner ? { id: owner, name: '' } : undefined,
    sourceCode: nonEmpty(
      sources
        .map((source) => source.trim())
        .filter(Boolean)
        .join('、'),
    ),
    region: {},
    createdAt: chinaTimeToEpochMs(record.createTime),
    updatedAt: chinaTimeToEpochMs(record.updateTime),
    labelIds: [],
    customFields: customFieldValues(record),
  };
}

const FIELD_TYPES: Record<string, CustomFieldType> = {
  text: 'text',
  input: 'text',
  textarea: 'textarea',
  number: 'number',
  date: 'date',
  datetime: 'time',
  time: 'time',
  select: 'select',
  dropdown: 'select',
  radio: 'radio',
  checkbox: 'checkbox',
  multiselect: 'checkbox',
  cascade: 'cascade',
  cascader: 'cascade',
};

/** The document names only "text"; other names map by table, then by the options a field carries. */
function fieldType(item: FieldDefinition): CustomFieldType {
  const named = FIELD_TYPES[(item.type ?? '').toLowerCase()];
  if (named) return named;
  if (item.options?.children?.length) return 'cascade';
  if (item.choices?.length) return 'select';
  return 'text';
}

function choiceOptions(choices: unknown[] | null | undefined): CustomFieldOption[] {
  return (choices ?? []).flatMap((entry) => {
    const parsed = z.safeParse(choice, entry);
    return parsed.success ? [{ value: parsed.data.key, name: parsed.data.value ?? parsed.data.key }] : [];
  });
}

/** The cascade tree as the domain keeps it; a malformed node drops only its own branch. */
function cascadeTree(children: unknown[] | null | undefined): CascadeOption[] {
  return (children ?? []).flatMap((entry) => {
    const parsed = z.safeParse(cascadeNode, entry);
    if (!parsed.success) return [];
    const { key, value, children: below } = parsed.data;
    return [{ value: key, name: value ?? key, children: cascadeTree(below) }];
  });
}

/** Every level's options in one list, depth first, for naming stored values. */
function flattenCascade(tree: readonly CascadeOption[]): CustomFieldOption[] {
  return tree.flatMap(({ value, name, children }) => [{ value, name }, ...flattenCascade(children)]);
}

/**
 * The agent-editable custom fields, by `sort`: system fields (isSystem) are the customer's own fields,
 * and status 0 (disabled) or -1 (deleted) fields take no values.
 */
export function toFieldDefinitions(items: FieldDefinition[]): CustomFieldDefinition[] {
  return items
    .filter((item) => !isTrue(item.isSystem) && (item.status === undefined || item.status === null || item.status === '1'))
    .map((item, index) => ({ item, order: Number.isFinite(Number(item.sort ?? NaN)) ? Number(item.sort) : index }))
    .sort((a, b) => a.order - b.order)
    .map(({ item }) => {
      const type = fieldType(item);
      const common = { id: item.field, name: nonEmpty(item.name) ?? item.field, type, required: isTrue(item.required) };
      if (type !== 'cascade') return { ...common, options: choiceOptions(item.choices) };
      const tree = cascadeTree(item.options?.children);
      const fillLevel = Math.max(0, Math.floor(Number(item.options?.fillLevel ?? 0)) || 0);
      return { ...common, options: flattenCascade(tree), cascade: { tree, fillLevel } };
    });
}
