// crm/list's search conditions: `{field, operator, value: [...]}`, all of which must hold. `eq` matches a
// record whose field holds any of the values (a contact list by its entries' value, a list by its
// items); `empty` matches an absent, null, blank or empty-list field. Mock-only; the list route imports it.
import type { CustomerRecord } from './state';

const OPERATORS = ['eq', 'empty'] as const;
type Operator = (typeof OPERATORS)[number];

export interface Condition {
  field: string;
  operator: Operator;
  values: string[];
}

const scalarText = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** The texts a stored value can be matched by. */
function storedTexts(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const text = scalarText(item) ?? scalarText((item as { value?: unknown } | null)?.value);
      return text === undefined ? [] : [text];
    });
  }
  const text = scalarText(value);
  return text === undefined ? [] : [text];
}

export function matches(record: CustomerRecord, condition: Condition): boolean {
  const texts = storedTexts(record[condition.field]).filter((text) => text.trim() !== '');
  if (condition.operator === 'empty') return texts.length === 0;
  return texts.some((text) => condition.values.includes(text));
}

/** Reads `search` from a list body: the conditions, or an error message. */
export function readConditions(search: unknown): Condition[] | string {
  if (search === undefined || search === null) return [];
  if (!Array.isArray(search)) return 'search应为数组';
  const conditions: Condition[] = [];
  for (const entry of search) {
    const { field, operator, value } = (entry ?? {}) as { field?: unknown; operator?: unknown; value?: unknown };
    if (typeof field !== 'string' || field === '') return 'search.field不能为空';
    if (!OPERATORS.includes(operator as Operator)) return `不支持的operator: ${String(operator)}`;
    if (value !== undefined && value !== null && !Array.isArray(value)) return 'search.value应为数组';
    conditions.push({ field, operator: operator as Operator, values: storedTexts(value ?? []) });
  }
  return conditions;
}
