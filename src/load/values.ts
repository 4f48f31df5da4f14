import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ValuesFileSchema } from '../../schemas/values.js';
import { schemaAt } from '../../schemas/walk.js';
import { cause, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locator } from '../diagnostics/location.js';
import { issuesToDiagnostics } from '../validate/issues.js';
import { decodeSource } from './decode.js';
import { listFiles } from './read.js';
import { indexPositions, locatorOf, parseYaml } from './yaml.js';

/** A values file's outline: its lists of records, each record checked apart. */
const FILE_SHAPE = z.strictObject(Object.fromEntries(Object.keys(ValuesFileSchema.shape).map((key) => [key, z.record(z.string(), z.unknown()).optional()])));

/** Where a field of a record is written: its values file (relative to the root), and the place of a path of the record's own (`['history', 0, 'date']`) there. */
export interface ValuesSource {
  file: string;
  locate: Locator;
}

/** The internal fields the values directory gives one record, and where each is written. */
export interface RecordValues {
  fields: Record<string, unknown>;
  sources: Record<string, ValuesSource>;
}

/** What the values directory holds: each record's internal fields, by kind and id, and what was wrong with it. */
export interface LoadedValues {
  okrs: Map<string, RecordValues>;
  keyResults: Map<string, RecordValues>;
  kpis: Map<string, RecordValues>;
  diagnostics: Diagnostic[];
  /** Decoded text of every file read, for code frames. */
  texts: Map<string, string>;
}

/**
 * Reads every YAML file of the values directory (`dir`, named in diagnostics
 * as `prefix/…`) with the same strict parser as front matter, validates each
 * against the schemas' internal fields (a field that is not internal, or a
 * malformed value, is an error at its line), and gathers the records. A field
 * given twice, in two files, is an error on the second, pointing at the first.
 */
export async function loadValues(dir: string, prefix: string): Promise<LoadedValues> {
  const out: LoadedValues = { okrs: new Map(), keyResults: new Map(), kpis: new Map(), diagnostics: [], texts: new Map() };
  for (const rel of (await listFiles(dir, { links: true })).filter((f) => /\.ya?ml$/i.test(f))) {
    const file = `${prefix}/${rel}`;
    const decoded = decodeSource(file, readFileSync(join(dir, rel)));
    if ('diagnostic' in decoded) {
      out.diagnostics.push(decoded.diagnostic);
      continue;
    }
    out.texts.set(file, decoded.text);
    const parsed = parseYaml(file, decoded.text);
    if ('diagnostics' in parsed) {
      out.diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const locate = locatorOf(indexPositions(parsed));
    // The file's shape first, then each record on its own: one record's mistake does not hide the others' values.
    const shape = FILE_SHAPE.safeParse(parsed.data ?? {}, { reportInput: true });
    if (!shape.success) {
      out.diagnostics.push(...issuesToDiagnostics(file, ValuesFileSchema, shape.error.issues, locate));
      continue;
    }
    for (const kind of ['okrs', 'key_results', 'kpis'] as const) {
      const into = kind === 'okrs' ? out.okrs : kind === 'key_results' ? out.keyResults : out.kpis;
      const recordSchema = schemaAt(ValuesFileSchema, [kind, '*'])!;
      for (const [id, raw] of Object.entries(shape.data[kind] ?? {})) {
        const result = recordSchema.safeParse(raw, { reportInput: true });
        if (!result.success) {
          out.diagnostics.push(...issuesToDiagnostics(file, recordSchema, result.error.issues, locate, [kind, id]));
          continue;
        }
        const fields = result.data;
        const source: ValuesSource = { file, locate: (path, anchor) => locate([kind, id, ...path], anchor) };
        const record = into.get(id) ?? { fields: {}, sources: {} };
        into.set(id, record);
        for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
          const first = record.sources[field];
          if (first) {
            out.diagnostics.push(diagnostic('values/duplicate-field', { file, ...source.locate([field], 'key'), path: `${kind}.${id}.${field}`, cause: cause(first.file, first.locate([field], 'key'), 'given first here') }, { field, id }));
            continue;
          }
          record.fields[field] = value;
          record.sources[field] = source;
        }
      }
    }
  }
  return out;
}
