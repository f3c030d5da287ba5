// The protocol table: one entry per message the background answers, holding who may send it, the
// schema its payload must pass and the type of its answer. Adding a message is one entry here and its
// handler. The background imports the table; extension pages and the page scanner import only its
// types (zod stays in the background bundle).
import * as z from 'zod/mini';
import { MAX_READINGS_PER_REPORT } from '../contacts/page-reading';
import type { AgentRef, CustomerPage, Label, LabelRef, NoteSummary, RegionOption, Stage, StageResult, TimelineEvent } from '../crm/domain';
import { BACKEND_KINDS } from '../crm/registry';
import { checkBaseUrl, checkSiteOrigin } from '../crm/hosts';
import type { CardVocabulary, CustomerCard } from '../crm/views';
import type { OutboxWrite } from '../outbox/types';
import type { SettingsView, SitesView } from '../settings/views';
import type { LabelMatch } from '../suggest/label-matcher';
import type { LabelSuggestionsView } from '../suggest/suggestion-settings';
import { agentRef, crmStatus, customerInput, id, labelSynonyms, newWrite, nonEmptyText, pageReading, tabId, text, writeId } from './payloads';
import type { Sender } from './sender';

/** The answer's type, for the compiler: an entry carries it, nothing is there at run time. */
const answer = <T>() => undefined as T;

/** The latest time a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;
const contactKind = z.enum(['phone', 'email']);
const page = z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)));
/** A site to scan: one origin, never a wildcard (lib/crm/hosts.ts). */
const siteOrigin = text(300).check(z.refine((value) => checkSiteOrigin(value) === undefined, 'not a site origin'));

/** A lookup intent's answer: the intent was taken; the tab-lookups owner publishes what it leads to. */
type Taken = { ok: true };
const PANEL: Sender[] = ['panel'];
const OPTIONS: Sender[] = ['options'];
const PAGES: Sender[] = ['panel', 'options'];

