// Finds email addresses in folded text: a local part, "@", and a dotted domain ending in a letter TLD,
// minus asset names (icon@2x.png), handles (@name), dotless hosts (user@localhost) and masked addresses
// (zh****an@qq.com). Pure and dependency-free: the page scanner and the background both import it.
// Invariant: work is linear in the text, starting only from each "@", so long alphanumeric blobs
// without one cost one scan.

export interface EmailSpan {
  start: number;
  end: number;
  /** Lowercased address. */
  value: string;
}

const MAX_LOCAL_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9_-])/y;
/** What hides part of an address shown to the agent: stars (full-width ones are folded), dots, an ellipsis. */
const MASK = /[*•●…]/;
/** Image, style and script extensions: "logo@2x.png" names a file, not a mailbox. */
const ASSET_EXTENSION = /^(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|css|js|mjs|json|html?|mp[34]|pdf|zip)$/i;

function localPartStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL_LENGTH && LOCAL_CHAR.test(text[start - 1]!)) start--;
  // A local part neither starts with a point nor with a tag or hyphen left over from the text before.
  while (start < at && '.+-'.includes(text[start]!)) start++;
  return start;
}

/**
 * "zh****an@qq.com", "139****4321@139.com", "zh...an@qq.com": an address with its middle hidden. The
 * visible tail is no address of anyone, and a local part never holds two points in a row. Stars that
 * close again right after the address ("**li@example.com**") are Markdown emphasis, not a mask.
 */
function isMasked(text: string, start: number, at: number, end: number): boolean {
  if (text.slice(start, at).includes('..')) return true;
  const mark = text[start - 1];
  if (mark === undefined || !MASK.test(mark)) return false;
  let runStart = start - 1;
  while (text[runStart - 1] === mark) runStart--;
  const run = text.slice(runStart, start);
  const emphasis = !LOCAL_CHAR.test(text[runStart - 1] ?? ' ') && text.startsWith(run, end) && text[end + run.length] !== mark;
  return !emphasis;
}

export function findEmailSpans(text: string): EmailSpan[] {
  const found: EmailSpan[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const start = localPartStart(text, at);
    if (start === at || text[at - 1] === '.') continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text)?.[0];
    if (!domain || domain.length > MAX_DOMAIN_LENGTH) continue;
    if (ASSET_EXTENSION.test(domain.slice(domain.lastIndexOf('.') + 1))) continue;
    const end = at + 1 + domain.length;
    if (isMasked(text, start, at, end)) continue;
    found.push({ start, end, value: text.slice(start, end).toLowerCase() });
    at = end - 1;
  }
  return found;
}
