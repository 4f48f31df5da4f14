import type { Io } from './main.js';
import type { Command } from './args.js';

/** Runs `handbook build` and reports; filled in by the build stage. */
export async function runBuild(_command: Extract<Command, { name: 'build' }>, io: Io, _color: boolean): Promise<number> {
  io.stderr.write('handbook build: not available yet\n');
  return 2;
}
