// Zod schemas of Sobot's wire format, tolerant of what the document does inconsistently (numbers as
// strings and back, camelCase and snake_case spellings, JSON strings in place of objects). Only
// lib/crm/sobot/ imports this; nothing parsed here leaves the folder unmapped.
import * as z from 'zod/mini';

/** A field the document declares String but sends as a number, or the other way round. */
export const looseString = z.pipe(
  z.union([z.string(), z.number(), z.boolean()]),
  z.transform((value) => String(value)),
);
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

export const envelope = z.looseObject({
  ret_code: looseString,
  ret_msg: maybe(z.string()),
});

export const tokenItem = z.object({
  token: z.string().check(z.minLength(1)),
  expires_in: looseString,
});

export const pageFields = z.looseObject({
  page_no: maybe(looseString),
  page_count: maybe(looseString),
  total_count: maybe(looseString),
});

/**
 * Both spellings of a customer record (list items are snake_case, the detail item camelCase with every
 * value a string) read through one schema after keys are folded: lowercase, underscores removed.
 */
export const foldedCustomer = z.looseObject({
  id: looseString,
  nick: maybe(looseString),
  uname: maybe(looseString),
  email: maybe(looseString),
  tel: maybe(looseString),
  qq: maybe(looseString),
  wx: maybe(looseString),
  sex: maybe(looseString),
  proviceid: maybe(looseString),
  provicename: maybe(looseString),
  cityid: maybe(looseString),
  cityname: maybe(looseString),
  areaid: maybe(looseString),
  areaname: maybe(looseString),
  remark: maybe(looseString),
  enterprisename: maybe(looseString),
  isvip: maybe(looseString),
  viplevel: maybe(looseString),
  crmstatus: maybe(looseString),
  liableserviceid: maybe(looseString),
  liableservicename: maybe(looseString),
  source: maybe(looseString),
  createtime: maybe(looseString),
  updatetime: maybe(looseString),
  updateusername: maybe(looseString),
  bizlabel: maybe(looseString),
  exfieldstr: maybe(z.union([z.string(), z.array(z.unknown())])),
});
export type FoldedCustomer = z.infer<typeof foldedCustomer>;

export const exField = z.looseObject({
  fieldid: looseString,
  field_value: maybe(looseString),
  field_text: maybe(looseString),
  field_type: maybe(looseString),
});

export function foldKeys(record: unknown): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const folded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const foldedKey = key.toLowerCase().replaceAll('_', '');
    // The snake_case spelling wins when a record carries both.
    if (!(foldedKey in folded) || key.includes('_')) folded[foldedKey] = value;
  }
  return folded;
}

export const labelGroupItem = z.looseObject({
  id: looseString,
  name: looseString,
  color_value: maybe(z.string()),
  is_multiple_choice: maybe(looseString),
  status: maybe(looseString),
});

export const labelItem = z.looseObject({
  id: looseString,
  name: looseString,
  groupid: maybe(looseString),
  status: maybe(looseString),
});

export const userLabelsItem = z.looseObject({
  userid: looseString,
  label_set: maybe(z.array(z.looseObject({ id: looseString, name: looseString, color_value: maybe(z.string()) }))),
});

export const stageItem = z.looseObject({
  id: looseString,
  name: looseString,
  sortnum: maybe(looseString),
});

export const dynamicItem = z.looseObject({
  id: looseString,
  biz_type: maybe(looseString),
  biz_time: maybe(looseString),
  biz_content: maybe(z.union([z.string(), z.record(z.string(), z.unknown())])),
  create_time: maybe(looseString),
});
export type DynamicItem = z.infer<typeof dynamicItem>;

export const sourceItem = z.looseObject({ value: looseString, label: looseString });

export const customFieldItem = z.looseObject({
  field_id: looseString,
  field_name: looseString,
  field_type: looseString,
  fill_flag: maybe(looseString),
  field_status: maybe(looseString),
  cus_field_data_info_list: maybe(
    z.array(
      z.looseObject({
        data_value: looseString,
        data_name: looseString,
        // Cascade options only: each option's id and the id of the option one level up (null at the top).
        data_id: maybe(looseString),
        parent_data_id: maybe(looseString),
      }),
    ),
  ),
});
