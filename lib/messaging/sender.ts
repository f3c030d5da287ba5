// Decides who sent a runtime message or opened a port, and whether that sender may send a message the
// protocol table declares. The one place that does; only the message server, the panel-presence port
// and the table's types import it. A sender's kind never rests on sender.url: the origin and the
// tab come from the browser, the URL can be a page's pushState. Anything it cannot place is 'unknown' and
// may send nothing.
import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;

export type SenderKind = 'extension-page' | 'content-script' | 'unknown';

/** Who the protocol table lets send a message: the side panel, the options page, the page scanner. */
export type Sender = 'panel' | 'options' | 'content-script';

/**
 * The kind each sender is recognised as. The panel and the options page are both this extension's own
 * pages: only their URL tells them apart, and a page can rewrite its URL within the extension's origin,
 * so the check lets either send what the table declares for one of them.
 */
const KIND_OF: Record<Sender, SenderKind> = { panel: 'extension-page', options: 'extension-page', 'content-script': 'content-script' };

/** Whether a sender of this kind may send a message declared `from` these senders. */
export function mayBeSentBy(from: readonly Sender[], kind: SenderKind): boolean {
  return from.some((sender) => KIND_OF[sender] === kind);
}

export function classifySender(sender: MessageSender, extensionId: string): SenderKind {
  if (sender.id !== extensionId) return 'unknown';
  const origin = (sender as { origin?: string }).origin;
  if (origin === `chrome-extension://${extensionId}`) return 'extension-page';
  // A content script runs in a web page's frame: it has a tab and a frame, and a web origin.
  if (sender.tab?.id !== undefined && sender.frameId !== undefined && origin !== undefined) {
    return /^https?:\/\//.test(origin) ? 'content-script' : 'unknown';
  }
  return 'unknown';
}

/**
 * Whether a port was opened by one of this extension's own pages (the side panel). Its URL must agree
 * with its origin: a further condition on top of the classification, never a reason to trust a sender.
 */
export function isOwnExtensionPage(sender: MessageSender | undefined, extensionId: string): boolean {
  if (!sender || classifySender(sender, extensionId) !== 'extension-page') return false;
  return sender.url?.startsWith(`chrome-extension://${extensionId}/`) === true;
}
