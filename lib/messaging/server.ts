// The background's single runtime.onMessage listener: checks the sender against the protocol table entry,
// parses the payload, runs the one handler for the type and always answers with a Reply value.
// Bad input never throws across contexts.
import * as z from 'zod/mini';
import type { browser, Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;
import { serializeError } from '../crm/errors';
import { protocol, type MessageType, type RequestOf, type ResponseOf } from './protocol';
import type { MessageError, Reply } from './reply';
import { classifySender, mayBeSentBy, type SenderKind } from './sender';

interface HandlerContext {
  sender: SenderKind;
  tabId?: number;
  frameId?: number;
}

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, context: HandlerContext) => Promise<ResponseOf<K>>;
};

const fail = (code: MessageError['code'], message: string): Reply<never> => ({ ok: false, error: { code, message } });

export function createMessageHandler(handlers: Handlers, extensionId: string) {
  return async function handle(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    const kind = classifySender(sender, extensionId);
    if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') {
      return fail('invalid-message', 'A message must be an object with a type.');
    }
    const { type, payload } = message as { type: string; payload?: unknown };
    if (!Object.hasOwn(protocol, type)) return fail('invalid-message', 'Unknown message type.');
    const entry = protocol[type as MessageType];
    if (!mayBeSentBy(entry.from, kind)) {
      return fail('forbidden', `This sender may not send ${type}.`);
    }
    const parsed = z.safeParse(entry.request, payload ?? {});
    if (!parsed.success) return fail('invalid-message', `The ${type} payload is not valid.`);
    try {
      const handler = handlers[type as MessageType] as (p: unknown, c: HandlerContext) => Promise<unknown>;
      const value = await handler(parsed.data, { sender: kind, tabId: sender.tab?.id, frameId: sender.frameId });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: serializeError(error) };
    }
  };
}

/** Adapts the handler to runtime.onMessage, answering through sendResponse (works in every browser). */
export function listen(onMessage: typeof browser.runtime.onMessage, handle: ReturnType<typeof createMessageHandler>) {
  onMessage.addListener((message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
}
