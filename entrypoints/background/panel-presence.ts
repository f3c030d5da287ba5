// Which tabs open side panels follow, with auto-lookup on or off and the agent busy or not, as the
// panels report it on their presence ports. The background looks contacts up by itself only in tabs a
// panel follows with auto-lookup on: a contact in a tab no panel shows is never sent to the CRM (rate
// limits, privacy). A panel's entry lives as long as its port, so a closed panel (or a stopped worker,
// whose panels reconnect and report again) leaves nothing behind.
import * as z from 'zod/mini';
import type { Browser } from 'wxt/browser';
import { PANEL_PRESENCE_PORT, type PanelPresence } from '@/lib/messaging/panel-presence';
import { panelPresence } from '@/lib/messaging/payloads';
import { isOwnExtensionPage } from '@/lib/messaging/sender';
import type { PanelFollowing } from './tab-lookups';

type Port = Browser.runtime.Port;

export interface PanelsPresent {
  /** How open panels follow the tab (any with auto-lookup on, any with the agent busy), if one does. */
  following(tabId: number): PanelFollowing | undefined;
  /** Called with a tab whose following changed: a panel came, went, or reported anew. */
  onChange(listener: (tabId: number) => void): void;
}

export function watchPanelPresence(onConnect: { addListener(listener: (port: Port) => void): void }, extensionId: string): PanelsPresent {
  const panels = new Map<Port, PanelPresence>();
  const listeners: ((tabId: number) => void)[] = [];
  const changed = (...tabIds: (number | undefined)[]) => {
    for (const tabId of new Set(tabIds)) if (tabId !== undefined) listeners.forEach((listener) => listener(tabId));
  };
  onConnect.addListener((port) => {
    if (port.name !== PANEL_PRESENCE_PORT) return;
    if (!isOwnExtensionPage(port.sender, extensionId)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const parsed = z.safeParse(panelPresence, message);
      if (!parsed.success) return;
      const before = panels.get(port)?.tabId;
      panels.set(port, parsed.data);
      changed(before, parsed.data.tabId);
    });
    port.onDisconnect.addListener(() => {
      const before = panels.get(port)?.tabId;
      panels.delete(port);
      changed(before);
    });
  });
  return {
    following(tabId) {
      const mine = [...panels.values()].filter((panel) => panel.tabId === tabId);
      if (mine.length === 0) return undefined;
      return {
        autoLookup: mine.some((panel) => panel.autoLookup),
        busy: mine.some((panel) => panel.busy),
        visible: mine.some((panel) => panel.visible),
      };
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
