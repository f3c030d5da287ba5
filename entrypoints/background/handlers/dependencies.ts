// What the background's message handlers are built from. The composition root (index.ts) provides it,
// every store included, so a handler reaches no storage of its own; each takes what it needs.
import type { CredentialStore } from '@/lib/auth/credential-store';
import type { ListCache } from '@/lib/crm/list-cache';
import type { RememberedStage } from '@/lib/crm/stage';
import type { CrmSession } from '@/lib/crm/session';
import type { DetectedContact } from '@/lib/contacts/detect';
import type { LookupAnswer } from '@/lib/crm/views';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import type { PolicyReading } from '@/lib/settings/policy';
import type { Settings } from '@/lib/settings/settings';
import type { Item } from '@/lib/storage';
import type { Outbox } from '@/lib/outbox/outbox';
import type { ContactLookups } from '../contact-lookups';
import type { RememberedRecords } from '../remembered';
import type { TabConversations } from '../tab-conversations';
import type { TabLookups } from '../tab-lookups';
import type { LabelSuggestionSettings } from '@/lib/suggest/suggestion-settings';

export interface HandlerDependencies {
  session: CrmSession;
  listCache: ListCache;
  credentials: CredentialStore;
  settings: Item<Settings>;
  enabledSites: Item<string[]>;
  /** The admin's policy as read, with the values it left out: what it sets is shown locked, never overwritten. */
  policy: () => Promise<PolicyReading>;
  tabContacts: Item<Record<string, TabContact[]>>;
  lookupCache: Item<Record<string, { at: number; answer: LookupAnswer }>>;
  detect: (text: string) => DetectedContact[];
  onTabContactsChanged: (tabId: number, contacts: TabContact[]) => void;
  /** The one owner of each tab's lookup (tab-lookups.ts). */
  tabLookups: TabLookups;
  /** Looking contacts up; the handlers only hand it cards the agent may open next. */
  contactLookups: Pick<ContactLookups, 'keepCards'>;
  records: RememberedRecords;
  /** The stage last read from each customer's timeline, remembered through `records` (lib/crm/stage.ts). */
  stageCache: Item<Record<string, RememberedStage>>;
  enableSite: (origins: string[], tabId?: number) => Promise<void>;
  /** Gives a removed site's host access back unless one of `stillNeeded` (sites, the CRM address) needs it. */
  releaseSite: (origin: string, stillNeeded: string[]) => Promise<unknown>;
  outbox: Pick<Outbox, 'enqueue' | 'retry' | 'discard'>;
  /** Each tab's conversation, for label suggestions. */
  conversations: TabConversations;
  /** The agent's own label-suggestion settings; the admin's are in `policy`. */
  labelSuggestions: Item<LabelSuggestionSettings>;
  now?: () => number;
}
