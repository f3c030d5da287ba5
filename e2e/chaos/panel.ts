// The side panel page as the chaos run uses it: an extension page of the built extension that sends the
// panel's own messages to the background and reads the outbox's mirror in session storage. It may be
// closed at any point; the next use opens a fresh one.
// Invariant: a message whose reply was lost (page closed, worker stopped mid-message) is sent again as
// it was; writes carry their own id, so sending one twice enqueues it once.
import type { Page } from 'playwright-core';
import type { MessageType, RequestOf, ResponseOf } from '../../lib/messaging/protocol';
import type { Reply } from '../../lib/messaging/reply';
import type { TabLookup } from '../../lib/lookup/tab-lookup';
import type { OutboxWrite } from '../../lib/outbox/types';
import { openPanel } from '../support/agent';
import type { ExtensionBrowser } from '../support/browser';

/** Tries per message before the run gives up on the extension. */
const SEND_TRIES = 6;
/** Longer than any lookup takes under the run's faults (each CRM request gives up after 15 s). */
const REPLY_TIMEOUT_MS = 60_000;

export interface PanelDriver {
  send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<Reply<ResponseOf<K>>>;
  /** The outbox as the background last mirrored it for the panel. */
  outboxView(): Promise<OutboxWrite[]>;
  /** The lookup the background last published for a tab. */
  tabLookup(tabId: number): Promise<TabLookup | undefined>;
  closePanel(): Promise<void>;
  /** Messages and reads sent again because the first try got no reply. */
  resent(): number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPanelDriver(browser: ExtensionBrowser, onOpen: (page: Page) => void): PanelDriver {
  let current: Page | undefined;
  let resent = 0;

  async function panel(): Promise<Page> {
    if (current && !current.isClosed()) return current;
    current = await openPanel(browser);
    onOpen(current);
    return current;
  }

  async function inPanel<T>(what: string, run: (page: Page) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= SEND_TRIES; attempt += 1) {
      try {
        return await withTimeout(run(await panel()), REPLY_TIMEOUT_MS, what);
      } catch (error) {
        lastError = error;
        resent += 1;
        await pause(100 * attempt);
      }
    }
    throw new Error(`${what} failed ${SEND_TRIES} times: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  }

  return {
    send: (type, payload) =>
      inPanel(type, async (page) => {
        const reply: unknown = await page.evaluate((envelope) => chrome.runtime.sendMessage(envelope), { type, payload });
        // The background answers every message; nothing means the reply was lost on the way.
        if (!reply) throw new Error('no reply');
        return reply as Reply<ResponseOf<typeof type>>;
      }),

    outboxView: () =>
      inPanel('reading the outbox view', (page) =>
        page.evaluate(async () => ((await chrome.storage.session.get('outbox')) as { outbox?: OutboxWrite[] }).outbox ?? []),
      ),

    tabLookup: (tabId) =>
      inPanel('reading the tab lookups', (page) =>
        page.evaluate(async (id) => ((await chrome.storage.session.get('tabLookups')) as { tabLookups?: Record<string, TabLookup> }).tabLookups?.[id], tabId),
      ),

    async closePanel() {
      await current?.close();
      current = undefined;
    },

    resent: () => resent,
  };
}
