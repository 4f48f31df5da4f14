import { readFile } from 'node:fs/promises';
import { dirname, posix, resolve } from 'node:path';
import type { z } from 'zod';
import { type Approver, type Config, ConfigSchema, DEFAULT_CONFIG } from '../../schemas/config.js';
import { PeopleFileSchema, type Person } from '../../schemas/people.js';
import { cause, type Diagnostic, diagnostic, formatPath } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Locator } from '../diagnostics/location.js';
import { decodeSource } from '../load/decode.js';
import { indexPositions, locatorOf, parseYaml } from '../load/yaml.js';
import { issuesToDiagnostics } from '../validate/issues.js';

/** What reading the config gave: the config when it is valid, its problems, and the text of each file read (for code frames). */
export interface LoadedConfig {
  config?: Config;
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

/** The people file a config names (`people_file`, relative to the config file), as an absolute path; none when it names none. */
export function peopleFileOf(configPath: string, config: { people_file?: string | undefined }): string | undefined {
  return config.people_file === undefined ? undefined : resolve(dirname(configPath), config.people_file);
}

/**
 * Reads and validates handbook.config.yaml and the people file it names, then
 * puts people and approvers together: every person once, every approver with
 * a name (a person's, when it names one). A missing config means the defaults;
 * any problem comes back as diagnostics (the CLI makes them exit code 2).
 */
export async function loadConfig(path: string, file: string): Promise<LoadedConfig> {
  const texts = new Map<string, string>();
  const read = await readYaml(path, file, ConfigSchema, {}, texts);
  if (read === 'missing') return { config: DEFAULT_CONFIG, diagnostics: [], texts };
  if ('diagnostics' in read) return { diagnostics: read.diagnostics, texts };
  const config = read.data;
  const sources: { people: Person[]; file: string; locate: Locator; base: PropertyKey[] }[] = [{ people: config.people, file, locate: read.locate, base: ['people'] }];
  if (config.people_file !== undefined) {
    const peopleFile = posix.normalize(posix.join(posix.dirname(file), config.people_file));
    const people = await readYaml(peopleFileOf(path, config)!, peopleFile, PeopleFileSchema, [], texts);
    if (people === 'missing') {
      const at = read.locate(['people_file']);
      return { diagnostics: [diagnostic('file/read-error', { file, line: at.line, column: at.column, path: 'people_file' }, { reason: `the people file ${peopleFile} does not exist` })], texts };
    }
    if ('diagnostics' in people) return { diagnostics: people.diagnostics, texts };
    sources.push({ people: people.data, file: peopleFile, locate: people.locate, base: [] });
  }
  const diagnostics: Diagnostic[] = [];
  const people = new Map<string, { person: Person; file: string; locate: Locator; path: PropertyKey[] }>();
  for (const source of sources) {
    source.people.forEach((person, i) => {
      const path = [...source.base, i, 'id'];
      const first = people.get(person.id);
      if (!first) people.set(person.id, { person, file: source.file, locate: source.locate, path });
      else diagnostics.push(diagnostic('person/duplicate-id', { file: source.file, ...source.locate(path), path: formatPath(path), cause: cause(first.file, first.locate(first.path), 'Person id first defined here') }, { key: person.id }));
    });
  }
  const ids = [...people.keys()];
  const approvers: Approver[] = [];
  config.approvers.forEach((approver, i) => {
    const name = approver.name ?? people.get(approver.id)?.person.name;
    if (name !== undefined) approvers.push({ id: approver.id, name });
    else {
      const path = ['approvers', i, 'id'];
      diagnostics.push(diagnostic('person/unknown', { file, ...read.locate(path), path: formatPath(path) }, { id: approver.id, role: 'approver', guess: didYouMean(approver.id, ids) }));
    }
  });
  if (diagnostics.length > 0) return { diagnostics, texts };
  return { config: { ...config, people: [...people.values()].map((p) => p.person), approvers }, diagnostics: [], texts };
}

/** One YAML file validated by `schema` (an empty file as `empty`): its data and locator, its diagnostics, or 'missing'. */
async function readYaml<S extends z.ZodType>(path: string, file: string, schema: S, empty: unknown, texts: Map<string, string>): Promise<'missing' | { diagnostics: Diagnostic[] } | { data: z.infer<S>; locate: Locator }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return 'missing';
    // An unreadable config (EACCES, or a folder in its place) is the project's problem, not a crash:
    // reported on the file like an unreadable page, and without a config nothing else is checked (exit 2).
    return { diagnostics: [diagnostic('file/read-error', { file, line: 1, column: 1 }, { reason: e.code ?? e.message })] };
  }
  const decoded = decodeSource(file, bytes);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  texts.set(file, decoded.text);
  const parsed = parseYaml(file, decoded.text);
  if ('diagnostics' in parsed) return { diagnostics: parsed.diagnostics };
  const locate = locatorOf(indexPositions(parsed));
  const result = schema.safeParse(parsed.data ?? empty, { reportInput: true });
  if (!result.success) return { diagnostics: issuesToDiagnostics(file, schema, result.error.issues, locate) };
  return { data: result.data as z.infer<S>, locate };
}
