import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import type { SettingsView } from '@/lib/settings/views';
import type { OutboxWrite } from '@/lib/outbox/types';
import { createAgentActivityModel } from './agent-activity';
import { lookupOnScreen } from './lookup.testing';
import { createPresenceReporter } from './presence';
import type { SearchState } from './search';

const { client } = fakeClient();
const { lookup, tab, settings, followedTab, settingsView, showLookup } = lookupOnScreen(client);
const noteDrafts = signal<Record<string, string>>({});
/** The agent is busy only through a note draft here: nothing else is open. */
const activity = createAgentActivityModel({
  doc: undefined,
  form: { formMode: signal(undefined) },
  labels: { labelEditorFor: signal(undefined), newLabel: signal(undefined) },
  lookup,
  notes: { noteDrafts },
  ownership: { agentPickerOpen: signal(false), pendingAction: signal(undefined) },
  search: { searchState: signal<SearchState>({ status: 'idle' }), searchText: signal('') },
  stepper: { pendingResult: signal(undefined) },
  writes: { outboxWrites: signal<OutboxWrite[]>([]) },
});
const startReportingPresence = () => createPresenceReporter({ activity, tab, settings });

/** The ports the panel opened, newest last, each with what it posted; the fake browser has no runtime.connect. */
function stubConnect() {
  const ports: { name: string; posted: unknown[]; drop(): void }[] = [];
  fakeBrowser.runtime.connect = ((info: { name: string }) => {
    const dropped: (() => void)[] = [];
    const port = { name: info.name, posted: [] as unknown[], drop: () => dropped.forEach((listener) => listener()) };
    ports.push(port);
    return { postMessage: (message: unknown) => port.posted.push(message), onDisconnect: { addListener: (listener: () => void) => dropped.push(listener) } };
  }) as unknown as typeof fakeBrowser.runtime.connect;
  return ports;
}

describe('panel presence', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the followed tab, auto-lookup and the agent’s being busy as they change, and again on a new port when the worker dropped it', () => {
    const ports = stubConnect();
    settingsView.value = { configured: true, settings: { autoLookup: true } } as SettingsView;
    followedTab.value = { id: 7, url: 'https://chat.example/', origin: 'https://chat.example' };
    startReportingPresence();
    expect(ports.map((port) => port.name)).toEqual(['panel-presence']);
    expect(ports[0]!.posted).toEqual([{ tabId: 7, autoLookup: true, busy: false, visible: true }]);
    settingsView.value = { configured: true, settings: { autoLookup: false } } as SettingsView;
    followedTab.value = { id: 8, url: 'https://chat.example/b', origin: 'https://chat.example' };
    // The agent starts a note: busy, so the background offers new contacts instead of opening them.
    showLookup({ status: 'found', contact: { kind: 'phone', value: '+8613812345678' }, cards: [], selectedId: 'c1', revalidating: false });
    noteDrafts.value = { c1: '回访' };
    expect(ports[0]!.posted.slice(1)).toEqual([
      { tabId: 7, autoLookup: false, busy: false, visible: true },
      { tabId: 8, autoLookup: false, busy: false, visible: true },
      { tabId: 8, autoLookup: false, busy: true, visible: true },
    ]);
    ports[0]!.drop();
    vi.runOnlyPendingTimers();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ tabId: 8, autoLookup: false, busy: true, visible: true }]);
  });
});
