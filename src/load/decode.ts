import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Files larger than this are refused before any parsing (a huge scalar costs gigabytes in a parser). */
export const MAX_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a content file as strict UTF-8 (a BOM is dropped); anything else is a diagnostic. */
export function decodeSource(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const at = { file, line: 1, column: 1 };
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      diagnostic: diagnostic('file/too-large', {
        ...at,
        message: `file is ${bytes.byteLength} bytes, more than the limit of ${MAX_FILE_BYTES}`,
        hint: 'split the page, or move large data to a file under static/',
      }),
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bom = bytes[0] === 0xff || bytes[0] === 0xfe ? ' (it starts with a UTF-16 byte-order mark)' : '';
    return {
      diagnostic: diagnostic('file/encoding', { ...at, message: `file is not valid UTF-8${bom}`, hint: 'save the file as UTF-8' }),
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return {
      diagnostic: diagnostic('file/encoding', {
        file,
        line,
        column: nul - before.lastIndexOf('\n'),
        message: 'file contains a NUL character: it is binary or UTF-16, not UTF-8 text',
        hint: 'save the file as UTF-8',
      }),
    };
  }
  return { text };
}
