// The payload schemas more than one message (or the panel-presence port) shares, each string and array
// bounded: what the page scanner reports, a customer form, an agent's write, a panel's presence, label
// synonyms. Only the protocol table and the background import the schemas; pages import their types.
import * as z from 'zod/mini';
import { MAX_READING_CHARS } from '../contacts/page-reading';
import { MAX_LABEL_NAME_CHARS, MAX_SYNONYM_CHARS, MAX_SYNONYM_LABELS, MAX_SYNONYMS_PER_LABEL } from '../suggest/suggestion-settings';
import type { PanelPresence } from './panel-presence';

export const text = (max: number) => z.string().check(z.maxLength(max));
export const nonEmptyText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const optionalText = (max: number) => z.optional(text(max));
export const id = nonEmptyText(128);
export const tabId = z.number().check(z.int(), z.nonnegative());
export const agentRef = z.object({ id, name: text(100) });
export const crmStatus = z.enum(['first-contact', 'unassigned', 'following', 'public-pool']);

/** What the page scanner reports: a text that may hold contacts, searched in the background. */
export const pageReading = z.object({
  text: nonEmptyText(MAX_READING_CHARS),
  context: z.optional(text(240)),
  hidden: z.optional(z.boolean()),
});

/** A customer form as the panel sends it; the background validates it again before any CRM call. */
export const customerInput = z.object({
  nick: nonEmptyText(50),
  realName: optionalText(50),
  phone: optionalText(40),
  email: optionalText(120),
  qq: optionalText(20),
  wechat: optionalText(60),
  sex: z.optional(z.enum(['male', 'female'])),
  vip: z.optional(z.boolean()),
  crmStatus: z.optional(crmStatus),
  liableAgent: z.optional(agentRef),
  region: z.optional(
    z.object({
      provinceId: optionalText(20),
      provinceName: optionalText(40),
      cityId: optionalText(20),
      cityName: optionalText(40),
      districtId: optionalText(20),
      districtName: optionalText(40),
    }),
  ),
  company: optionalText(100),
  remark: optionalText(500),
  customFields: z.optional(z.array(z.object({ fieldId: id, value: text(2000) })).check(z.maxLength(200))),
});

const labelRef = z.object({ id, name: text(100), color: z.optional(text(32)) });
export const writeId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/** An agent's write, as the panel asks for it: the background queues it durably before anything else. */
export const newWrite = z.union([
  z.object({
    id: writeId,
    customerId: id,
    kind: z.literal('labels'),
    payload: z.object({ add: z.array(labelRef).check(z.maxLength(100)), remove: z.array(id).check(z.maxLength(100)) }),
  }),
  z.object({
    id: writeId,
    customerId: id,
    kind: z.literal('stage'),
    payload: z.object({ stage: z.object({ id, name: text(100) }), type: z.enum(['ongoing', 'won', 'lost', 'invalid']) }),
  }),
  z.object({ id: writeId, customerId: id, kind: z.literal('note'), payload: z.object({ content: nonEmptyText(2000) }) }),
]);

/** A side panel's report on its presence port (lib/messaging/panel-presence.ts). */
export const panelPresence = z.object({
  tabId,
  autoLookup: z.boolean(),
  busy: z.boolean(),
  visible: z.boolean(),
}) satisfies z.ZodMiniType<PanelPresence>;

/** Label name → words that mean it, bounded as lib/suggest/suggestion-settings.ts bounds a policy's. */
export const labelSynonyms = z
  .record(nonEmptyText(MAX_LABEL_NAME_CHARS), z.array(nonEmptyText(MAX_SYNONYM_CHARS)).check(z.maxLength(MAX_SYNONYMS_PER_LABEL)))
  .check(z.refine((synonyms) => Object.keys(synonyms).length <= MAX_SYNONYM_LABELS, 'too many labels'));
