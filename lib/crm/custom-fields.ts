// Renders a custom field's stored value by its type: option values become option names (comma-joined
// values for checkboxes and cascades), everything else is shown as stored. Pure; the panel imports it.
import type { CustomFieldDefinition, CustomFieldType, CustomFieldValue } from './domain';

const OPTION_TYPES: ReadonlySet<CustomFieldType> = new Set(['select', 'radio', 'checkbox', 'cascade']);

export interface DisplayedField {
  id: string;
  name: string;
  type: CustomFieldType;
  text: string;
}

function optionText(definition: CustomFieldDefinition, value: string, fallback: string | undefined): string {
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
