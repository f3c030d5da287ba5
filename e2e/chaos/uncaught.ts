// Collects uncaught errors from every context of the extension during a chaos run: exceptions on the
// panel pages, and console errors of the service worker, which also reports its own uncaught exceptions
// and unhandled rejections there (Playwright surfaces no exceptions for service workers).
// Invariant: every worker the browser starts, restarts included, is watched from when Playwright sees it.
import type { BrowserContext, Page, Worker } from 'playwright-core';

export interface UncaughtErrors {
  watchPage(page: Page): void;
  list(): string[];
}

/** Runs inside the worker: reports what would otherwise only reach the DevTools console. */
function reportUncaughtToConsole() {
  const scope = globalThis as unknown as { addEventListener(type: string, listener: (event: never) => void): void };
  scope.addEventListener('error', (event: ErrorEvent) => console.error(`uncaught: ${event.message}`));
  scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
}

export function watchUncaughtErrors(context: BrowserContext, extensionId: string): UncaughtErrors {
  const errors: string[] = [];

  function watchWorker(worker: Worker) {
    if (!worker.url().startsWith(`chrome-extension://${extensionId}/`)) return;
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
    });
    // A worker stopped right after it started takes the evaluation with it; nothing is lost then.
    worker.evaluate(reportUncaughtToConsole).catch(() => undefined);
  }

  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);

  return {
    watchPage(page) {
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.stack ?? error.message}`));
    },
    list: () => [...errors],
  };
}
