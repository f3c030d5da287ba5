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
  it('knows how a panel follows a tab, tells each change, and forgets it when the port closes', () => {
    const { panels, connect } = setup();
    const changes: number[] = [];
    panels.onChange((tabId) => changes.push(tabId));
    const port = fakePort(PANEL);
    connect(port);
    port.post({ tabId: 7, autoLookup: true, busy: false, visible: true });
    expect(panels.following(7)).toEqual({ autoLookup: true, busy: false, visible: true });
    expect(panels.following(8)).toBeUndefined();
    port.post({ tabId: 8, autoLookup: true, busy: false, visible: true });
    expect(panels.following(7)).toBeUndefined();
    // The agent's pointer entered the panel.
    port.post({ tabId: 8, autoLookup: true, busy: true, visible: true });
    expect(panels.following(8)).toEqual({ autoLookup: true, busy: true, visible: true });
    // Auto-lookup turned off in the options: the panel will not ask, so neither does the background.
    port.post({ tabId: 8, autoLookup: false, busy: false, visible: true });
    expect(panels.following(8)).toEqual({ autoLookup: false, busy: false, visible: true });
    port.close();
    expect(panels.following(8)).toBeUndefined();
    expect(changes).toEqual([7, 7, 8, 8, 8, 8]);
  });

  it('counts a tab busy when any of the panels following it is busy', () => {
    const { panels, connect } = setup();
    const [one, two] = [fakePort(PANEL), fakePort(PANEL)];
    connect(one);
    connect(two);
    one.post({ tabId: 7, autoLookup: true, busy: false, visible: true });
    two.post({ tabId: 7, autoLookup: false, busy: true, visible: true });
    expect(panels.following(7)).toEqual({ autoLookup: true, busy: true, visible: true });
  });

  it('ignores a port from anything but the extension’s own pages, and payloads that do not parse', () => {
    const { panels, connect } = setup();
    const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
    const fromPage = fakePort({ id: ID, origin: 'https://chat.example', url: `chrome-extension://${ID}/sidepanel.html`, tab, frameId: 0 });
    const fromOther = fakePort({ id: 'other', origin: 'chrome-extension://other', url: 'chrome-extension://other/sidepanel.html' });
    const withWrongUrl = fakePort({ ...PANEL, url: 'https://chat.example/' });
    for (const port of [fromPage, fromOther, withWrongUrl]) {
      connect(port);
      port.post({ tabId: 7, autoLookup: true, busy: false, visible: true });
      expect(port.disconnected).toBe(true);
    }
    expect(panels.following(7)).toBeUndefined();
    const panel = fakePort(PANEL);
    connect(panel);
    for (const bad of [{ tabId: '7', autoLookup: true, busy: false }, { tabId: -1, autoLookup: true, busy: false }, { tabId: 7, autoLookup: true }, null])
      panel.post(bad);
    expect(panels.following(7)).toBeUndefined();
  });
});
