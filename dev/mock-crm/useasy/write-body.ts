// Reads the body of crm/add and crm/update into the changes to store, refusing what the real API would
// refuse: contact lists that are not [{value, memo}], option values the field does not offer, cascade
// paths that leave the tree or stop short of its fill level. Keys the document does not name are
// ignored, as a Java DTO ignores them. Mock-only; the routes import it.
import { FIELDS, type CascadeNode, type FieldVO } from './fields';
import type { ContactEntry } from './state';

export type WriteResult = { changes: Record<string, unknown> } | { error: string };

const CONTACT_KEYS = ['mobile', 'email', 'qq', 'wechat'] as const;
const TEXT_KEYS = ['visitorId', 'assignTime', 'createMethod'] as const;
const CHINA_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const customFields = () => FIELDS.filter((field) => !field.isSystem && field.status === 1);

function contactList(key: string, raw: unknown): ContactEntry[] | string {
  if (raw === null) return [];
  if (!Array.isArray(raw)) return `${key}格式错误,应为[{"value":"","memo":""}]`;
  const entries: ContactEntry[] = [];
  for (const entry of raw) {
    const { value, memo } = (entry ?? {}) as { value?: unknown; memo?: unknown };
    if (typeof entry !== 'object' || typeof value !== 'string' || value.trim() === '') {
      return `${key}格式错误,应为[{"value":"","memo":""}]`;
    }
    if (memo !== undefined && memo !== null && typeof memo !== 'string') return `${key}.memo应为字符串`;
    if (key === 'email' && !EMAIL.test(value.trim())) return `邮箱格式错误: ${value}`;
    entries.push({ value: value.trim(), memo: typeof memo === 'string' ? memo : '' });
  }
  return entries;
}

/** Whether the path follows the tree and reaches `fillLevel` levels, or a leaf before them. */
function isCascadePath(nodes: readonly CascadeNode[] | undefined, path: readonly unknown[], fillLevel: number): boolean {
  if (path.length === 0) return fillLevel <= 0 || !nodes?.length;
  const node = nodes?.find((candidate) => candidate.key === path[0]);
  return node !== undefined && isCascadePath(node.children, path.slice(1), fillLevel - 1);
}

/** The value to store for a custom field, `undefined` to clear it, or an error message. */
function customValue(field: FieldVO, raw: unknown): { value: unknown } | { error: string } {
  const refuse = { error: `字段${field.name}(${field.field})的值无效` };
  if (raw === null || raw === '') return { value: undefined };
  const keys = field.choices?.map((choice) => choice.key) ?? [];
  switch (field.type) {
    case 'select':
    case 'radio':
      return typeof raw === 'string' && keys.includes(raw) ? { value: raw } : refuse;
    case 'checkbox':
      if (!Array.isArray(raw) || !raw.every((key) => typeof key === 'string' && keys.includes(key))) return refuse;
      return { value: raw.length ? [...new Set(raw)] : undefined };
    case 'cascade':
      if (!Array.isArray(raw) || raw.length > (field.options?.level ?? 0)) return refuse;
      if (raw.length === 0) return { value: undefined };
      // 几级必填: a value must reach fillLevel levels where the tree has them.
      return isCascadePath(field.options?.children, raw, field.options?.fillLevel ?? 0) ? { value: raw } : refuse;
    case 'number':
      return (typeof raw === 'number' && Number.isFinite(raw)) || (typeof raw === 'string' && Number.isFinite(Number(raw))) ? { value: raw } : refuse;
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? { value: raw } : refuse;
    default:
      return typeof raw === 'string' || typeof raw === 'number' ? { value: String(raw) } : refuse;
  }
}

/** The changes a body asks for; `undefined` values mean "remove the key". */
export function readWriteBody(body: Record<string, unknown>): WriteResult {
  const changes: Record<string, unknown> = {};
  if ('customerName' in body) {
    const name = body.customerName;
    if (typeof name !== 'string' || name.trim() === '') return { error: 'customerName不能为空' };
    changes.customerName = name.trim();
  }
  for (const key of CONTACT_KEYS) {
    if (!(key in body)) continue;
    const list = contactList(key, body[key]);
    if (typeof list === 'string') return { error: list };
    changes[key] = list;
  }
  for (const key of TEXT_KEYS) {
    if (!(key in body)) continue;
    const value = body[key];
    if (value !== null && typeof value !== 'string') return { error: `${key}应为字符串` };
    if (key === 'assignTime' && value && !CHINA_TIME.test(value)) return { error: 'assignTime格式应为yyyy-MM-dd HH:mm:ss' };
    changes[key] = value || undefined;
  }
  if ('customerSource' in body) {
    const sources = body.customerSource;
    if (sources !== null && !(Array.isArray(sources) && sources.every((source) => typeof source === 'string'))) {
      return { error: 'customerSource应为字符串数组' };
    }
    changes.customerSource = sources ?? [];
  }
  if ('owner' in body) {
    const owner = body.owner;
    if (owner !== null && typeof owner !== 'string' && typeof owner !== 'number') return { error: 'owner应为坐席id' };
    changes.owner = owner === null || owner === '' ? undefined : String(owner);
  }
  for (const field of customFields()) {
    if (!(field.field in body)) continue;
    const read = customValue(field, body[field.field]);
    if ('error' in read) return read;
    changes[field.field] = read.value;
  }
  return { changes };
}
