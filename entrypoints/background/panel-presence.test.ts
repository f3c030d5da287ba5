import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { watchPanelPresence } from './panel-presence';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PANEL = { id: ID, origin: `chrome-extension://${ID}`, url: `chrome-extension://${ID}/sidepanel.html` };

/** A port as the browser hands it to onConnect, with its events driven by the test. */
function fakePort(sender: object, name = 'panel-presence') {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    sender,
    disconnected: false,
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
    disconnect: () => (port.disconnected = true),
    post: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    close: () => onDisconnect.forEach((listener) => listener()),
  };
  return port;
}

function setup() {
  const listeners: ((port: Browser.runtime.Port) => void)[] = [];
  const panels = watchPanelPresence({ addListener: (listener) => listeners.push(listener) }, ID);
  const connect = (port: ReturnType<typeof fakePort>) => listeners.forEach((listener) => listener(port as unknown as Browser.runtime.Port));
  return { panels, connect };
}

describe('panel presence', () => {
  it('knows the tab a panel follows with auto-lookup on, and forgets it when the port closes', () => {
    const { panels, connect } = setup();
    const port = fakePort(PANEL);
    connect(port);
    port.post({ tabId: 7, autoLookup: true });
    expect(panels.autoLookupIn(7)).toBe(true);
    expect(panels.autoLookupIn(8)).toBe(false);
    port.post({ tabId: 8, autoLookup: true });
    expect(panels.autoLookupIn(7)).toBe(false);
    expect(panels.autoLookupIn(8)).toBe(true);
    // Auto-lookup turned off in the options: the panel will not ask, so neither does the background.
    port.post({ tabId: 8, autoLookup: false });
    expect(panels.autoLookupIn(8)).toBe(false);
    port.post({ tabId: 8, autoLookup: true });
    port.close();
    expect(panels.autoLookupIn(8)).toBe(false);
  });

  it('ignores a port from anything but the extension’s own pages, and payloads that do not parse', () => {
    const { panels, connect } = setup();
    const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
    const fromPage = fakePort({ id: ID, origin: 'https://chat.example', url: `chrome-extension://${ID}/sidepanel.html`, tab, frameId: 0 });
    const fromOther = fakePort({ id: 'other', origin: 'chrome-extension://other', url: 'chrome-extension://other/sidepanel.html' });
    const withWrongUrl = fakePort({ ...PANEL, url: 'https://chat.example/' });
    for (const port of [fromPage, fromOther, withWrongUrl]) {
      connect(port);
      port.post({ tabId: 7, autoLookup: true });
      expect(port.disconnected).toBe(true);
    }
    expect(panels.autoLookupIn(7)).toBe(false);
    const panel = fakePort(PANEL);
    connect(panel);
    for (const bad of [{ tabId: '7', autoLookup: true }, { tabId: -1, autoLookup: true }, { tabId: 7 }, null]) panel.post(bad);
    expect(panels.autoLookupIn(7)).toBe(false);
  });
});
