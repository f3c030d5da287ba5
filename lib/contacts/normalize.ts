// Folds what visitors type with a Chinese input method (full-width digits, ＋, －, （）, ＠, ．, the
// ideographic space) and typographic dashes to ASCII, before the background's contact scan
// (candidates.ts) reads a text; the page's pre-test (page-reading.ts) matches the full-width forms itself
// and does not import it. Pure and dependency-free. Invariant: one UTF-16 unit in, one out, so offsets
// into the folded text are offsets into the original.

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_TO_ASCII = 0xfee0;
const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0\u2010-\u2014\u2212]/g;

function foldedUnit(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) return String.fromCharCode(code - FULL_WIDTH_TO_ASCII);
  if (code === 0x3000 || code === 0x00a0) return ' '; // ideographic and no-break space
  return '-'; // hyphens, dashes, minus
}

export function foldFullWidth(text: string): string {
  // Replacing matches only keeps the common case (little or nothing to fold) a single regex scan.
  return text.replace(FOLDABLE, foldedUnit);
}
