// The protocol table: every message the background answers, who may send it, the schema its payload
// must pass and the type of its answer. Extension pages import only the *types* from here (zod stays in
// the background bundle); the content script imports nothing from this file.
import * as z from 'zod/mini';
import { MAX_READING_CHARS, MAX_READINGS_PER_REPORT } from '../contacts/page-reading';
import type { CrmCapabilities } from '../crm/backend';
import { checkBaseUrl, checkSiteOrigin } from '../crm/hosts';
import { BACKEND_KINDS } from '../crm/registry';
import type {
  AgentRef,
  Customer,
  CustomerPage,
  CustomerSource,
  CustomFieldDefinition,
  Label,
  LabelGroup,
  LabelRef,
  RegionOption,
  NoteSummary,
  Stage,
  TimelineEvent,
} from '../crm/domain';
import type { OutboxWrite } from '../outbox/types';
import type { LabelMatch } from '../suggest/label-matcher';
import { MAX_LABEL_NAME_CHARS, MAX_SYNONYM_CHARS, MAX_SYNONYM_LABELS, MAX_SYNONYMS_PER_LABEL, type LabelSuggestionSettings, type SuggestionPolicy } from '../suggest/suggestion-settings';
import type { SerializedCrmError } from '../crm/errors';
import type { IgnoredPolicyValue, LockedField } from '../settings/policy';
import type { Settings } from '../storage';
import type { PanelPresence } from './panel-presence';
import type { SenderKind } from './sender';

const text = (max: number) => z.string().check(z.maxLength(max));
const nonEmptyText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = nonEmptyText(128);
const contactKind = z.enum(['phone', 'email']);
/** The latest time a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;

/** What the page scanner reports: a text that may hold contacts, searched in the background. */
export const pageReading = z.object({
  text: nonEmptyText(MAX_READING_CHARS),
  context: z.optional(text(240)),
  hidden: z.optional(z.boolean()),
});

const optionalText = (max: number) => z.optional(text(max));
const agentRef = z.object({ id, name: text(100) });
const crmStatus = z.enum(['first-contact', 'unassigned', 'following', 'public-pool']);

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

/** A site to scan: one origin, never a wildcard (lib/crm/hosts.ts). */
const siteOrigin = text(300).check(z.refine((value) => checkSiteOrigin(value) === undefined, 'not a site origin'));

const labelRef = z.object({ id, name: text(100), color: z.optional(text(32)) });
const writeId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/** An agent's write, as the panel asks for it: the background queues it durably before anything else. */
export const newWrite = z.union([
  z.object({ id: writeId, customerId: id, kind: z.literal('labels'), payload: z.object({ add: z.array(labelRef).check(z.maxLength(100)), remove: z.array(id).check(z.maxLength(100)) }) }),
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
  tabId: z.number().check(z.int(), z.nonnegative()),
  autoLookup: z.boolean(),
  busy: z.boolean(),
  visible: z.boolean(),
}) satisfies z.ZodMiniType<PanelPresence>;

const tabId = z.number().check(z.int(), z.nonnegative());

/** Label name → words that mean it, bounded as lib/suggest/suggestion-settings.ts bounds a policy's. */
const labelSynonyms = z
  .record(nonEmptyText(MAX_LABEL_NAME_CHARS), z.array(nonEmptyText(MAX_SYNONYM_CHARS)).check(z.maxLength(MAX_SYNONYMS_PER_LABEL)))
  .check(z.refine((synonyms) => Object.keys(synonyms).length <= MAX_SYNONYM_LABELS, 'too many labels'));

