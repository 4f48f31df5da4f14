import { mkdtemp, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Eleventy from '@11ty/eleventy';
import { causeChain } from '../diagnostics/error.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { type EleventyBuild, type EleventyConfig, HANDBOOK_OPTIONS } from './plugin.js';

// The layout process: started by `runEleventy` under Node's permission model, it lays
// out what it is sent, one batch per message, and answers each with a `LayoutReply`.

/** One batch to lay out. */
export interface LayoutRequest {
  build: EleventyBuild;
  layoutsDir: string;
  outDir: string;
}

/** An error as it crosses the process boundary: its chain, outermost first. */
export interface ErrorLink {
  name: string;
  message: string;
}

export type LayoutReply = { ok: true } | { ok: false; chain: ErrorLink[] };

/** okr-handbook's Eleventy config file: a few lines that add the plugin. */
const CONFIG_FILE = join(PACKAGE_ROOT, '.eleventy.js');

process.on('message', (request: LayoutRequest) => {
  void layOut(request).then(
    () => reply({ ok: true }),
    (err: unknown) => reply({ ok: false, chain: causeChain(err).map(toLink) }),
  );
});

function reply(message: LayoutReply): void {
  process.send!(message);
}

function toLink(e: unknown): ErrorLink {
  const { name, message, code, permission, resource } = e as { name?: unknown; message?: unknown; code?: unknown; permission?: unknown; resource?: unknown };
  const text = typeof message === 'string' ? message : String(e);
  // What the permission model refused says what was tried (a layout reaching for a file, say), when Node says it.
  const what = [permission, resource].filter((p) => typeof p === 'string' && p !== '').join(' ');
  const refused = code === 'ERR_ACCESS_DENIED' ? ` (refused to layouts${what ? `: ${what}` : ''})` : '';
  return { name: typeof name === 'string' ? name : 'Error', message: text + refused };
}

/**
 * One Eleventy run over finished pages. Its input folder is a fresh empty one,
 * so Eleventy never sees content/, inside the working directory (the layout
 * process's own folder): Eleventy 3 cuts the working directory off template
 * paths as a bare string prefix, which broke an input folder beside a working
 * directory whose name it starts with (/tmp/okr and /tmp/okr-handbook-…).
 */
async function layOut({ build, layoutsDir, outDir }: LayoutRequest): Promise<void> {
  const inputDir = await mkdtemp(join(process.cwd(), 'input-'));
  try {
    const elev = new Eleventy(inputDir, outDir, {
      quietMode: true,
      // Always our own config file, never an eleventy.config.js from the working directory.
      configPath: CONFIG_FILE,
      config(eleventyConfig: EleventyConfig & { setIncludesDirectory(d: string): void; setLayoutsDirectory(d: string): void; setDataDirectory(d: string): void }) {
        const layouts = relative(inputDir, layoutsDir);
        eleventyConfig.setIncludesDirectory(layouts);
        eleventyConfig.setLayoutsDirectory(layouts);
        // A folder that never exists: no data file can add to what the projection produced.
        eleventyConfig.setDataDirectory('.okr-handbook-no-data');
        eleventyConfig[HANDBOOK_OPTIONS] = { build, outDir, layoutsDir };
      },
    });
    elev.disableLogger();
    await elev.write();
  } finally {
    await rm(inputDir, { recursive: true, force: true });
  }
  collectGarbage();
}

/**
 * A full garbage collection after each run, through V8's `gc` made reachable at run time (as
 * jest's leak detector does): with memory to spare, V8 lets the garbage of finished runs pile
 * up (past 1 GB at 10,000 pages) rather than collect it.
 */
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
