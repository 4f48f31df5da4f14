import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { CI_FILES } from '../../src/scaffold/ci.js';

/** Every `npx handbook …` command of a template, its shell quoting and variables reduced to plain words. */
function commands(text: string): string[][] {
  return [...text.matchAll(/npx handbook ([^\n>|&]+)/g)].map((m) => m[1]!.trim().replace(/"[^"]*"/g, 'REF').split(/\s+/));
}

/** The CI templates: what `handbook init` writes and docs/ci.md shows (test/cli/init.test.ts holds the jobs of each to account). */
describe('the CI templates', () => {
  for (const [name, text] of Object.entries(CI_FILES)) {
    it(`${name}: is YAML, and every handbook command in it is one the CLI accepts`, () => {
      expect(() => parse(text)).not.toThrow();
      const found = commands(text);
      expect(found.map((args) => args[0])).toEqual(expect.arrayContaining(['check', 'diff', 'build']));
      for (const args of found) expect(() => parseCommand(args)).not.toThrow();
    });

    it(`${name}: posts the review diff of a merge request as Markdown, against its base branch, with the whole history fetched`, () => {
      const diff = commands(text).find((args) => args[0] === 'diff')!;
      expect(parseCommand(diff)).toMatchObject({ name: 'diff', base: 'REF', format: 'markdown' });
      expect(text).toMatch(/fetch-depth: 0|GIT_DEPTH: 0/);
      expect(text).toMatch(/gh pr comment|merge_requests\/\$CI_MERGE_REQUEST_IID\/notes/);
    });

    it(`${name}: checks a merge request against its base branch with --since (a page moved without a redirect fails)`, () => {
      const since = commands(text).filter((args) => args[0] === 'check' && args.includes('--since'));
      expect(since).toHaveLength(1);
      expect(parseCommand(since[0]!)).toMatchObject({ name: 'check', since: 'REF' });
    });
  }
});