export const protocol = {
  'contacts.detected': {
    senders: ['content-script'],
    request: z.object({ readings: z.array(pageReading).check(z.maxLength(MAX_READINGS_PER_REPORT)) }),
  },
  /** The agent opens a contact in the tab's panel; `follow`: it is the offered newest one, and new contacts keep opening. */
  'lookup.open': {
    senders: ['extension-page'],
    request: z.object({ tabId, kind: contactKind, value: nonEmptyText(120), follow: z.optional(z.boolean()) }),
  },
  'lookup.retry': { senders: ['extension-page'], request: z.object({ tabId }) },
  /** The agent chooses one of several matches (pinning it), or goes back to all of them (no customerId). */
  'lookup.choose': { senders: ['extension-page'], request: z.object({ tabId, customerId: z.optional(id) }) },
  /** The agent opens a customer found by a manual search or just created. */
  'lookup.pick': { senders: ['extension-page'], request: z.object({ tabId, customerId: id }) },
  /** The agent lets the tab follow its newest contact again. */
  'lookup.follow': { senders: ['extension-page'], request: z.object({ tabId }) },
  /** The agent waves the offered new contact away. */
  'lookup.dismiss': { senders: ['extension-page'], request: z.object({ tabId }) },
  /** The panel asks for the card to be checked against the CRM: shown again, back on the tab, or before an editor opens. */
  'lookup.revalidate': { senders: ['extension-page'], request: z.object({ tabId, reason: z.enum(['shown', 'tab', 'editor']) }) },
  'customer.search': {
    senders: ['extension-page'],
    request: z.object({
      field: z.enum(['nick', 'realName', 'company', 'phone', 'email']),
      value: nonEmptyText(120),
      page: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
    }),
  },
  /** `updatedAt`: the card's update time (epoch ms); a stage read for it and still current is answered without the CRM. */
  'customer.stage': {
    senders: ['extension-page'],
    request: z.object({ customerId: id, updatedAt: z.optional(z.number().check(z.minimum(0), z.maximum(MAX_EPOCH_MS))) }),
  },
  'reference.get': { senders: ['extension-page'], request: z.object({}) },
  'customer.create': { senders: ['extension-page'], request: z.object({ input: customerInput }) },
  'customer.update': { senders: ['extension-page'], request: z.object({ customerId: id, input: customerInput }) },
  'customer.assign': {
    senders: ['extension-page'],
    request: z.object({ customerId: id, agent: agentRef, from: z.optional(crmStatus) }),
  },
  'customer.returnToPool': { senders: ['extension-page'], request: z.object({ customerId: id }) },
  'directory.agents': { senders: ['extension-page'], request: z.object({}) },
  'customer.labels': { senders: ['extension-page'], request: z.object({ customerId: id }) },
  'customer.timeline': {
    senders: ['extension-page'],
    request: z.object({
      customerId: id,
      page: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
      group: z.optional(z.enum(['staff', 'customer', 'other'])),
      /** Read the CRM now, never a page read a moment ago for the stage (after one of the agent's writes landed). */
      fresh: z.optional(z.boolean()),
    }),
  },
  'label.create': { senders: ['extension-page'], request: z.object({ groupId: id, name: nonEmptyText(30) }) },
  /** The labels the tab's conversation about these contacts (the customer's, as the panel has them) talks about. */
  'labelSuggestions.forTab': {
    senders: ['extension-page'],
    request: z.object({ tabId, contacts: z.array(nonEmptyText(120)).check(z.maxLength(20)) }),
  },
  'labelSuggestions.settings': { senders: ['extension-page'], request: z.object({}) },
  'labelSuggestions.save': {
    senders: ['extension-page'],
    request: z.object({ enabled: z.optional(z.boolean()), synonyms: z.optional(labelSynonyms) }),
  },
  'write.enqueue': { senders: ['extension-page'], request: newWrite },
  'write.retry': { senders: ['extension-page'], request: z.object({ id: writeId }) },
  'write.discard': { senders: ['extension-page'], request: z.object({ id: writeId }) },
  'directory.regions': {
    senders: ['extension-page'],
    request: z.object({ level: z.enum(['province', 'city', 'district']), parentId: z.optional(id) }),
  },
  'settings.get': { senders: ['extension-page'], request: z.object({}) },
  'settings.save': {
    senders: ['extension-page'],
    request: z.object({
      backend: z.optional(z.enum(BACKEND_KINDS)),
      signatureRecipe: z.optional(text(120)),
      baseUrl: text(300).check(z.refine((value) => checkBaseUrl(value) === undefined, 'not an https CRM address')),
      appid: nonEmptyText(128),
      /** Omitted: keep the stored key (the options page never reads a secret back). */
      appKey: z.optional(nonEmptyText(256)),
      autoLookup: z.optional(z.boolean()),
      /** null: forget who "me" is. */
      myAgent: z.optional(z.nullable(agentRef)),
    }),
  },
  'connection.test': { senders: ['extension-page'], request: z.object({}) },
  'site.enable': { senders: ['extension-page'], request: z.object({ origin: siteOrigin, tabId: z.optional(z.number()) }) },
  'site.disable': { senders: ['extension-page'], request: z.object({ origin: siteOrigin }) },
  'site.list': { senders: ['extension-page'], request: z.object({}) },
} satisfies Record<string, { senders: SenderKind[]; request: z.ZodMiniType }>;

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.infer<(typeof protocol)[K]['request']>;

