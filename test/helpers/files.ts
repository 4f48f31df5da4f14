import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file below `dir` (relative, `/`-separated, sorted), symlinks and folders left out. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Every file's bytes, by relative path. */
export function readBytes(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

/** Every file as text; gzip is decompressed first, as search index fragments are gzipped. */
export function readTexts(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, bytes] of readBytes(dir)) out.set(file, (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  return out;
}

/** Every file's bytes as base64, by relative path: two trees compare with `toEqual`, and a difference names its file. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries([...readBytes(dir)].map(([file, bytes]) => [file, bytes.toString('base64')]));
}
