// Renders a custom field's stored value by its type: option values become option names (comma-joined
// values for checkboxes and cascades, a cascade named along its tree), everything else is shown as
// stored; and walks a cascade level by level for its linked selects. Pure; the panel imports it.
import type { CascadeOption, CustomFieldDefinition, CustomFieldOption, CustomFieldType, CustomFieldValue } from './domain';

const OPTION_TYPES: ReadonlySet<CustomFieldType> = new Set(['select', 'radio', 'checkbox', 'cascade']);

export interface DisplayedField {
  id: string;
  name: string;
  type: CustomFieldType;
  text: string;
}

const pathOf = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export interface CascadeLevel {
  /** The options offered at this level: the children of the option chosen one level up. */
  options: readonly CustomFieldOption[];
  /** The value chosen at this level, '' when none. */
  chosen: string;
}

/**
 * The linked selects of a cascade holding `value`: one level per chosen option, plus the next level while
 * the last chosen option has children. A stored step the tree does not know ends the walk.
 */
export function cascadeLevels(tree: readonly CascadeOption[], value: string): CascadeLevel[] {
  const levels: CascadeLevel[] = [];
  let offered: readonly CascadeOption[] = tree;
  for (const step of pathOf(value)) {
    const chosen = offered.find((option) => option.value === step);
    if (!chosen) break;
    levels.push({ options: offered, chosen: step });
    offered = chosen.children;
  }
  if (offered.length > 0) levels.push({ options: offered, chosen: '' });
  return levels;
}

/** The cascade's value after the agent chose `chosen` at `level` (0-based): the levels below are dropped. */
export function chooseCascadeLevel(value: string, level: number, chosen: string): string {
  return [...pathOf(value).slice(0, level), chosen].filter(Boolean).join(',');
}

/**
 * Whether a cascade value stops short of the field's fillLevel where the tree goes deeper. An empty
 * value is not short here: whether one is allowed is the field's `required`.
 */
export function cascadeStopsShort(definition: CustomFieldDefinition, value: string): boolean {
  if (!definition.cascade || pathOf(value).length === 0) return false;
  const levels = cascadeLevels(definition.cascade.tree, value);
  const reached = levels.filter((level) => level.chosen !== '').length;
  const deeper = levels.some((level) => level.chosen === '');
  return deeper && reached < definition.cascade.fillLevel;
}

/** The names along a stored cascade path; undefined when a step is not in the tree. */
function cascadeNames(tree: readonly CascadeOption[], value: string): string[] | undefined {
  const names: string[] = [];
  let offered = tree;
  for (const step of pathOf(value)) {
    const chosen = offered.find((option) => option.value === step);
    if (!chosen) return undefined;
    names.push(chosen.name);
    offered = chosen.children;
  }
  return names;
}

function optionText(definition: CustomFieldDefinition, value: string, fallback: string | undefined): string {
  // Along the tree first: two branches may reuse an option value.
  const alongTree = definition.cascade && cascadeNames(definition.cascade.tree, value);
  if (alongTree?.length) return alongTree.join(' / ');
  const names = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => definition.options.find((option) => option.value === part)?.name);
  if (names.length === 0) return '';
  if (names.some((name) => name === undefined)) return fallback ?? value;
  return names.join(definition.type === 'cascade' ? ' / ' : '、');
}

export function displayField(definition: CustomFieldDefinition, stored: CustomFieldValue | undefined): DisplayedField {
  const value = stored?.value ?? '';
  const text = OPTION_TYPES.has(definition.type) ? optionText(definition, value, stored?.text) : value;
  return { id: definition.id, name: definition.name, type: definition.type, text };
}

/** Every defined field in definition order, with the customer's value rendered (empty when unset). */
export function displayFields(definitions: CustomFieldDefinition[], values: CustomFieldValue[]): DisplayedField[] {
  const byId = new Map(values.map((value) => [value.fieldId, value]));
  return definitions.map((definition) => displayField(definition, byId.get(definition.id)));
}
