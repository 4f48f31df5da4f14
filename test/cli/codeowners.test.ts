import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import { removeTempDirs, tempDir, writeHandbook } from '../helpers/temp.js';
import { treeHash } from '../helpers/tree-hash.js';

afterAll(removeTempDirs);

const HEADER = '# Written by `handbook codeowners` from the `owner:` of each handbook page (the owner\n# of a folder\'s index.md owns the folder). Change the owners and run it again; do not edit.\n';

describe('handbook codeowners', () => {
  it('the sample: a section index owns its folder, another page its file, each to its owner\'s handle', async () => {
    expect(await runCli(['codeowners', '--root', REPO])).toEqual({ code: 0, stderr: '', stdout: `${HEADER}/content/company/strategic-goals.md @javery\n/content/data-team/ @sokafor\n` });
  });

  it('paths from the repository root, folders before the files in them, escaped spaces; owners it cannot write are named in comments', async () => {
    const repo = tempDir();
    const root = join(repo, 'docs', 'handbook');
    cpSync(
      writeHandbook({
        'handbook.config.yaml': 'site:\n  title: Owners\npeople:\n  - { id: alice, name: Alice Smith, handle: asmith }\n  - { id: bob, name: Bob Jones, handle: acme/handbook-team }\n  - { id: carol, name: Carol White }\n',
        'content/index.md': '---\ntitle: Home\nowner: alice\n---\n',
        'content/team/index.md': '---\ntitle: Team\nowner: bob\n---\n',
        'content/team/road map.md': '---\ntitle: Road map\nowner: alice\n---\n',
        'content/team/notes.md': '---\ntitle: Notes\nowner: carol\n---\n',
        'content/team/old.md': '---\ntitle: Old\nowner: dave\n---\n',
        'content/team/unowned.md': '---\ntitle: Nobody\'s\n---\n',
        'content/broken.md': '---\ntitle: [unclosed\n---\n',
      }),
      root,
      { recursive: true },
    );
    git(repo, ['init', '-q']);
    const before = treeHash(repo);
    const result = await runCli(['codeowners', '--root', root]);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        HEADER +
        [
          '/docs/handbook/content/ @asmith',
          '/docs/handbook/content/team/ @acme/handbook-team',
          '# /docs/handbook/content/team/notes.md: Carol White has no handle',
          '# /docs/handbook/content/team/old.md: owner `dave` is not a person in `people`',
          '/docs/handbook/content/team/road\\ map.md @asmith',
          '# /docs/handbook/content/broken.md: its front matter does not validate (`handbook check` says why)',
          '',
        ].join('\n'),
    });
    expect(treeHash(repo)).toBe(before);
  });

  it('--check FILE: silent when FILE is what the owners give, exit 1 and one line when it is not', async () => {
    const root = tempDir();
    cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
    cpSync(join(REPO, 'handbook.config.yaml'), join(root, 'handbook.config.yaml'));
    const file = join(root, 'CODEOWNERS');
    writeFileSync(file, (await runCli(['codeowners', '--root', root])).stdout);
    expect(await runCli(['codeowners', '--root', root, '--check', file])).toEqual({ code: 0, stdout: '', stderr: '' });
    writeFileSync(file, `${HEADER}/content/ @someone-else\n`);
    expect(await runCli(['codeowners', '--root', root, '--check', file])).toEqual({ code: 1, stdout: '', stderr: `handbook: ${file} is not what the owners of the pages give; write it with \`handbook codeowners > ${file}\`\n` });
    expect((await runCli(['codeowners', '--root', root, '--check', join(root, 'missing')])).code).toBe(1);
  });
});
