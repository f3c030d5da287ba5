// What the surroundings of a digit span say about it: glued to a code or a URL, masked, named as an
// order / tracking / ID / card / price / code by the words before it, or a date, IP address or card in
// groups. Pure and dependency-free, so the page scanner drops obvious non-numbers before reporting and
// the background applies the very same rules. Every function reads folded text (see normalize.ts).

/** Words that name what follows as something other than a contact. */
const NOT_A_CONTACT =
  '订单|单号|运单|快递|物流|工单|编号|流水|交易号|序列号|型号|批次|发票|合同号|验证码|校验码|动态码|取件码|提货码|' +
  '身份证|证件|卡号|银行卡|信用卡|账号|帐号|账户|户号|工号|学号|会员号|货号|款号|条码|会话号|金额|价格|售价|单价|总价|报价|' +
  '版本|时间戳|¥|￥|\\$|rmb|qq|order|ticket|tracking|invoice|otp|code|serial|sku|version|timestamp|' +
  // Short Latin labels only as whole words: "会话ID", "session id", "UID" — not "paid", "Madrid".
  '(?<![a-z])(?:id|uid|uuid|sn|ref)(?![a-z])';
/** Words that name what follows as a contact; the nearer of the two kinds wins. */
const A_CONTACT =
  '电话|手机|联系|座机|固话|热线|微信id|微信|致电|拨打|回电|打我|我的号|tel|phone|mobile|cell|call|whatsapp|' +
  // An eleven-digit WeChat id is searchable as a phone: "微信ID", "wechat_id" name a contact.
  '(?:wechat|weixin)[\\s_]?id|wechat|weixin|contact|my number';
const LEADING_WORDS = new RegExp(`(${NOT_A_CONTACT})|(${A_CONTACT})`, 'gi');
/** Words right after a number that make it an amount. */
const TRAILING_UNIT = /^\s{0,2}(?:元|块|万|美元|美金|港币|人民币|rmb|%)/i;
/** A clause ends at these, so words before one speak about something else. */
const CLAUSE_BREAKS = '，,。！!？?；;\n';
const LEADING_WINDOW = 14;

/** The words just before `start`, up to the start of its clause. */
function clauseBefore(text: string, start: number): string {
  let from = Math.max(0, start - LEADING_WINDOW);
  for (let index = start - 1; index >= from; index--) {
    if (CLAUSE_BREAKS.includes(text[index]!)) {
      from = index + 1;
      break;
    }
  }
  return text.slice(from, start);
}

/** Whether the nearest naming word before `start` (in the same clause) says "not a contact". */
export function isNamedAsNonContact(text: string, start: number, end: number): boolean {
  if (TRAILING_UNIT.test(text.slice(end, end + 6))) return true;
  const window = clauseBefore(text, start);
  if (window === '') return false;
  let lastIsNonContact = false;
  for (const match of window.matchAll(LEADING_WORDS)) lastIsNonContact = match[1] !== undefined;
  return lastIsNonContact;
}

/**
 * Whether the clause before `start` says WhatsApp: its numbers are written country code first, and
 * often without "+" ("WhatsApp: 85291234567"), as in its own wa.me links.
 */
export const isNamedAsWhatsApp = (text: string, start: number): boolean => /whats\s?app/i.test(clauseBefore(text, start));

const isAsciiAlphanumeric = (char: string | undefined) => char !== undefined && /[A-Za-z0-9]/.test(char);
const isUrlCharacter = (char: string | undefined) => char !== undefined && /[A-Za-z_./=?:-]/.test(char);

/**
 * A Latin label typed straight against the number ("TEL13812345678", "加vx13812345678", "Tel.+86 …"):
 * it names a contact rather than gluing the digits to a code. A whole word only ("hotel1381…" stays
 * glued); vx/wx/v are how visitors spell WeChat to slip past a shop's contact filter.
 */
const GLUED_CONTACT_LABEL = /(?:^|[^A-Za-z])(?:tel|phone|mobile|mob|cell|whatsapp|wechat|weixin|vx|wx|v)\.?$/i;

