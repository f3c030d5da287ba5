// What is written straight before a number that carries it as a value: a key in key=value or key: value
// text (phone=, "user_id": , 手机号=, from logs and pasted form dumps) or a link that dials or chats with
// it (tel:, wa.me/, WhatsApp's send?phone=). A contact key or a link unglues the number ("phone=138…"
// is no code), an identifier key refuses it ("user_id: 138…"); the naming words of context-rules.ts
// still apply to what is left. Pure and dependency-free, reading folded text (see normalize.ts).

/**
 * What a key or link says the number after it is: a contact (as written: national unless it has "+"),
 * an international number written without "+" (wa.me/8613812345678, %2B), or an identifier.
 */
export type KeyOrLink = 'contact' | 'international contact' | 'identifier';

/** WhatsApp links carry the number country code first, without "+". */
const CHAT_LINK = /(?:wa\.me\/|whatsapp(?:\.com\/|:\/\/)send\/?\?(?:[^\s?#&]*&)*phone=)(?:%2b)?$/i;
const DIAL_LINK = /(?:tel|sms|callto):(?:\/\/)?(%2b)?$/i;
/** "phone=", "mobile: ", "\"user_id\": \"", "手机号=": the key, then "=" or ":", maybe quoted, maybe an encoded "+". */
const KEY_BEFORE_VALUE = /([A-Za-z\u4e00-\u9fff][\w.\-\u4e00-\u9fff]{0,39}(?: [A-Za-z][\w.-]{0,39})?)["']?\s{0,2}[=:]\s{0,2}["']?(%2b)?$/i;
/** A key's words: camelCase, snake_case, dotted and Chinese-then-Latin keys (会话ID) all split. */
const KEY_WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[\u4e00-\u9fff]+/g;
/** Contact words long enough to find anywhere in a key ("WhatsApp", "cellPhone", "联系电话"); short ones as whole words. */
const CONTACT_IN_KEY = /phone|mobile|whatsapp|msisdn|手机|电话|联系|座机|固话/i;
const CONTACT_KEY_WORD = /^(?:tel|mob|cell|contact)$/i;
/** An eleven-digit WeChat id is searchable as a phone, so "微信ID" and "WeChat ID" stay contacts. */
const WECHAT_IN_KEY = /wechat|weixin|微信/i;
const WECHAT_KEY_WORD = /^(?:wx|vx)$/i;
/** The last word of a key naming an identifier: "user_id", "orderId", "ts", "sku", "ref", "phone_model". */
const IDENTIFIER_KEY_WORD = /^(?:id|uid|uuid|guid|pid|sid|ts|timestamp|key|hash|token|ref|sn|sku|order|code|model|imei|meid|serial|version)$/i;
const LOOK_BACK = 80;
/** At most this many spaces and quotes sit between a key's "=" or ":" (or a link's "/") and the value. */
const MAX_GAP = 4;

function keyVerdict(key: string): KeyOrLink | undefined {
  const words = key.match(KEY_WORD) ?? [];
  const wechat = WECHAT_IN_KEY.test(key) || words.some((word) => WECHAT_KEY_WORD.test(word));
  if (!wechat && IDENTIFIER_KEY_WORD.test(words.at(-1) ?? '')) return 'identifier';
  return wechat || CONTACT_IN_KEY.test(key) || words.some((word) => CONTACT_KEY_WORD.test(word)) ? 'contact' : undefined;
}

/** The key or link written right before `start` (where the number, or its "+", begins), if it names the number. */
export function keyOrLinkBefore(text: string, start: number): KeyOrLink | undefined {
  let at = start - 1;
  while (at >= 0 && start - at <= MAX_GAP && ` "'`.includes(text[at]!)) at--;
  // Only these characters can end a key or link; most numbers stop here, without a regex.
  const mark = text[at];
  if (mark !== '=' && mark !== ':' && mark !== '/' && mark !== 'B' && mark !== 'b') return undefined;
  const before = text.slice(Math.max(0, start - LOOK_BACK), start);
  if (CHAT_LINK.test(before)) return 'international contact';
  const link = DIAL_LINK.exec(before);
  if (link) return link[1] ? 'international contact' : 'contact';
  const key = KEY_BEFORE_VALUE.exec(before);
  const verdict = key ? keyVerdict(key[1]!) : undefined;
  return verdict === 'contact' && key![2] ? 'international contact' : verdict;
}
