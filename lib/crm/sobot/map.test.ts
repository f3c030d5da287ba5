import { describe, expect, it } from 'vitest';
import { toFieldDefinition } from './map';

describe('a Sobot type-9 (cascade) field', () => {
  const option = (data_id: string, data_value: string, data_name: string, parent_data_id: string | null) => ({
    data_id,
    data_value,
    data_name,
    parent_data_id,
  });

  it('becomes a tree by parent_data_id, for linked selects, and keeps the flat list for naming values', () => {
    const field = toFieldDefinition({
      field_id: 'f9',
      field_name: '意向区域',
      field_type: '9',
      fill_flag: '1',
      cus_field_data_info_list: [
        option('a', '100', '华东', null),
        option('b', '101', '上海', 'a'),
        option('c', '102', '华南', null),
        option('d', '103', '广州', 'c'),
        // A cycle in the CRM's data must not hang the panel.
        option('x', '104', '甲', 'y'),
        option('y', '105', '乙', 'x'),
      ],
    });
    expect(field.required).toBe(true);
    expect(field.options).toHaveLength(6);
    expect(field.cascade).toEqual({
      fillLevel: 0,
      tree: [
        { value: '100', name: '华东', children: [{ value: '101', name: '上海', children: [] }] },
        { value: '102', name: '华南', children: [{ value: '103', name: '广州', children: [] }] },
      ],
    });
  });

  it('is one level of options when the CRM sends no parents, as the document’s example does', () => {
    const field = toFieldDefinition({
      field_id: 'f9',
      field_name: '区域',
      field_type: '9',
      cus_field_data_info_list: [{ data_value: '1', data_name: '华东' }],
    });
    expect(field.cascade?.tree).toEqual([{ value: '1', name: '华东', children: [] }]);
  });

  it('gives other types no tree', () => {
    expect(toFieldDefinition({ field_id: 'f6', field_name: '行业', field_type: '6', cus_field_data_info_list: [] }).cascade).toBeUndefined();
  });
});
