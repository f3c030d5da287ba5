import { describe, expect, it } from 'vitest';
import { cascadeLevels, cascadeStopsShort, chooseCascadeLevel, displayField, displayFields } from './custom-fields';
import type { CustomFieldDefinition, CustomFieldType } from './domain';

const options = [
  { value: '101', name: '苹果' },
  { value: '102', name: '香蕉' },
  { value: '103', name: '西瓜' },
];
const field = (type: CustomFieldType, withOptions = false): CustomFieldDefinition => ({
  id: type,
  name: type,
  type,
  required: false,
  options: withOptions ? options : [],
});

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

describe('a cascade, level by level', () => {
  // Two branches reuse the value "1", as a CRM may number each level from one.
  const tree = [
    {
      value: 'huadong',
      name: '华东',
      children: [
        { value: '1', name: '上海', children: [] },
        { value: 'hangzhou', name: '杭州', children: [{ value: 'xihu', name: '西湖区', children: [] }] },
      ],
    },
    { value: 'huanan', name: '华南', children: [{ value: '1', name: '广州', children: [] }] },
  ];
  const region: CustomFieldDefinition = {
    id: 'region',
    name: '所在地区',
    type: 'cascade',
    required: false,
    options: [],
    cascade: { tree, fillLevel: 2 },
  };

  it('offers at each level only the options under the one chosen above, and the next level while there is one', () => {
    expect(cascadeLevels(tree, '').map((level) => level.options.map((option) => option.name))).toEqual([['华东', '华南']]);
    const levels = cascadeLevels(tree, 'huadong,hangzhou');
    expect(levels.map((level) => [level.chosen, level.options.map((option) => option.name)])).toEqual([
      ['huadong', ['华东', '华南']],
      ['hangzhou', ['上海', '杭州']],
      ['', ['西湖区']],
    ]);
    expect(cascadeLevels(tree, 'huanan,1')).toHaveLength(2);
  });

  it('drops the levels below the one the agent changed, so no impossible path can be chosen', () => {
    expect(chooseCascadeLevel('huadong,hangzhou,xihu', 0, 'huanan')).toBe('huanan');
    expect(chooseCascadeLevel('huadong,hangzhou,xihu', 1, '')).toBe('huadong');
    expect(chooseCascadeLevel('huadong', 1, 'hangzhou')).toBe('huadong,hangzhou');
  });

  it('names a stored path along the tree, where a flat list would mix up reused values', () => {
    expect(
      displayField(
        {
          ...region,
          options: [
            { value: '1', name: '上海' },
            { value: 'huanan', name: '华南' },
            { value: '1', name: '广州' },
          ],
        },
        { fieldId: 'region', value: 'huanan,1' },
      ).text,
    ).toBe('华南 / 广州');
  });

  it('stops short of fillLevel only where the tree goes deeper', () => {
    expect(cascadeStopsShort(region, 'huadong')).toBe(true);
    expect(cascadeStopsShort(region, 'huadong,1')).toBe(false);
    expect(cascadeStopsShort({ ...region, cascade: { tree: [{ value: 'x', name: 'X', children: [] }], fillLevel: 2 } }, 'x')).toBe(false);
    expect(cascadeStopsShort(region, '')).toBe(false);
  });
});
