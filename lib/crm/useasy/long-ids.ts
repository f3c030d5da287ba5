// Parses Useasy's JSON without losing 18-digit ids. Ids are documented as strings, but a bare number
// above 2^53 would be rounded by JSON.parse before any schema sees it, so integer literals too large to
// be exact are turned into strings in the raw text first. Pure; the Useasy transport and mock import it.

/**
 * JSON.parse, except that integer literals outside Number's safe range become decimal strings, exactly
 * as written. Text inside strings is never touched. Throws SyntaxError like JSON.parse on bad JSON.
 */
export function parseJsonKeepingLongIds(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

export function quoteLongIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      index = endOfString(text, index);
      continue;
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      NUMBER.lastIndex = index;
      const match = NUMBER.exec(text);
      if (!match) {
        index += 1;
        continue;
      }
      const literal = match[0];
      const isInteger = match[1] === undefined && match[2] === undefined;
      if (isInteger && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(copiedUpTo, index)}"${literal}"`;
        copiedUpTo = index + literal.length;
      }
      index += literal.length;
      continue;
    }
    index += 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** The index just past the string that opens at `start`, skipping escaped quotes. */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index += 1;
  }
  return index;
}
