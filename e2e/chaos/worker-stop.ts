// Stops the extension's service worker as Chrome does when it idles or reclaims memory, through the
// DevTools protocol of a blank tab kept open for the whole run (the panel page may be closed at any time).
// Invariant: stop() returns only once the worker is reported stopped, or after a bounded wait.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';

const STOP_WAIT_MS = 5_000;

export async function createWorkerStopper(browser: ExtensionBrowser) {
  const watcher: Page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(watcher);
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) status = version.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');

  return {
    async stop(): Promise<void> {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + STOP_WAIT_MS;
      while (status !== 'stopped' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    },
  };
}
