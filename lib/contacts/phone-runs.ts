// Reads runs of digit groups ("(+86) 138-1234 5678") out of folded text and picks phone-number spans
// from them: the longest run of whole groups that has a phone's shape (length and leading digits, no
// number plan) and that a caller-supplied judge accepts, left to right. Pure and dependency-free: the
// page scanner runs it with a judge that accepts any shape, the background with libphonenumber-js.
// Invariant: a picked span always starts and ends on group (or prefix) boundaries, never inside a group.
import { cardGroupCount, dateGroupCount, isGluedAfter, isGluedBefore, isIpAddress, isNamedAsNonContact, isNamedAsWhatsApp } from './context-rules';
import { keyOrLinkBefore } from './keys-and-links';

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
  /** What was written between the previous group and this one ('' for the first). */
  joint: string;
}

/** The digits of a span as they would be dialled: after "+"/"00" (international) or national (CN). */
export interface DialableNumber {
  international: boolean;
  digits: string;
}

export interface PhoneSpan<T> {
  start: number;
  end: number;
  value: T;
}

const SEPARATORS = ' -.()\t';
const MAX_JOINT_LENGTH = 3;
const MAX_INTERNATIONAL_DIGITS = 15;
/**
 * Every group holds a digit, so a span of "00" and fifteen digits bounds the groups too. Visitors who
 * slip a number past a shop's filter type one digit per group ("1 3 8 1 2 3 4 5 6 7 8"): eleven groups.
 */
const MAX_GROUPS_PER_NUMBER = MAX_INTERNATIONAL_DIGITS + 2;
const MIN_INTERNATIONAL_DIGITS = 7;

const isDigitCode = (code: number) => code >= 48 && code <= 57;

