import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../crm/errors';
import { createMessageHandler, type Handlers } from './server';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const page = { id: ID, origin: `chrome-extension://${ID}` };
const contentScript = { id: ID, origin: 'https://chat.example', tab: { id: 4 }, frameId: 0 };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = vi.fn(async () => {
    throw new Error('not expected in this test');
  });
  return new Proxy(overrides, { get: (target, key: string) => target[key as keyof Handlers] ?? unused }) as Handlers;
}

describe('message handler', () => {
  it('runs the handler with the parsed payload and the sender’s tab', async () => {
    const detected = vi.fn(async () => ({ accepted: 1 }));
    const handle = createMessageHandler(handlersWith({ 'contacts.detected': detected }), ID);
    const reply = await handle({ type: 'contacts.detected', payload: { readings: [{ text: '手机 13812345678' }] } }, contentScript as never);
    expect(reply).toEqual({ ok: true, value: { accepted: 1 } });
    expect(detected).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ sender: 'content-script', tabId: 4 }));
  });

  it('forbids a content script from anything but reporting detections', async () => {
    const open = vi.fn();
    const handle = createMessageHandler(handlersWith({ 'lookup.open': open }), ID);
    const reply = await handle({ type: 'lookup.open', payload: { tabId: 4, kind: 'phone', value: '+8613812345678' } }, contentScript as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(open).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no type', { payload: {} }],
    ['unknown type', { type: 'customer.deleteAll', payload: {} }],
    ['prototype key', { type: '__proto__', payload: {} }],
    ['wrong payload', { type: 'lookup.open', payload: { tabId: 1, kind: 'fax', value: 'x' } }],
    ['oversized string', { type: 'lookup.open', payload: { tabId: 1, kind: 'phone', value: '1'.repeat(10_000) } }],
    ['oversized array', { type: 'contacts.detected', payload: { readings: Array(201).fill({ text: 'a@b.cn' }) } }],
    ['oversized reading', { type: 'contacts.detected', payload: { readings: [{ text: 'a@b.cn '.repeat(400) }] } }],
  ])('answers %s with an error value, never a throw', async (_name, message) => {
    const handle = createMessageHandler(handlersWith({}), ID);
    const reply = await handle(message, page as never);
    expect(reply.ok).toBe(false);
  });

  it('serialises a CRM failure into the reply', async () => {
    const handle = createMessageHandler(
      handlersWith({ 'connection.test': async () => Promise.reject(new CrmError('bad-signature', 'check the app key', '900003')) }),
      ID,
    );
    expect(await handle({ type: 'connection.test', payload: {} }, page as never)).toEqual({
      ok: false,
      error: { code: 'bad-signature', message: 'check the app key', crmCode: '900003' },
    });
  });
});
