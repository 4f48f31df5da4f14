// Vitest global setup: finds the Chromium the browser tests launch, once per test run,
// and hands it to them (test/browser/harness.ts) through `provide`/`inject`.
//
// CHROMIUM_PATH, when set, names the binary and nothing is extracted. Otherwise the
// chrome-headless-shell of the @sparticuz/chromium devDependency is inflated (its
// brotli'd binary, SwiftShader libraries, fonts, and the NSS libraries it ships for
// Amazon Linux) into a folder of the OS temp folder named after the package version
// and the user, and reused by later runs.
//
// The package itself inflates into `os.tmpdir()` and returns `<tmpdir>/chromium`
// whenever that file exists, whatever version left it there; and vitest workers
// inflating at once would race. So the extraction happens here, in one process, into
// a fresh staging folder (TMPDIR points at it for the call), and the staging folder is
// then renamed into place: a folder under the final name is always complete.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { TestProject } from 'vitest/node';

/** How to launch the browser: its binary, and environment variables to add to the launch's `env`. */
export interface ChromiumLaunch {
  executablePath: string;
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumLaunch;
  }
}

const PACKAGE = '@sparticuz/chromium';
/** Written last into a complete extraction: every extracted file and its size. */
const MANIFEST = 'okr-handbook-manifest.json';
/** A staging folder this old was left by a run that died while extracting. */
const ABANDONED_MS = 10 * 60_000;

export default async function setup(project: TestProject): Promise<void> {
  const path = process.env.CHROMIUM_PATH;
  project.provide('chromium', path ? { executablePath: path, env: {} } : await extracted());
}

/** The extracted headless shell (extracting it first if no complete extraction is there) and the environment it needs here. */
async function extracted(): Promise<ChromiumLaunch> {
  const root = packageRoot();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const base = tmpdir();
  const name = `okr-handbook-chromium-${version}-${process.getuid?.() ?? 'user'}`;
  const dir = join(base, name);
  removeAbandoned(base, `${name}.partial-`);
  if (!complete(dir)) {
    // A folder without its files (a temp cleaner took some) is moved aside, then replaced.
    if (existsSync(dir)) discard(dir, `${dir}.broken-${process.pid}`);
    const started = Date.now();
    const staging = mkdtempSync(join(base, `${name}.partial-`));
    try {
      await inflate(root, staging, dir);
      renameSync(staging, dir);
      console.log(`${PACKAGE} ${version}: extracted into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      // Another test run renamed its own complete extraction into place first: use that one.
      if (!complete(dir)) throw err;
    }
  }
  const env: Record<string, string> = {};
  if (existsSync(join(dir, 'fonts/fonts.conf')) && !process.env.FONTCONFIG_PATH && !process.env.FONTCONFIG_FILE && !systemHasFonts()) {
    // Without any font Chromium renders pages, and screenshots, without text.
    env.FONTCONFIG_PATH = join(dir, 'fonts');
  }
  if (missingLibraries(join(dir, 'chromium'))) {
    // The NSS and expat libraries the package builds for Amazon Linux, for machines without their own.
    env.LD_LIBRARY_PATH = [join(dir, 'al2023/lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  return { executablePath: join(dir, 'chromium'), env };
}

/** The installed package's folder (its `exports` do not include package.json). */
function packageRoot(): string {
  let dir = dirname(createRequire(import.meta.url).resolve(PACKAGE));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== PACKAGE) {
    if (dirname(dir) === dir) throw new Error(`${PACKAGE}: package.json not found`);
    dir = dirname(dir);
  }
  return dir;
}

/** Inflates everything into `staging`, whose contents will be used from `dir`. */
async function inflate(root: string, staging: string, dir: string): Promise<void> {
  // The package reads os.tmpdir() when it is called, and sets FONTCONFIG_PATH, HOME and
  // LD_LIBRARY_PATH when it believes it runs in AWS Lambda; none of that may outlive the call.
  const saved = Object.fromEntries(['TMPDIR', 'FONTCONFIG_PATH', 'HOME', 'LD_LIBRARY_PATH'].map((key) => [key, process.env[key]]));
  process.env.TMPDIR = staging;
  let binary: string;
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    binary = await chromium.executablePath();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  if (binary !== join(staging, 'chromium')) throw new Error(`${PACKAGE} inflated its binary to ${binary}, not into ${staging}`);
  // Extracted by the package only in AWS Lambda and alike; tar is on every Linux machine.
  if (!existsSync(join(staging, 'al2023'))) {
    mkdirSync(join(staging, 'al2023'));
    const tar = spawnSync('tar', ['-x', '-C', join(staging, 'al2023')], { input: brotliDecompressSync(readFileSync(join(root, 'bin/al2023.tar.br'))) });
    if (tar.status !== 0) throw new Error(`tar could not extract ${PACKAGE}'s al2023.tar.br: ${tar.error?.message ?? tar.stderr.toString()}`);
  }
  if (existsSync(join(staging, 'fonts'))) {
    // The package's own fonts.conf names /tmp/fonts; this one names where the fonts will be.
    writeFileSync(
      join(staging, 'fonts/fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts/fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
  }
  const files = Object.fromEntries(listFiles(staging).map((file) => [relative(staging, file), statSync(file).size]));
  writeFileSync(join(staging, MANIFEST), JSON.stringify(files, null, 2));
}

/** Whether `dir` holds a complete extraction: its manifest, and every file of it at its size. */
function complete(dir: string): boolean {
  try {
    const files = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Record<string, number>;
    return 'chromium' in files && Object.entries(files).every(([file, size]) => statSync(join(dir, file)).size === size);
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/** Moves `dir` out of the way under a name of its own, then removes it; another run may have done so first. */
function discard(dir: string, aside: string): void {
  try {
    renameSync(dir, aside);
  } catch {
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Removes staging folders of runs that died while extracting. */
function removeAbandoned(base: string, prefix: string): void {
  for (const entry of readdirSync(base)) {
    if (!entry.startsWith(prefix)) continue;
    try {
      if (Date.now() - statSync(join(base, entry)).mtimeMs > ABANDONED_MS) rmSync(join(base, entry), { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another run.
    }
  }
}

/** Whether fontconfig finds a font here: its configuration, and a font file where Debian and most Linux systems keep them. */
function systemHasFonts(): boolean {
  if (!existsSync('/etc/fonts/fonts.conf')) return false;
  const fontIn = (dir: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((entry) => (entry.isDirectory() ? depth > 0 && fontIn(join(dir, entry.name), depth - 1) : /\.(ttf|ttc|otf|pfb|pcf(\.gz)?)$/i.test(entry.name)));
  };
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts')].some((dir) => fontIn(dir, 4));
}

/** Whether the dynamic linker finds none of some library the binary needs (ldd says so; no ldd, no answer). */
function missingLibraries(binary: string): boolean {
  const ldd = spawnSync('ldd', [binary], { encoding: 'utf8' });
  return ldd.status === 0 && /\bnot found\b/.test(ldd.stdout);
}
