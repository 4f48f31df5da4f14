import { gunzipSync, inflateRawSync } from 'node:zlib';

/** A text a file holds, as a browser or spreadsheet would read it, and where in the file it lies. */
export interface Readable {
  text: string;
  /** How it is stored, when not as the file's own text: `gzip-compressed`, `base64`, `zip entry a.csv`, `UTF-16`. */
  how?: string;
  /** Offset in the file's own text where it lies, when it came from a part of it (a base64 run); its offsets count from there. */
  at?: number;
  /** Its offsets are offsets of the file's own text (positions can be given as line and column). */
  positional: boolean;
}

/** Nested encodings deeper than this (base64 inside a zip inside gzip …) are not unwrapped further. */
const MAX_DEPTH = 3;
/** A base64 run long enough to hold a distinctive value. */
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;

/**
 * Every text a file holds: its own (UTF-8, or UTF-16 with a byte-order mark),
 * what it holds gzip-compressed or in a zip archive (an .xlsx, a .docx), and
 * what is written in it as base64 (a data: URL); each unwrapped in turn.
 */
export function readableTexts(bytes: Uint8Array, depth = 0): Readable[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nested = (inner: Uint8Array, how: string): Readable[] => (depth >= MAX_DEPTH ? [] : readableTexts(inner, depth + 1).map((r) => ({ ...r, how: r.how ? `${how}, ${r.how}` : how, positional: false })));
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) {
    try {
      return nested(gunzipSync(buffer), 'gzip-compressed');
    } catch {
      // Not gzip after all: read as it is.
    }
  }
  if (buffer.length >= 22 && buffer.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(buffer);
    if (entries) return entries.flatMap(({ name, data }) => nested(data, `zip entry ${name}`));
  }
  const text = decodeText(buffer);
  // A binary file (an image, a font) is no text anyone reads: digits among its bytes mean nothing.
  if (text.how === undefined && buffer.includes(0)) return [];
  const own: Readable = { text: text.text, positional: text.how === undefined, ...(text.how ? { how: text.how } : {}) };
  const inner = depth >= MAX_DEPTH ? [] : [...own.text.matchAll(BASE64_RUN)].flatMap((m) => {
    const decoded = Buffer.from(m[0], 'base64');
    return readableTexts(decoded, depth + 1).filter((r) => r.how !== undefined || printable(r.text)).map((r) => ({ ...r, how: r.how ? `base64, ${r.how}` : 'base64', at: m.index, positional: false }));
  });
  return [own, ...inner];
}

function decodeText(buffer: Buffer): { text: string; how?: string } {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.subarray(2).toString('utf16le'), how: 'UTF-16' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), how: 'UTF-16' };
  }
  // UTF-16 without a byte-order mark: ASCII text with a zero byte after every character.
  if (buffer.length >= 8 && buffer.length % 2 === 0 && buffer[1] === 0 && buffer[3] === 0 && buffer[0] !== 0) return { text: buffer.toString('utf16le'), how: 'UTF-16' };
  return { text: buffer.toString('utf8') };
}

/** Most of it is text a person could read: what base64 made of bytes that were not text is noise. */
function printable(text: string): boolean {
  if (text.length === 0) return false;
  let noise = 0;
  for (const ch of text) if (ch === '\uFFFD' || /[^\P{Cc}\n\r\t]/u.test(ch)) noise++;
  return noise / text.length < 0.05;
}

/** The files of a zip archive, from its central directory (stored or deflated); none if it is not one. */
function zipEntries(buffer: Buffer): { name: string; data: Buffer }[] | undefined {
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return undefined;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  try {
    for (let n = 0; n < count; n++) {
      if (buffer.readUInt32LE(at) !== 0x02014b50) return undefined;
      const method = buffer.readUInt16LE(at + 10);
      const size = buffer.readUInt32LE(at + 20);
      const nameLength = buffer.readUInt16LE(at + 28);
      const extraLength = buffer.readUInt16LE(at + 30);
      const commentLength = buffer.readUInt16LE(at + 32);
      const local = buffer.readUInt32LE(at + 42);
      const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const raw = buffer.subarray(start, start + size);
      if (method === 0) entries.push({ name, data: raw });
      else if (method === 8) entries.push({ name, data: inflateRawSync(raw) });
      at += 46 + nameLength + extraLength + commentLength;
    }
  } catch {
    return undefined;
  }
  return entries;
}
