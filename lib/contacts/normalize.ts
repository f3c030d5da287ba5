// Folds what visitors type with a Chinese input method (full-width digits, ＋, －, （）, ＠, ．, the
// ideographic space) to ASCII, one UTF-16 unit for one, so offsets into the folded text are offsets
// into the original. Pure and dependency-free: the page scanner and the background both import it.

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;

export function foldWidth(text: string): string {
  let folded = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) folded += String.fromCharCode(code - FULL_WIDTH_OFFSET);
    else if (code === 0x3000 || code === 0x00a0) folded += ' ';
    else if (code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x2014 || code === 0x2212) folded += '-';
    else folded += text[index];
  }
  return folded;
}
