import type { MarkdownParserName } from '../../schemas/config.js';
import { markdownParser } from '../markdown/parse.js';
import { analyzeBody, type BodyInput, type BodyResult } from './analyze.js';

/** A worker task: a batch of bodies, so messages stay few and large. */
export interface BodyTask {
  inputs: BodyInput[];
  render: boolean;
  /** The parser the config names. */
  parser: MarkdownParserName;
}

/** A batch's results, and the parser that made them: remark, with why, when comrak could not be loaded in this thread. */
export interface BodyBatch {
  parser: MarkdownParserName;
  fallback?: string;
  results: BodyResult[];
}

/** The worker's entry point (piscina calls the default export). */
export default async function analyzeBatch(task: BodyTask): Promise<BodyBatch> {
  const render = task.render ? (await import('./render.js')).renderWithTokens : undefined;
  const { name, fallback } = markdownParser(task.parser);
  return { parser: name, ...(fallback !== undefined ? { fallback } : {}), results: task.inputs.map((input) => analyzeBody(input, name, render)) };
}
