// Sobot's get_token signature: lowercase hex md5(appid + create_time + app_key), create_time in Unix
// seconds. MD5 comes from @noble/hashes because Web Crypto has none.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sobotSign(appid: string, createTime: string, appKey: string): string {
  return bytesToHex(md5(utf8ToBytes(appid + createTime + appKey)));
}
