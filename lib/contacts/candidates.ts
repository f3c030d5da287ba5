// Cheap, dependency-free candidate finding: digit runs shaped like a phone number and email-shaped
// strings, minus what their surroundings disqualify (glued to letters, masked, an order number, a
// price…). Generous by design: every real number must survive; the background confirms each with
// libphonenumber-js. Runs in the page scanner, so it stays small and never imports a library.
import { contextRejects } from './context-rules';
import { foldWidth } from './normalize';

export interface ContactCandidate {
  kind: 'phone' | 'email';
  /** The text as it stands on the page (not folded). */
  raw: string;
  start: number;
  end: number;
}

/** A digit, then more digits with at most three separators between any two. */
const DIGIT_RUN = /\d(?:[ .\-()]{0,3}\d)*/g;
const EMAIL =
  /[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
/** Asset names like icon@2x.png look like emails. */
const ASSET_TLD = /^(png|jpe?g|gif|svg|webp|ico|bmp|css|js|mp[34]|pdf)$/i;
const GLUED_BEFORE = /[A-Za-z0-9_@*./\\]/;
const GLUED_AFTER = /[A-Za-z0-9_@*%]/;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Whether digits (with or without an international prefix) have the length and lead of a phone number. */
function plausible(digits: string, international: boolean): boolean {
  if (international) return digits.length >= 8 && digits.length <= 15;
  if (/^1[3-9]\d{9}$/.test(digits)) return true; // CN mobile
  if (/^0[1-9]\d{8,10}$/.test(digits)) return true; // CN landline with area code
  if (/^86(1[3-9]\d{9}|[1-9]\d{8,10})$/.test(digits)) return true; // 86 written without +
  return false;
}

function groupsOf(text: string, runStart: number, runEnd: number): Group[] {
  const groups: Group[] = [];
  const digits = /\d+/g;
  digits.lastIndex = runStart;
  for (let match = digits.exec(text); match && match.index < runEnd; match = digits.exec(text)) {
    groups.push({ start: match.index, end: match.index + match[0].length, digits: match[0] });
  }
  return groups;
}

/** Reads back over "(", "+" and "00"-less prefixes written right before the first digit. */
function prefixStart(text: string, start: number): { start: number; plus: boolean } {
  let at = start;
  let plus = false;
  while (at > 0 && /[+(]/.test(text[at - 1]!)) {
    if (text[at - 1] === '+') plus = true;
    at -= 1;
  }
  return { start: at, plus };
}

function phonesInRun(folded: string, original: string, runStart: number, runEnd: number, found: ContactCandidate[]) {
  const groups = groupsOf(folded, runStart, runEnd);
  // Bank cards are written in fours: four or more groups of four digits is a card, not phones.
  if (groups.filter((group) => group.digits.length === 4).length >= 4) return;
  let previousWasLandline = false;
  for (let first = 0; first < groups.length; ) {
    const prefix = prefixStart(folded, groups[first]!.start);
    let matched = -1;
    let digits = '';
    for (let last = groups.length - 1; last >= first; last -= 1) {
      digits = groups.slice(first, last + 1).map((group) => group.digits).join('');
      const international = prefix.plus || digits.startsWith('00');
      if (plausible(international && digits.startsWith('00') ? digits.slice(2) : digits, international)) {
        matched = last;
        break;
      }
    }
    if (matched < 0) {
      // An extension after a landline (010-62345678-801) is part of that number, not a new one.
      const group = groups[first]!;
      const isExtension = previousWasLandline && group.digits.length <= 4 && folded[group.start - 1] === '-';
      if (!isExtension) previousWasLandline = false;
      first += 1;
      continue;
    }
    const start = prefix.start;
    const end = groups[matched]!.end;
    const before = folded[start - 1] ?? ' ';
    const after = folded[end] ?? ' ';
    const decimalAfter = after === '.' && /\d/.test(folded[end + 1] ?? '');
    if (!GLUED_BEFORE.test(before) && !GLUED_AFTER.test(after) && !decimalAfter && !contextRejects(folded, start, end)) {
      found.push({ kind: 'phone', raw: original.slice(start, end), start, end });
    }
    previousWasLandline = digits.startsWith('0') || digits.startsWith('86');
    first = matched + 1;
  }
}

export function findContactCandidates(text: string): ContactCandidate[] {
  const folded = foldWidth(text);
  const found: ContactCandidate[] = [];
  for (const match of folded.matchAll(EMAIL)) {
    const domain = match[0].slice(match[0].indexOf('@') + 1).split('.');
    if (ASSET_TLD.test(domain.at(-1)!) || /^\d+x$/i.test(domain[0]!)) continue;
    found.push({ kind: 'email', raw: text.slice(match.index, match.index + match[0].length), start: match.index, end: match.index + match[0].length });
  }
  const insideEmail = (start: number, end: number) => found.some((email) => start < email.end && end > email.start);
  for (const match of folded.matchAll(DIGIT_RUN)) {
    const end = match.index + match[0].length;
    if (!insideEmail(match.index, end)) phonesInRun(folded, text, match.index, end, found);
  }
  return found.sort((a, b) => a.start - b.start);
}
