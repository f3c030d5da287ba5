// get_token and the token every business call must carry. One company, one live token: each
// get_token issues a new one and the previous stops working at once (900002), as the document warns.
import { randomBytes } from 'node:crypto';
import { fail, ok, type Reply } from './http';
import { md5Hex } from '../shared/prng';

export interface TokenAuthorityOptions {
  appid: string;
  appKey: string;
  ttlSeconds: number;
  now: () => number;
}

export type TokenAuthority = ReturnType<typeof createTokenAuthority>;

export function createTokenAuthority(options: TokenAuthorityOptions) {
  let current: { token: string; expiresAt: number } | undefined;

  /** GET /api/get_token?appid&create_time&sign, sign = lowercase hex md5(appid + create_time + app_key). */
  function getToken(query: URLSearchParams): Reply {
    const appid = query.get('appid') ?? '';
    const createTime = query.get('create_time') ?? '';
    const sign = query.get('sign') ?? '';
    if (appid !== options.appid) return fail('900004', '没有找到公司的api配置信息!');
    if (createTime === '' || sign !== md5Hex(appid + createTime + options.appKey)) {
      return fail('900003', 'signature错误');
    }
    const token = randomBytes(16).toString('hex');
    current = { token, expiresAt: options.now() + options.ttlSeconds * 1000 };
    return ok({ item: { token, expires_in: String(options.ttlSeconds) } });
  }

  /** The error reply for a business call's `token` header, or undefined when it may proceed. */
  function rejection(token: string | undefined): Reply | undefined {
    if (!token) return fail('900001', 'token为空');
    if (!current || token !== current.token || options.now() >= current.expiresAt) {
      return fail('900002', 'token已失效,请重新获取');
    }
    return undefined;
  }

  return {
    getToken,
    rejection,
    /** Control API: the live token stops working as if its 24 hours were over. */
    expireCurrent() {
      if (current) current.expiresAt = Number.NEGATIVE_INFINITY;
    },
    currentToken: () => current?.token,
  };
}