const MAX_EMPHASIS_MARKS = 3;
const isWordOrMask = (char: string | undefined) => char !== undefined && /[A-Za-z0-9_*]/.test(char);

/**
 * Whether the `*` or `_` run next to a span (from `from`, stepping by `step`) is Markdown emphasis
 * ("**13812345678**", "__…__"): at most three marks, with no word, digit or further mark beyond them.
 * A run with a digit or letter beyond it is a mask (138****5678) or a handle (wxid_138…).
 */
function isEmphasisRun(text: string, from: number, step: 1 | -1): boolean {
  const mark = text[from];
  if (mark !== '*' && mark !== '_') return false;
  let at = from;
  while (text[at] === mark) at += step;
  return Math.abs(at - from) <= MAX_EMPHASIS_MARKS && !isWordOrMask(text[at]);
}

/**
 * Whether the character before `start` makes the span part of something else: a code (SF1234…,
 * v13.8), a masked number (138****5678), a URL path or query, a handle, an amount.
 */
export function isGluedBefore(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined || isEmphasisRun(text, start - 1, -1)) return false;
  if (/[A-Za-z.]/.test(before) && GLUED_CONTACT_LABEL.test(text.slice(Math.max(0, start - 12), start))) return false;
  if (/[A-Za-z0-9_@*\\=&#%$¥￥]/.test(before)) return true;
  // "AB-13812345678" or "1.13812345678": a hyphen or point joining it to a code or a decimal.
  if (before === '-' || before === '.') return isAsciiAlphanumeric(text[start - 2]);
  // "/item/13812345678" is a URL path; "13812345678/13912345678" lists two numbers.
  return before === '/' && isUrlCharacter(text[start - 2]);
}

/** Whether the character after `end` makes the span part of something else (see isGluedBefore). */
export function isGluedAfter(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined || isEmphasisRun(text, end, 1)) return false;
  if (/[A-Za-z_@*\\%]/.test(after)) return true;
  if (after === '-') return isAsciiAlphanumeric(text[end + 1]);
  // "13812345678.5" is a decimal and "…5678.jpg" a file name; "…5678.Thanks" ends a sentence.
  if (after === '.') return /[0-9a-z]/.test(text[end + 1] ?? '');
  return after === '/' && isUrlCharacter(text[end + 1]);
}

/** The digits of consecutive groups and the separator written before each (see phone-runs.ts). */
export interface GroupView {
  digits: string;
  joint: string;
}

const isYear = (digits: string) => digits.length === 4 && (digits.startsWith('19') || digits.startsWith('20'));
const isWithin = (digits: string, low: number, high: number) => digits.length <= 2 && Number(digits) >= low && Number(digits) <= high;

/** How many groups from `first` spell a date (2024-03-15, 2024-3): they are never a number. */
export function dateGroupCount(groups: readonly GroupView[], first: number): number {
  const year = groups[first];
  const month = groups[first + 1];
  if (!year || !month || !isYear(year.digits) || !isWithin(month.digits, 1, 12)) return 0;
  if (month.joint !== '-' && month.joint !== '.') return 0;
  const day = groups[first + 2];
  return day && day.joint === month.joint && isWithin(day.digits, 1, 31) ? 3 : 2;
}

/** How many groups from `first` spell a bank card written in fours (6222 0212 3456 7890 123). */
export function cardGroupCount(groups: readonly GroupView[], first: number): number {
  let count = 0;
  let digits = 0;
  for (let index = first; index < groups.length; index++) {
    const group = groups[index]!;
    if (index > first && group.joint !== ' ' && group.joint !== '-') break;
    if (group.digits.length === 4 && digits + 4 <= 19) {
      count++;
      digits += 4;
      continue;
    }
    // A card may end in a shorter group (19 digits: four fours and a three).
    if (count >= 4 && group.digits.length < 4 && digits + group.digits.length <= 19) count++;
    break;
  }
  return count >= 4 ? count : 0;
}

/** Whether the groups are an IPv4 address (four groups of at most three digits joined by points). */
export function isIpAddress(groups: readonly GroupView[]): boolean {
  return groups.length === 4 && groups.every((group, index) => group.digits.length <= 3 && (index === 0 || group.joint === '.'));
}
