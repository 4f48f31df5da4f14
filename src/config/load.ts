import { readFile } from 'node:fs/promises';
import { ConfigSchema, DEFAULT_CONFIG, type Config } from '../../schemas/config.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { decodeSource } from '../load/decode.js';
import { indexPositions, locatorOf, parseYaml } from '../load/yaml.js';
import { issuesToDiagnostics } from '../validate/issues.js';

/**
 * Reads and validates handbook.config.yaml. A missing file means the defaults;
 * any problem comes back as diagnostics (the CLI makes them exit code 2).
 */
export async function loadConfig(path: string, file: string): Promise<{ config?: Config; diagnostics: Diagnostic[]; text?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { config: DEFAULT_CONFIG, diagnostics: [] };
    // An unreadable config (EACCES, or a folder in its place) is the project's problem, not a crash:
    // reported on the file like an unreadable page, and without a config nothing else is checked (exit 2).
    return { diagnostics: [diagnostic('file/read-error', { file, line: 1, column: 1 }, { reason: e.code ?? e.message })] };
  }
  const decoded = decodeSource(file, bytes);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const { text } = decoded;
  const parsed = parseYaml(file, text);
  if ('diagnostics' in parsed) return { diagnostics: parsed.diagnostics, text };
  const result = ConfigSchema.safeParse(parsed.data ?? {}, { reportInput: true });
  if (!result.success) {
    return { diagnostics: issuesToDiagnostics(file, ConfigSchema, result.error.issues, locatorOf(indexPositions(parsed))), text };
  }
  return { config: result.data, diagnostics: [] };
}
