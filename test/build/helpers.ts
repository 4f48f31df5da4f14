import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO, runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

export { listFiles, readBytes, readTexts } from '../helpers/files.js';

/** The build fixtures: small handbooks, and `layouts/` folders laid over the package layouts. */
export const FIXTURES = join(REPO, 'test/fixtures/build');
export const PACKAGE_LAYOUTS = join(REPO, 'layouts');

/** What a test root is made of, copied in this order (later parts overwrite earlier files). */
export type Part = { fixture: string } | 'sample' | 'package-layouts';

/**
 * A fresh handbook root in a temp dir, its parts copied in order (a custom
 * layout fixture after 'package-layouts' replaces the copied files it holds).
 * A root's own layouts/ is laid over the package's file by file, so a layout
 * fixture alone builds the same; 'package-layouts' makes every layout the root's own.
 */
export function makeRoot(...parts: Part[]): string {
  const root = tempDir();
  for (const part of parts) {
    if (part === 'sample') {
      cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
      cpSync(join(REPO, 'handbook.config.yaml'), join(root, 'handbook.config.yaml'));
    } else if (part === 'package-layouts') cpSync(PACKAGE_LAYOUTS, join(root, 'layouts'), { recursive: true });
    else cpSync(join(FIXTURES, part.fixture), root, { recursive: true });
  }
  return root;
}

/** `handbook build --root ROOT …` in a fresh process (Eleventy caches layouts per process). */
export function build(root: string, ...args: string[]): Promise<CliResult> {
  return runCli(['build', '--root', root, ...args]);
}

/** Runs the CLI with the handbook root as the working directory, as `npx handbook build` would. */
export function buildInCwd(cwd: string, ...args: string[]): Promise<CliResult> {
  return runCli(['build', ...args], { cwd });
}

/**
 * The forms a value can take in a site: raw, HTML-escaped (named, decimal, hex;
 * Nunjucks writes `&#39;` and `&#92;`), JSON-escaped (also inside HTML, as
 * `{{ x | dump }}` prints it, and with `\/`), and URL-encoded.
 */
export function forms(text: string): string[] {
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\\/g, '&#92;');
  const dec = (s: string) => s.replace(/[&<>"'\\]/g, (c) => `&#${c.charCodeAt(0)};`);
  const hex = (s: string) => s.replace(/[&<>"'\\]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, html(text), dec(text), hex(text), json, html(json), json.replace(/\//g, '\\/'), encodeURIComponent(text), encodeURI(text)])];
}

/** The files of a tree in which `text` appears in any of its forms. */
export function filesWith(texts: ReadonlyMap<string, string>, text: string): string[] {
  const all = forms(text);
  return [...texts].filter(([, body]) => all.some((f) => body.includes(f))).map(([file]) => file);
}

/** The parsed YAML front matter of a Markdown file (yaml 2, core schema: dates stay strings). */
export function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${file} has no front matter`);
  return parse(match[1]!) as Record<string, unknown>;
}

/** Entries a build may leave beside its output folder when it does not clean up. */
export function leftovers(parent: string): string[] {
  return readdirSync(parent).filter((name) => /\.(staging|layout|old)-/.test(name)).sort();
}
