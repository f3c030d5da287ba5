// Reaching into the extension's content-script world of a page over CDP, as a compromised page-side
// script would run: what it can read, and whether the scanner runs there at all.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Evaluates an expression in the content script's isolated world of the page (found over CDP). */
export async function inContentScript(browser: ExtensionBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await browser.context.newCDPSession(page);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; origin: string } }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((context) => context.origin === `chrome-extension://${browser.extensionId}`);
  if (!isolated) throw new Error('The content script is not running in this page.');
  const result = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as {
    result: { value: unknown };
    exceptionDetails?: { exception?: { description?: string } };
  };
  await cdp.detach();
  return result.exceptionDetails ? { threw: result.exceptionDetails.exception?.description ?? 'error' } : result.result.value;
}
