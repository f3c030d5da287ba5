// Zod schemas of Useasy's wire format, tolerant where the document is vague: scalars as strings or
// numbers, fields missing or null, a contact list entry as {value, memo} or a bare string. Only
// lib/crm/useasy/ imports this; nothing parsed here leaves the folder unmapped. Ids stay strings.
import * as z from 'zod/mini';

/** A field the document declares String that might arrive as a number, or the other way round. */
const looseString = z.pipe(
  z.union([z.string(), z.number(), z.boolean()]),
  z.transform((value) => String(value)),
);
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** `{ success, message, code, data, traceId? }`; `code` is a string ("200") in every example. */
export const envelope = z.looseObject({
  success: maybe(z.union([z.boolean(), z.string()])),
  code: maybe(looseString),
  message: maybe(looseString),
  data: z.optional(z.unknown()),
  traceId: maybe(looseString),
});
export type Envelope = z.infer<typeof envelope>;

/** PhoneProperty, EmailProperty, QqProperty, WechatProperty: `{value, memo}`. */
const contactEntry = z.union([
  z.pipe(
    z.looseObject({ value: maybe(looseString), memo: maybe(looseString) }),
    z.transform((entry) => ({ value: entry.value ?? '', memo: entry.memo ?? '' })),
  ),
  z.pipe(
    looseString,
    z.transform((value) => ({ value, memo: '' })),
  ),
]);
export type ContactEntry = z.infer<typeof contactEntry>;

const contactList = maybe(z.array(contactEntry));

/** A customer as add, update, list and findById answer it. Custom-field values are extra keys. */
export const customerRecord = z.looseObject({
  _id: maybe(looseString),
  id: maybe(looseString),
  customerName: maybe(looseString),
  mobile: contactList,
  email: contactList,
  qq: contactList,
  wechat: contactList,
  owner: maybe(looseString),
  customerSource: maybe(z.union([z.array(looseString), looseString])),
  createTime: maybe(looseString),
  updateTime: maybe(looseString),
});
export type CustomerRecord = z.infer<typeof customerRecord>;

/** `data` of crm/list. `count` is the total of all pages. */
export const customerList = z.looseObject({
  list: maybe(z.array(z.unknown())),
  count: maybe(looseString),
});

/** ChoicesDubbo: `key` is what is stored, `value` what is shown. */
export const choice = z.looseObject({
  key: looseString,
  value: maybe(looseString),
  isDefault: maybe(z.union([z.boolean(), z.string()])),
});

/** ChildOptionDubbo; `children` is read node by node (map.ts), so one bad branch spoils nothing else. */
export const cascadeNode = z.looseObject({
  key: looseString,
  value: maybe(looseString),
  children: maybe(z.array(z.unknown())),
});

/** CustomerFieldVO from crm/config/field/list. */
export const fieldDefinition = z.looseObject({
  field: looseString,
  name: maybe(looseString),
  type: maybe(looseString),
  status: maybe(looseString),
  choices: maybe(z.array(z.unknown())),
  options: maybe(z.looseObject({ fillLevel: maybe(looseString), children: maybe(z.array(z.unknown())) })),
  sort: maybe(looseString),
  isSystem: maybe(z.union([z.boolean(), z.string()])),
  required: maybe(z.union([z.boolean(), z.string()])),
});
export type FieldDefinition = z.infer<typeof fieldDefinition>;

/** true, "true" and "1" are true; anything else, absent included, is false. */
export const isTrue = (value: boolean | string | null | undefined) => value === true || value === 'true' || value === '1';
