import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { generateHandbook } from '../../bench/generate.mjs';
import { REPO } from './cli.js';

/** A file's body: what follows its front matter, which is not parsed (some fixtures' is broken on purpose). */
const body = (text: string) => matter(text, { engines: { yaml: () => ({}) } }).content;

/** Every Markdown body of the sample and the fixtures, and of a generated handbook of `pages` pages per seed, by name. */
export function markdownBodies(pages: number, seeds: readonly number[]): [string, string][] {
  const found: [string, string][] = [];
  for (const dir of ['content', 'test/fixtures']) {
    for (const file of readdirSync(join(REPO, dir), { recursive: true }) as string[]) {
      if (file.endsWith('.md')) found.push([join(dir, file), body(readFileSync(join(REPO, dir, file), 'utf8'))]);
    }
  }
  for (const seed of seeds) for (const [file, text] of generateHandbook(pages, seed)) if (file.endsWith('.md')) found.push([`bench(${seed}):${file}`, body(text)]);
  return found;
}
