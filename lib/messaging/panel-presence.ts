// What a side panel tells the background over its one long-lived port: the tab it follows and whether
// it looks that tab's contacts up by itself. Nothing else travels on that port; requests stay messages.
// No zod here (the panel imports this); the background parses the payload with `panelPresence` from
// protocol.ts.
export const PANEL_PRESENCE_PORT = 'panel-presence';

export interface PanelPresence {
  tabId: number;
  autoLookup: boolean;
}
