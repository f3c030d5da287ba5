// Decides who sent a runtime message or opened a port. The one place that does; only the message server
// and the panel-presence port import it. A sender's kind never rests on sender.url: the origin and the
// tab come from the browser, the URL can be a page's pushState. Anything it cannot place is 'unknown' and
// may send nothing.
import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;

export type SenderKind = 'extension-page' | 'content-script' | 'unknown';

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
