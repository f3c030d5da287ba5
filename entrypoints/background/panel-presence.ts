// Which tabs an open side panel follows with auto-lookup on, as the panels report it on their presence
// ports. The background starts a lookup by itself only in those tabs: a contact in a tab no panel shows
// is never sent to the CRM (rate limits, privacy). A panel's entry lives as long as its port, so a closed
// panel (or a stopped worker, whose panels reconnect and report again) leaves nothing behind.
import * as z from 'zod/mini';
import type { Browser } from 'wxt/browser';
import { PANEL_PRESENCE_PORT, type PanelPresence } from '@/lib/messaging/panel-presence';
import { panelPresence } from '@/lib/messaging/protocol';
import { isOwnExtensionPage } from '@/lib/messaging/sender';

type Port = Browser.runtime.Port;

export interface PanelsPresent {
  /** Whether an open panel follows this tab and looks its contacts up by itself. */
  autoLookupIn(tabId: number): boolean;
}

export function watchPanelPresence(onConnect: { addListener(listener: (port: Port) => void): void }, extensionId: string): PanelsPresent {
  const panels = new Map<Port, PanelPresence>();
  onConnect.addListener((port) => {
    if (port.name !== PANEL_PRESENCE_PORT) return;
    if (!isOwnExtensionPage(port.sender, extensionId)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const parsed = z.safeParse(panelPresence, message);
      if (parsed.success) panels.set(port, parsed.data);
    });
    port.onDisconnect.addListener(() => panels.delete(port));
  });
  return {
    autoLookupIn: (tabId) => [...panels.values()].some((panel) => panel.tabId === tabId && panel.autoLookup),
  };
}
