// Keeps the background told which tab this panel follows, whether it looks contacts up by itself and
// whether the agent is busy in it: the background opens a new contact only in a followed tab, and only
// while the agent is not in the middle of something here (else it offers it). The port carries only that
// (lib/messaging/panel-presence.ts); closing the panel closes the port and the background forgets it.
import { browser, type Browser } from 'wxt/browser';
import { PANEL_PRESENCE_PORT, type PanelPresence } from '@/lib/messaging/panel-presence';
import { ownedModel } from '@/lib/signals/owned-model';
import type { AgentActivityModel } from './agent-activity';
import type { FollowedTabModel } from './followed-tab';
import type { SettingsModel } from './settings';

/** A stopped worker drops the port: connect again (which wakes it) after a pause, never in a tight loop. */
const RECONNECT_AFTER_MS = 500;

export interface PresenceDeps {
  activity: Pick<AgentActivityModel, 'agentBusy' | 'panelVisible'>;
  tab: Pick<FollowedTabModel, 'followedTab'>;
  settings: Pick<SettingsModel, 'autoLookupOn'>;
}

export function createPresenceReporter({ activity: { agentBusy, panelVisible }, tab: { followedTab }, settings: { autoLookupOn } }: PresenceDeps) {
  return ownedModel((own) => {
    let port: Browser.runtime.Port | undefined;
    let presence: PanelPresence | undefined;
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    function connect() {
      port = browser.runtime.connect({ name: PANEL_PRESENCE_PORT });
      port.onDisconnect.addListener(() => {
        port = undefined;
        if (!disposed) reconnect = setTimeout(connect, RECONNECT_AFTER_MS);
      });
      if (presence) port.postMessage(presence);
    }

    own.effect(() => {
      const tab = followedTab.value;
      if (!tab) return;
      presence = { tabId: tab.id, autoLookup: autoLookupOn.value, busy: agentBusy.value, visible: panelVisible.value };
      port?.postMessage(presence);
    });
    connect();
    own.onDispose(() => {
      disposed = true;
      clearTimeout(reconnect);
      port?.disconnect();
    });
    return {};
  });
}
