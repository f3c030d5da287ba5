import { describe, expect, it } from 'vitest';
import { displayField, displayFields } from './custom-fields';
import type { CustomFieldDefinition, CustomFieldType } from './domain';

const options = [
  { value: '101', name: '苹果' },
  { value: '102', name: '香蕉' },
  { value: '103', name: '西瓜' },
];
const field = (type: CustomFieldType, withOptions = false): CustomFieldDefinition => ({ id: type, name: type, type, required: false, options: withOptions ? options : [] });

describe('displayField', () => {
  it.each([
    ['text', false, 'VIP 客户', 'VIP 客户'],
    ['textarea', false, '第一行\n第二行', '第一行\n第二行'],
    ['date', false, '2024-03-15', '2024-03-15'],
    ['time', false, '14:30', '14:30'],
    ['number', false, '34534', '34534'],
    ['select', true, '102', '香蕉'],
    ['radio', true, '101', '苹果'],
    ['checkbox', true, '101,103', '苹果、西瓜'],
    ['cascade', true, '101,102', '苹果 / 香蕉'],
  ] as const)('renders a %s field', (type, withOptions, value, text) => {
    expect(displayField(field(type, withOptions), { fieldId: type, value }).text).toBe(text);
  });

  it('falls back to the CRM’s own text when an option is no longer defined', () => {
    expect(displayField(field('select', true), { fieldId: 'select', value: '999', text: '已删除的选项' }).text).toBe('已删除的选项');
  });

  it('lists every defined field in order, empty when the customer has no value', () => {
    const shown = displayFields([field('text'), field('select', true)], [{ fieldId: 'select', value: '103' }]);
    expect(shown.map((entry) => entry.text)).toEqual(['', '西瓜']);
  });
});
