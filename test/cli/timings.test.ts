import { afterAll, describe, expect, it } from 'vitest';
import { stageClock } from '../../src/cli/timings.js';
import { makeRoot } from '../build/helpers.js';
import { runCli } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';

afterAll(removeTempDirs);

describe('--timings', () => {
  it('gives each stage the time from its start to the next one, and the whole run', () => {
    let time = 0;
    const clock = stageClock(() => time);
    time = 100;
    clock.onStage('load');
    time = 600;
    clock.onStage('analyze');
    time = 2850;
    expect(clock.summary()).toBe('timings: load 0.50 s · analyze 2.25 s (total 2.85 s)');
  });

  it('check and build print a line of every stage they ran on stderr, after the run; without it, nothing', async () => {
    const root = makeRoot('sample');
    const [check, build, quiet] = await Promise.all([
      runCli(['check', '--root', root, '--timings']),
      runCli(['build', '--root', root, '--timings', '--format', 'json']),
      runCli(['build', '--root', root, '--out', 'dist-2', '--format', 'json']),
    ]);
    const stage = (name: string) => `${name} \\d+\\.\\d\\d s`;
    expect(check.stderr).toMatch(new RegExp(`^handbook: timings: ${['load', 'analyze', 'link'].map(stage).join(' · ')} \\(total \\d+\\.\\d\\d s\\)\\n$`));
    expect(build.stderr).toMatch(new RegExp(`^handbook: timings: ${['load', 'analyze', 'link', 'project', 'layout', 'search', 'scan', 'publish'].map(stage).join(' · ')} \\(total \\d+\\.\\d\\d s\\)\\n$`));
    expect([check.code, build.code, build.stdout, quiet.stderr]).toEqual([0, 0, '[]\n', '']);
  });
});
