// What a side panel tells the background over its one long-lived port: the tab it follows, whether it
// looks that tab's contacts up by itself, and whether the agent is busy in it (so a new contact is
// offered, never opened under their hands) and whether it is on screen (its card is then kept fresh). Nothing else travels on that port; requests stay messages.
// No zod here (the panel imports this); the background parses the payload with `panelPresence` from
// payloads.ts.
export const PANEL_PRESENCE_PORT = 'panel-presence';

export interface PanelPresence {
  tabId: number;
  autoLookup: boolean;
  /** The agent's pointer or focus is in the panel, or something they started is in progress. */
  busy: boolean;
  /** The panel is on screen: a hidden one's card is not checked on the slow timer. */
  visible: boolean;
}
