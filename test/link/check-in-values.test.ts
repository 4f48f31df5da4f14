import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canaries } from '../build/canaries.js';
import { checkJson, REPO } from '../helpers/cli.js';

const FIXTURE = join(REPO, 'test/fixtures/link/kr-stale-check-in');

describe('kr/stale-check-in', () => {
  // CI logs and pull-request annotations are read by people who may not see internal values.
  it('names the key result, its dates and its owner, but prints no value, confidence or note of it', async () => {
    const { diagnostics } = await checkJson(FIXTURE, ['--today', '2022-04-01']);
    const stale = (diagnostics as { code: string; message: string; hint: string }[]).filter((d) => d.code === 'kr/stale-check-in');
    expect(stale.length).toBe(2);
    const internal = canaries(FIXTURE).filter((c) => !/^\d{4}-\d{2}-\d{2}$/.test(c.text));
    expect(internal.map((c) => c.text)).toEqual(['1.9071', '2.5093', '1.9071', '2.1087', '0.6543', 'private note 8841', '3.3019', '1']);
    for (const d of stale) for (const c of internal.filter((c) => c.text.length > 1)) expect({ text: `${d.message} ${d.hint}`, value: c.text, found: `${d.message} ${d.hint}`.includes(c.text) }).toMatchObject({ value: c.text, found: false });
  });
});
