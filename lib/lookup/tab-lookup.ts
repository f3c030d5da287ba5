// What the background publishes about each tab's lookup, in one session-storage record the side panel
// watches: what the panel shows for the tab, whether the agent chose it (pinned), the newest contact
// waiting for the agent's go-ahead, and whether automatic look-ups are paused. The background's
// tab-lookups controller is its only writer; panels only read it and send intents. Types and pure
// helpers only, so the panel bundle carries nothing else from here.
import type { ErrorCode } from '../messaging/reply';
import type { CustomerCard } from '../crm/views';

export interface ContactRef {
  kind: 'phone' | 'email';
  /** E.164 for phones, lowercase for emails. */
  value: string;
}

export type LookupView =
  | { status: 'idle' }
  | { status: 'loading'; contact: ContactRef }
  | {
      status: 'found';
      contact: ContactRef;
      cards: CustomerCard[];
      selectedId: string | undefined;
      revalidating: boolean;
      /** When the CRM last confirmed these cards (epoch ms): revalidation asks again only once they are older. */
      checkedAt?: number;
      /** Customers of these cards the CRM no longer has (merged into another, or deleted). */
      gone?: string[];
    }
  | { status: 'not-found'; contact: ContactRef; tried: string[] }
  | { status: 'error'; contact: ContactRef; error: { code: ErrorCode; message: string } };

/** A newly detected contact the panel offers instead of opening, because the agent was busy or chose another. */
interface ContactOffer {
  contact: ContactRef;
  /** The words around it on the page. */
  context: string;
  /** The name of the one customer found for it, when it was looked up ahead of the agent's go-ahead. */
  name?: string;
}

export interface TabLookup {
  /** The CRM connection the view belongs to: a view made for another CRM is never shown. */
  connection?: string;
  view: LookupView;
  /** The agent chose what is on screen: new contacts are offered, never opened by themselves. */
  pinned: boolean;
  /** The selected customer was opened from the agent's earlier choice for this contact. */
  remembered?: boolean;
  offer?: ContactOffer;
  /** Automatic look-ups in this tab are paused until then (epoch ms): too many new contacts appeared. */
  pausedUntil?: number;
}

export const IDLE_LOOKUP: TabLookup = Object.freeze({ view: { status: 'idle' }, pinned: false }) as TabLookup;

export const sameContact = (a: ContactRef | undefined, b: ContactRef | undefined): boolean => Boolean(a && b && a.kind === b.kind && a.value === b.value);

export function viewContact(view: LookupView): ContactRef | undefined {
  return view.status === 'idle' ? undefined : view.contact;
}

/** Whether the CRM no longer has the customer chosen in this view. */
export function selectedGone(view: LookupView): boolean {
  return view.status === 'found' && view.selectedId !== undefined && Boolean(view.gone?.includes(view.selectedId));
}
