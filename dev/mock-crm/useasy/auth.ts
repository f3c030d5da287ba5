// Checks the four signature headers of every API request with the same configurable recipe the product
// signs with (lib/crm/useasy/sign.ts), and a timestamp within ±300 s of the server's clock. Nonces are
// not remembered: the document's own examples repeat one nonce and timestamp across calls. Mock-only.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { signUseasy, type SignatureRecipe } from '../../../lib/crm/useasy/sign';
import { unauthorized, type Reply } from './envelope';

const TIMESTAMP_WINDOW_SECONDS = 300;

export interface SignatureAuthority {
  appid: string;
  secret: string;
  recipe: SignatureRecipe;
  /** Epoch milliseconds. */
  now: () => number;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The refusal for a request's headers, or undefined when it may proceed. */
export async function signatureRejection(
  authority: SignatureAuthority,
  headers: IncomingHttpHeaders,
  request: { method?: string; path?: string; body?: string } = {},
): Promise<Reply | undefined> {
  const appid = header(headers, 'appid');
  const nonce = header(headers, 'nonce');
  const timestamp = header(headers, 'timestamp');
  const signature = header(headers, 'signature');
  const missing = Object.entries({ appid, nonce, timestamp, signature })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) return unauthorized(`缺少签名参数: ${missing.join(', ')}`);
  if (appid !== authority.appid) return unauthorized(`appid ${appid} 不存在`);
  if (!/^\d+$/.test(timestamp!)) return unauthorized('timestamp格式错误,应为Unix秒');
  if (timestamp!.length >= 13) return unauthorized('timestamp应为Unix秒,收到的像是毫秒');
  const skew = Math.abs(authority.now() / 1000 - Number(timestamp));
  if (skew > TIMESTAMP_WINDOW_SECONDS) {
    return unauthorized(`timestamp已过期: 与服务器时间相差超过${TIMESTAMP_WINDOW_SECONDS}秒`);
  }
  const expected = await signUseasy(authority.recipe, { appid: appid!, nonce: nonce!, timestamp: timestamp!, secret: authority.secret, ...request });
  if (!sameText(signature!, expected)) return unauthorized('signature签名校验失败');
  return undefined;
}
