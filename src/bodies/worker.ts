import { analyzeBody, type BodyInput, type BodyResult } from './analyze.js';

/** A worker task: a batch of bodies, so messages stay few and large. */
export interface BodyTask {
  inputs: BodyInput[];
  render: boolean;
}

/** The worker's entry point (piscina calls the default export). */
export default async function analyzeBatch(task: BodyTask): Promise<BodyResult[]> {
  const render = task.render ? (await import('./render.js')).renderWithTokens : undefined;
  return task.inputs.map((input) => analyzeBody(input, render));
}
