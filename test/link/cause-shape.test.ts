import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, REPO } from '../helpers/cli.js';

/**
 * A cause is a `Place` and a message (src/diagnostics/diagnostic.ts), nothing else.
 *
 * Regression (fixed): records.ts (`cause: { …first.page.locate(first.path), message }`) and
 * page-index.ts (`placeOf` spread into `cause`) copy everything `locate` returns,
 * and `locate` now also returns the scalar's `source` text, so the JSON report
 * prints `"source": "growth"` inside the cause. The top-level diagnostic is built
 * field by field by `diagnostic()` and does not leak. Once fixed, refresh the
 * fixtures that show the leak: `UPDATE=1 npx vitest run test/link/fixtures.test.ts`.
 */
const CAUSE_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'message'];

describe('the cause of a duplicate', () => {
  it.each(['okr-duplicate-id', 'page-duplicate-url-permalink'])('has no key but a place and a message (%s)', async (name) => {
    const { diagnostics } = await checkJson(join(REPO, 'test/fixtures/link', name), ['--today', '2022-04-01']);
    const causes = (diagnostics as { cause?: object }[]).flatMap((d) => (d.cause ? [Object.keys(d.cause)] : []));
    expect(causes).not.toEqual([]);
    expect(causes.flat().filter((key) => !CAUSE_KEYS.includes(key))).toEqual([]);
  });
});
