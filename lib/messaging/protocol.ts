// The protocol table: every message the background answers, who may send it, the schema its payload
// must pass and the type of its answer. Extension pages import only the *types* from here (zod stays in
// the background bundle); the content script imports nothing from this file.
import * as z from 'zod/mini';
import type { CrmCapabilities } from '../crm/backend';
import type { Customer, CustomerPage, LabelRef, Stage } from '../crm/domain';
import type { SerializedCrmError } from '../crm/errors';
import type { Settings } from '../storage';
import type { SenderKind } from './sender';

const text = (max: number) => z.string().check(z.maxLength(max));
const nonEmptyText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = nonEmptyText(128);
const contactKind = z.enum(['phone', 'email']);

/** What the page scanner reports: a candidate and the words around it, validated in the background. */
export const contactCandidate = z.object({
  kind: contactKind,
  raw: nonEmptyText(80),
  context: text(240),
});

export const protocol = {
  'contacts.detected': {
    senders: ['content-script'],
    request: z.object({ candidates: z.array(contactCandidate).check(z.maxLength(200)) }),
  },
  'contacts.forTab': { senders: ['extension-page'], request: z.object({ tabId: z.number().check(z.int()) }) },
  'customer.lookup': {
    senders: ['extension-page'],
    request: z.object({ kind: contactKind, value: nonEmptyText(120) }),
  },
  'customer.search': {
    senders: ['extension-page'],
    request: z.object({
      field: z.enum(['nick', 'realName', 'company', 'phone', 'email']),
      value: nonEmptyText(120),
      page: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
    }),
  },
  'customer.stage': { senders: ['extension-page'], request: z.object({ customerId: id }) },
  'settings.get': { senders: ['extension-page'], request: z.object({}) },
  'settings.save': {
    senders: ['extension-page'],
    request: z.object({
      baseUrl: nonEmptyText(300),
      appid: nonEmptyText(128),
      /** Omitted: keep the stored key (the options page never reads a secret back). */
      appKey: z.optional(nonEmptyText(256)),
      autoLookup: z.optional(z.boolean()),
    }),
  },
  'connection.test': { senders: ['extension-page'], request: z.object({}) },
  'site.enable': { senders: ['extension-page'], request: z.object({ origin: nonEmptyText(300), tabId: z.optional(z.number()) }) },
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

export interface SettingsView {
  settings: Settings;
  appid: string;
  hasAppKey: boolean;
  configured: boolean;
  capabilities: CrmCapabilities;
}

export interface ResponseMap {
  'contacts.detected': { accepted: number };
  'contacts.forTab': { contacts: TabContact[] };
  'customer.lookup': LookupAnswer;
  'customer.search': CustomerPage & { cards: CustomerCard[] };
  'customer.stage': { stage: Stage | null };
  'settings.get': SettingsView;
  'settings.save': SettingsView;
  'connection.test': { ok: true };
  'site.enable': { enabledSites: string[] };
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