export const protocol = {
  'contacts.detected': {
    from: ['content-script'],
    request: z.object({ readings: z.array(pageReading).check(z.maxLength(MAX_READINGS_PER_REPORT)) }),
    response: answer<{ accepted: number }>(),
  },

  /** The agent opens a contact in the tab's panel; `follow`: it is the offered newest one, and new contacts keep opening. */
  'lookup.open': {
    from: PANEL,
    request: z.object({ tabId, kind: contactKind, value: nonEmptyText(120), follow: z.optional(z.boolean()) }),
    response: answer<Taken>(),
  },
  'lookup.retry': { from: PANEL, request: z.object({ tabId }), response: answer<Taken>() },
  /** The agent chooses one of several matches (pinning it), or goes back to all of them (no customerId). */
  'lookup.choose': { from: PANEL, request: z.object({ tabId, customerId: z.optional(id) }), response: answer<Taken>() },
  /** The agent opens a customer found by a manual search or just created. */
  'lookup.pick': { from: PANEL, request: z.object({ tabId, customerId: id }), response: answer<Taken>() },
  /** The agent lets the tab follow its newest contact again. */
  'lookup.follow': { from: PANEL, request: z.object({ tabId }), response: answer<Taken>() },
  /** The agent waves the offered new contact away. */
  'lookup.dismiss': { from: PANEL, request: z.object({ tabId }), response: answer<Taken>() },
  /** The panel asks for the card to be checked against the CRM: shown again, back on the tab, or before an editor opens. */
  'lookup.revalidate': { from: PANEL, request: z.object({ tabId, reason: z.enum(['shown', 'tab', 'editor']) }), response: answer<Taken>() },

  'customer.search': {
    from: PANEL,
    request: z.object({ field: z.enum(['nick', 'realName', 'company', 'phone', 'email']), value: nonEmptyText(120), page }),
    response: answer<CustomerPage & { cards: CustomerCard[] }>(),
  },
  /**
   * `updatedAt`: the card's update time (epoch ms); a stage read for it and still current is answered
   * without the CRM. `readAt`: when the timeline was read, earlier than the request when the stage was remembered.
   */
  'customer.stage': {
    from: PANEL,
    request: z.object({ customerId: id, updatedAt: z.optional(z.number().check(z.minimum(0), z.maximum(MAX_EPOCH_MS))) }),
    /** `result`: what closed the stage, when the newest stage change is a result. */
    response: answer<{ stage: Stage | null; result?: StageResult; readAt: number; latestNote?: NoteSummary | null }>(),
  },
  'customer.timeline': {
    from: PANEL,
    request: z.object({
      customerId: id,
      page,
      group: z.optional(z.enum(['staff', 'customer', 'other'])),
      /** Read the CRM now, never a page read a moment ago for the stage (after one of the agent's writes landed). */
      fresh: z.optional(z.boolean()),
    }),
    /** `readAt` (first unfiltered page only): when the read answered started, possibly a while ago. */
    response: answer<{ events: TimelineEvent[]; pageCount: number; readAt?: number }>(),
  },
  'customer.labels': { from: PANEL, request: z.object({ customerId: id }), response: answer<LabelRef[]>() },
  'customer.create': { from: PANEL, request: z.object({ input: customerInput }), response: answer<CustomerCard>() },
  'customer.update': { from: PANEL, request: z.object({ customerId: id, input: customerInput }), response: answer<CustomerCard>() },
  'customer.assign': {
    from: PANEL,
    request: z.object({ customerId: id, agent: agentRef, from: z.optional(crmStatus) }),
    response: answer<CustomerCard>(),
  },
  'customer.returnToPool': { from: PANEL, request: z.object({ customerId: id }), response: answer<CustomerCard>() },

  /** The CRM's lists the panel names a card's parts with. */
  'reference.get': { from: PAGES, request: z.object({}), response: answer<CardVocabulary>() },
  'directory.agents': { from: PAGES, request: z.object({}), response: answer<AgentRef[]>() },
  'directory.regions': {
    from: PANEL,
    request: z.object({ level: z.enum(['province', 'city', 'district']), parentId: z.optional(id) }),
    response: answer<RegionOption[]>(),
  },

  'label.create': { from: PANEL, request: z.object({ groupId: id, name: nonEmptyText(30) }), response: answer<Label>() },
  /** The labels the tab's conversation about these contacts (the customer's, as the panel has them) talks about. */
  'labelSuggestions.forTab': {
    from: PANEL,
    request: z.object({ tabId, contacts: z.array(nonEmptyText(120)).check(z.maxLength(20)) }),
    response: answer<{ enabled: boolean; matches: LabelMatch[] }>(),
  },
  'labelSuggestions.settings': { from: PAGES, request: z.object({}), response: answer<LabelSuggestionsView>() },
  'labelSuggestions.save': {
    from: OPTIONS,
    request: z.object({ enabled: z.optional(z.boolean()), synonyms: z.optional(labelSynonyms) }),
    response: answer<LabelSuggestionsView>(),
  },

  'write.enqueue': { from: PANEL, request: newWrite, response: answer<OutboxWrite>() },
  'write.retry': { from: PANEL, request: z.object({ id: writeId }), response: answer<{ ok: boolean }>() },
  'write.discard': { from: PAGES, request: z.object({ id: writeId }), response: answer<{ ok: boolean }>() },

  'settings.get': { from: PAGES, request: z.object({}), response: answer<SettingsView>() },
  'settings.save': {
    from: OPTIONS,
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
    response: answer<SettingsView>(),
  },
  'connection.test': { from: OPTIONS, request: z.object({}), response: answer<{ ok: true }>() },

  'site.enable': { from: PANEL, request: z.object({ origin: siteOrigin, tabId: z.optional(z.number()) }), response: answer<SitesView>() },
  'site.disable': { from: OPTIONS, request: z.object({ origin: siteOrigin }), response: answer<SitesView>() },
  'site.list': { from: PAGES, request: z.object({}), response: answer<SitesView>() },
} satisfies Record<string, { from: readonly Sender[]; request: z.ZodMiniType; response: unknown }>;

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.infer<(typeof protocol)[K]['request']>;
export type ResponseOf<K extends MessageType> = (typeof protocol)[K]['response'];
/** The messages of one namespace, e.g. MessagesIn<'site'> is 'site.enable' | 'site.disable' | 'site.list'. */
export type MessagesIn<Namespace extends string> = Extract<MessageType, `${Namespace}.${string}`>;
