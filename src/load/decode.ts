import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Files larger than this are refused before any parsing (a huge scalar costs gigabytes in a parser). */
export const MAX_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a content file as strict UTF-8 (a BOM is dropped); anything else is a diagnostic. */
export function decodeSource(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  const at = { file, line: 1, column: 1 };
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      diagnostic: diagnostic('file/too-large', at, { bytes: bytes.byteLength, limit: MAX_FILE_BYTES }),
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      diagnostic: diagnostic('file/encoding', at, { kind: 'invalid', utf16Bom: bytes[0] === 0xff || bytes[0] === 0xfe }),
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return {
      diagnostic: diagnostic('file/encoding', { file, line, column: nul - before.lastIndexOf('\n') }, { kind: 'nul' }),
    };
  }
  return { text };
}