function digitsFrom(text: string, index: number): number {
  let end = index;
  while (end < text.length && isDigitCode(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Whether the separator between two groups joins them into one run. A point joins only groups of
 * three or more digits (or follows a "+1"), so decimals, versions and short dates (1.3.8, 13.80,
 * 2024.3.15) split apart.
 */
function joins(joint: string, previousLength: number, nextLength: number, afterCountryCode: boolean): boolean {
  if (!joint.includes('.')) return true;
  return joint === '.' && (previousLength >= 3 || afterCountryCode) && nextLength >= 3;
}

/** Reads the run of groups whose first digit is at `first`. */
function readDigitRun(text: string, first: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let start = first;
  let joint = '';
  for (;;) {
    const end = digitsFrom(text, start);
    groups.push({ start, end, digits: text.slice(start, end), joint });
    let next = end;
    while (next < text.length && next - end <= MAX_JOINT_LENGTH && SEPARATORS.includes(text[next]!)) next++;
    if (next === end || next - end > MAX_JOINT_LENGTH || !isDigitCode(text.charCodeAt(next))) return groups;
    joint = text.slice(end, next);
    const afterCountryCode = groups.length === 1 && text[first - 1] === '+';
    if (!joins(joint, end - start, digitsFrom(text, next) - next, afterCountryCode)) return groups;
    start = next;
  }
}

/** Where a span beginning with group `index` starts: including "+", "(+" or "(" written before it. */
function spanStart(text: string, groups: readonly DigitGroup[], index: number): { start: number; plus: boolean } {
  const group = groups[index]!;
  const before = index === 0 ? text[group.start - 1] : group.joint.at(-1);
  const closesLater = groups[index + 1]?.joint.includes(')') ?? false;
  if (before === '+') {
    const opened = index === 0 && text[group.start - 2] === '(' && closesLater;
    return { start: group.start - (opened ? 2 : 1), plus: true };
  }
  if (before === '(' && closesLater) return { start: group.start - 1, plus: false };
  return { start: group.start, plus: false };
}

/** The dialable form of groups first..last if they have a phone's shape, else undefined. */
function dialableShape(groups: readonly DigitGroup[], first: number, last: number, plus: boolean): DialableNumber | undefined {
  let digits = '';
  for (let index = first; index <= last; index++) digits += groups[index]!.digits;
  const internationalLengthOk = (length: number) => length >= MIN_INTERNATIONAL_DIGITS && length <= MAX_INTERNATIONAL_DIGITS;
  if (plus) return internationalLengthOk(digits.length) ? { international: true, digits } : undefined;
  if (digits.startsWith('00')) {
    return internationalLengthOk(digits.length - 2) ? { international: true, digits: digits.slice(2) } : undefined;
  }
  if (digits.startsWith('86')) {
    // "86-138…" or "86 10 6234 5678": the country code written without its "+".
    const national = digits.slice(2);
    if (national.length === 11 && national.startsWith('1')) return { international: true, digits };
    if (groups[first]!.digits === '86' && national.length >= 9 && national.length <= 12) {
      return { international: true, digits: national.startsWith('0') ? `86${national.slice(1)}` : digits };
    }
  }
  if (digits.length === 11 && digits.startsWith('1')) return { international: false, digits }; // CN mobile
  if (digits.length >= 10 && digits.length <= 12 && digits.startsWith('0')) return { international: false, digits }; // CN landline
  if (digits.length === 10 && (digits.startsWith('400') || digits.startsWith('800'))) return { international: false, digits };
  return undefined;
}

/** Whether the groups from `first` on hold at least as many digits as the shortest number. */
function hasDigitsForNumber(groups: readonly DigitGroup[], first: number): boolean {
  let digits = 0;
  for (let index = first; index < groups.length && digits < MIN_INTERNATIONAL_DIGITS; index++) digits += groups[index]!.digits.length;
  return digits >= MIN_INTERNATIONAL_DIGITS;
}

/** What the judge says of the first of the readings it accepts. */
function judgeFirstOf<T>(judge: (dialable: DialableNumber) => T | undefined, ...readings: (DialableNumber | undefined)[]): T | undefined {
  for (const reading of readings) {
    const value = reading && judge(reading);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Picks phone spans from the run: at each group, the longest shaped span the judge accepts; a span the
 * context names as something else (or glued to a code at the run's edges) is consumed without a result.
 */
function pickPhoneSpans<T>(text: string, groups: readonly DigitGroup[], judge: (dialable: DialableNumber) => T | undefined, found: PhoneSpan<T>[]): void {
  if (isIpAddress(groups)) return;
  const lastGroup = groups.length - 1;
  for (let first = 0; first <= lastGroup; ) {
    const skipped = dateGroupCount(groups, first) || cardGroupCount(groups, first);
    if (skipped > 0) {
      first += skipped;
      continue;
    }
    // Fewer digits than the shortest number are left: most runs (times, sizes, prices) end here.
    if (!hasDigitsForNumber(groups, first)) return;
    const { start, plus } = spanStart(text, groups, first);
    // A key or link right before the number ("phone=", "id:", "wa.me/") unglues it or refuses it.
    const named = keyOrLinkBefore(text, start);
    const international = plus || named === 'international contact';
    // After "WhatsApp" the digits may also be country code first without "+" (852 9123 4567).
    const mayBeCountryCodeFirst = !international && isNamedAsWhatsApp(text, start);
    let picked = -1;
    for (let last = Math.min(lastGroup, first + MAX_GROUPS_PER_NUMBER - 1); last >= first; last--) {
      const dialable = dialableShape(groups, first, last, international);
      const countryCodeFirst = mayBeCountryCodeFirst ? dialableShape(groups, first, last, true) : undefined;
      if (!dialable && !countryCodeFirst) continue;
      const end = groups[last]!.end;
      const glued = (first === 0 && !named && isGluedBefore(text, start)) || (last === lastGroup && isGluedAfter(text, end));
      const disqualified = glued || named === 'identifier' || isNamedAsNonContact(text, start, end);
      const value = disqualified ? undefined : judgeFirstOf(judge, dialable, countryCodeFirst);
      // A disqualified span is consumed whole: its shorter prefixes sit in the same context.
      if (!disqualified && value === undefined) continue;
      if (value !== undefined) found.push({ start, end, value });
      picked = last;
      break;
    }
    first = picked < 0 ? first + 1 : picked + 1;
  }
}

/** Every phone span in the folded text, in order of appearance. */
export function findPhoneSpans<T>(text: string, judge: (dialable: DialableNumber) => T | undefined): PhoneSpan<T>[] {
  const found: PhoneSpan<T>[] = [];
  for (let index = 0; index < text.length; index++) {
    if (!isDigitCode(text.charCodeAt(index))) continue;
    const groups = readDigitRun(text, index);
    pickPhoneSpans(text, groups, judge, found);
    index = groups[groups.length - 1]!.end;
  }
  return found;
}
