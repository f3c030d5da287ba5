// Throws random and hostile payloads at the background's message handler: whatever arrives, from
// whoever, it answers with a Reply value and never runs a handler a sender may not reach.
import { describe, expect, it, vi } from 'vitest';
import { protocol, type MessageType } from './protocol';
import { createMessageHandler, type Handlers } from './server';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const senders = {
  page: { id: ID, origin: `chrome-extension://${ID}` },
  contentScript: { id: ID, origin: 'https://chat.example', tab: { id: 4 }, frameId: 0 },
  otherExtension: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', origin: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' },
  unknown: {},
};

/** A small deterministic PRNG, so a failing payload can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function hostileValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * 14);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return next() * 1e12 - 5e11;
    case 3:
      return '<img src=x onerror=alert(1)>';
    case 4:
      return 'x'.repeat(Math.floor(next() * 20_000));
    case 5:
      return '\u202e\u0000\ud800';
    case 6:
      return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } };
    // Long arrays at the top (past every maximum), short ones below, so payloads stay cheap to build.
    case 7:
      return depth < 3 ? Array.from({ length: Math.floor(next() * (depth === 0 ? 300 : 4)) }, () => hostileValue(next, depth + 1)) : [];
    case 8:
      return depth < 3 ? Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`k${i}`, hostileValue(next, depth + 1)])) : {};
    case 9:
      return NaN;
    case 10:
      return true;
    case 11:
      return { kind: 'phone', value: '+8613812345678', text: '13812345678', context: 'x', readings: [] };
    case 12:
      return Symbol.for('not-cloneable').toString();
    default:
      return '';
  }
}

function spyHandlers() {
  const calls: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_target, type: string) =>
      vi.fn(async () => {
        calls.push(type);
        return {};
      }),
  });
  return { handlers, calls };
}

describe('the background under hostile messages', () => {
  const types = Object.keys(protocol) as MessageType[];

  it('answers 3,000 random messages from every kind of sender with a Reply, never a throw', async () => {
    const next = random(20261121);
    const { handlers } = spyHandlers();
    const handle = createMessageHandler(handlers, ID);
    for (let round = 0; round < 3000; round += 1) {
      const sender = Object.values(senders)[Math.floor(next() * 4)]!;
      const type = next() < 0.8 ? types[Math.floor(next() * types.length)] : hostileValue(next);
      const message = next() < 0.9 ? { type, payload: hostileValue(next) } : hostileValue(next);
      const reply = await handle(message, sender as never);
      expect(reply, `round ${round}`).toHaveProperty('ok');
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('never lets a content script, another extension or an unknown sender reach anything but detections', async () => {
    const next = random(7);
    const { handlers, calls } = spyHandlers();
    const handle = createMessageHandler(handlers, ID);
    for (const type of types) {
      for (const sender of [senders.contentScript, senders.otherExtension, senders.unknown]) {
        for (let round = 0; round < 20; round += 1) await handle({ type, payload: hostileValue(next) }, sender as never);
      }
    }
    expect(new Set(calls)).toEqual(new Set(calls.length ? ['contacts.detected'] : []));
  });
});
