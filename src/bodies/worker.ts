import { analyzeBody, type BodyInput, type BodyResult } from './analyze.js';

/** A worker task: a batch of bodies, so messages stay few and large. */
export interface BodyTask {
  inputs: BodyInput[];
  render: boolean;
}

/** The worker's entry point (piscina calls the default export). */
export default function analyzeBatch(task: BodyTask): BodyResult[] {
  return task.inputs.map((input) => analyzeBody(input, task.render));
}
