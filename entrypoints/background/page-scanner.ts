// Runs the page scanner where the agent allowed it: registered as a content script for the enabled
// sites (each exactly as enabled, port included), injected on demand into one tab (activeTab: the
// keyboard shortcut here, the context menu in context-menu.ts), and gives a removed site's access back.
// Only the background imports it.
import { browser } from 'wxt/browser';
import { hostPatternOf } from '@/lib/crm/hosts';

const SCRIPT_ID = 'crm-sidebar-page-scanner';
const SCRIPT_FILE = '/page-scanner.js';
/** The keyboard shortcut's command (wxt.config.ts): scan the active tab. */
export const SCAN_COMMAND = 'scan-page';

export async function syncScannerRegistration(enabledOrigins: string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (enabledOrigins.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [SCRIPT_FILE],
      matches: [...new Set(enabledOrigins.map(hostPatternOf))],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

export async function injectScanner(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SCRIPT_FILE] });
}

interface HostPermissions {
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * Gives back the host access a removed site was granted, unless a site still enabled or the CRM's own
 * address needs the same access. A permission the manifest requires cannot be given back: that is fine.
 */
export async function releaseSiteAccess(removed: string, stillNeeded: string[], permissions: HostPermissions = browser.permissions): Promise<boolean> {
  const pattern = hostPatternOf(removed);
  const needed = new Set(
    stillNeeded.flatMap((url) => {
      try {
        return [hostPatternOf(url)];
      } catch {
        return [];
      }
    }),
  );
  if (needed.has(pattern)) return false;
  return permissions.remove({ origins: [pattern] }).catch(() => false);
}

/** Scans the active tab when the agent presses the shortcut; the press grants activeTab for it. */
export function registerScanShortcut() {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SCAN_COMMAND && tab?.id !== undefined) void injectScanner(tab.id);
  });
}
