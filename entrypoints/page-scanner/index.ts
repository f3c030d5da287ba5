// The injected page scanner's entry: starts one scanner per frame (injecting it again only rescans) and
// sends the texts that may hold a contact to the background, which finds them. Carries no secrets, no
// zod, no phone library and no webextension-polyfill; imports protocol types only.
import type { RequestOf } from '@/lib/messaging/protocol';
import { createPageScanner } from './scanner';

const RUNNING = Symbol.for('crm-sidebar.page-scanner');

export default defineUnlistedScript(() => {
  const scope = globalThis as typeof globalThis & { [RUNNING]?: { rescan(): void } };
  if (scope[RUNNING]) {
    scope[RUNNING].rescan();
    return;
  }
  const scanner = createPageScanner({
    report: (readings) => {
      const payload: RequestOf<'contacts.detected'> = { readings };
      // The background may be restarting; the next mutation reports again, so a lost batch is not retried.
      // The browser's own API, not wxt/browser: that is webextension-polyfill here (about two thirds of this
      // script), and Chrome, Edge and Firefox MV3 all answer sendMessage with a promise without it.
      chrome.runtime.sendMessage({ type: 'contacts.detected', payload }).catch(() => undefined);
    },
  });
  scope[RUNNING] = scanner;
  scanner.start();
});
