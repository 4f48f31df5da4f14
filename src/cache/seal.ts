import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * This machine's key for sealing cache files, kept outside every handbook (in
 * the user's cache folder), made on first use. A `.cache/` committed by
 * mistake or restored from another machine was sealed with another key: it
 * reads as empty, so a cache can make a build faster, never different. Where
 * no key can be kept, one lives as long as the process (caches then only
 * help within one run).
 */
let key: Buffer | undefined;
function machineKey(): Buffer {
  if (key) return key;
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'okr-handbook');
  const file = join(dir, 'cache-key');
  try {
    key = readFileSync(file);
    if (key.length === 32) return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return (key = randomBytes(32));
  }
  key = randomBytes(32);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, key, { mode: 0o600 });
  } catch {
    // No place for a key (a read-only home): the random key of this process serves this run.
  }
  return key;
}

/** Text sealed with this machine's key: the seal on a first line, then the text. */
export function seal(text: string): string {
  return `${createHmac('sha256', machineKey()).update(text).digest('base64url')}\n${text}`;
}

/** The text of something `seal` made on this machine; undefined for anything else (another machine's, or changed since). */
export function unseal(sealed: string): string | undefined {
  const newline = sealed.indexOf('\n');
  if (newline === -1) return undefined;
  const text = sealed.slice(newline + 1);
  const expected = Buffer.from(createHmac('sha256', machineKey()).update(text).digest('base64url'));
  const given = Buffer.from(sealed.slice(0, newline));
  return given.length === expected.length && timingSafeEqual(given, expected) ? text : undefined;
}

/** A hash of a cached value's text, recorded where it is named so the value can be checked when read. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