export interface TabContact {
  kind: 'phone' | 'email';
  /** E.164 for phones, lowercase for emails. */
  value: string;
  /** The words around it on the page, so the agent can tell which conversation it came from. */
  context: string;
  detectedAt: number;
  /** Seen only in text the agent cannot see: listed, but never looked up by itself. */
  hidden?: true;
}

export interface CustomerCard {
  customer: Customer;
  labels: LabelRef[];
}

export interface LookupAnswer {
  /** The forms of the contact that were searched, in order. */
  tried: string[];
  cards: CustomerCard[];
}

/** What the panel needs to name things on the card; cached in the background. */
export interface ReferenceData {
  labelGroups: LabelGroup[];
  stages: Stage[];
  customFields: CustomFieldDefinition[];
  sources: CustomerSource[];
}

export interface SettingsView {
  settings: Settings;
  appid: string;
  hasAppKey: boolean;
  configured: boolean;
  capabilities: CrmCapabilities;
  /** Fields an admin set by policy: the options page shows them locked. */
  locked: LockedField[];
  /** Policy values left out as malformed or unsafe, with why: the options page shows them to the admin. */
  policyIgnored: IgnoredPolicyValue[];
  /** The current connection's key (lib/crm/connection-key.ts), to tell which queued writes wait for another. */
  connection?: string;
}

/** Where the scanner runs by itself: the agent's sites and the admin's, which the agent cannot remove. */
export interface SitesView {
  enabledSites: string[];
  setByAdmin: string[];
}

/** The agent's own suggestion settings, the admin's, and the two laid together. */
export interface LabelSuggestionsView {
  own: LabelSuggestionSettings;
  policy: SuggestionPolicy;
  effective: LabelSuggestionSettings;
}

export interface ResponseMap {
  'contacts.detected': { accepted: number };
  'lookup.open': { ok: true };
  'lookup.retry': { ok: true };
  'lookup.choose': { ok: true };
  'lookup.pick': { ok: true };
  'lookup.follow': { ok: true };
  'lookup.dismiss': { ok: true };
  'lookup.revalidate': { ok: true };
  'customer.search': CustomerPage & { cards: CustomerCard[] };
  /** `readAt`: when the timeline was read (epoch ms), earlier than the request when the stage was remembered. */
  'customer.stage': { stage: Stage | null; readAt: number; latestNote?: NoteSummary | null };
  'reference.get': ReferenceData;
  'customer.create': CustomerCard;
  'customer.update': CustomerCard;
  'customer.assign': CustomerCard;
  'customer.returnToPool': CustomerCard;
  'directory.agents': AgentRef[];
  'customer.labels': LabelRef[];
  /** `readAt` (first unfiltered page only): when the read answered started, possibly a while ago. */
  'customer.timeline': { events: TimelineEvent[]; pageCount: number; readAt?: number };
  'label.create': Label;
  'labelSuggestions.forTab': { enabled: boolean; matches: LabelMatch[] };
  'labelSuggestions.settings': LabelSuggestionsView;
  'labelSuggestions.save': LabelSuggestionsView;
  'write.enqueue': OutboxWrite;
  'write.retry': { ok: boolean };
  'write.discard': { ok: boolean };
  'directory.regions': RegionOption[];
  'settings.get': SettingsView;
  'settings.save': SettingsView;
  'connection.test': { ok: true };
  'site.enable': SitesView;
  'site.disable': SitesView;
  'site.list': SitesView;
}
export type ResponseOf<K extends MessageType> = ResponseMap[K];

export type ErrorCode = SerializedCrmError['code'] | 'invalid-message' | 'forbidden' | 'internal';
export interface MessageError {
  code: ErrorCode;
  message: string;
  crmCode?: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: MessageError };
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}
