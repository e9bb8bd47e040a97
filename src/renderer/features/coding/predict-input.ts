/**
 * The value a text box will hold once a `beforeinput` edit is applied, for the edits a coder
 * types: a character, Backspace or Delete, with or without a selection. Anything else (paste,
 * IME composition, undo, word deletes) gives null and is simply not anticipated.
 */
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export function valueAfterEdit(value: string, start: number | null, end: number | null, inputType: string, data: string | null): string | null {
  if (start === null || end === null || start > end || end > value.length) return null;
  const cut = (from: number, to: number) => value.slice(0, from) + value.slice(to);
  switch (inputType) {
    case 'insertText':
      return data === null ? null : value.slice(0, start) + data + value.slice(end);
    case 'deleteContentBackward':
      if (start !== end) return cut(start, end);
      // A character outside the BMP is two code units: leave it to the browser.
      return start === 0 || isLowSurrogate(value.charCodeAt(start - 1)) ? null : cut(start - 1, start);
    case 'deleteContentForward':
      if (start !== end) return cut(start, end);
      return start === value.length || isHighSurrogate(value.charCodeAt(start)) ? null : cut(start, start + 1);
    default:
      return null;
  }
}
