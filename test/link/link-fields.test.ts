import { describe, expect, it } from 'vitest';
import { isLink } from '../../schemas/common.js';
import { fieldsOf, objectsOf } from '../../schemas/describe.js';
import { PageSchema } from '../../schemas/page.js';
import { frontMatterLinks } from '../../src/link/front-matter-links.js';

describe('the link fields of the front matter', () => {
  it('are every field whose schema is Link, described or not, optional or not', () => {
    const links = objectsOf(PageSchema).flatMap(({ schema, path }) => fieldsOf(schema).filter((f) => isLink(f.value)).map((f) => `${path}.${f.name}`));
    expect(links).toEqual(['okrs[].initiatives[].url', 'okrs[].key_results[].issue', 'okrs[].key_results[].blocked_by', 'okrs[].key_results[].dashboard', 'kpis[].calculation', 'kpis[].dashboard']);
  });

  it('are all read from a page for checking, required ones included', () => {
    const data = {
      title: 'Goals',
      okrs: [{ id: 'a', title: 'A', scope: 'All', objective: 'Grow.', label: 'OKR: A', due: '2026-06-30', initiatives: [{ title: 'Board', url: '/board/' }], key_results: [{ id: 'k', title: 'K', kpi: 'm', weight: 1, issue: '/issues/1/', blocked_by: '/issues/2/' }] }],
      kpis: [{ id: 'm', name: 'M', definition: 'Money.', calculation: '/sql/m/', direction: 'higher_is_better' as const }],
    };
    expect(frontMatterLinks(data, () => new Set()).map((l) => [l.path.join('.'), l.url])).toEqual([
      ['okrs.0.initiatives.0.url', '/board/'],
      ['okrs.0.key_results.0.issue', '/issues/1/'],
      ['okrs.0.key_results.0.blocked_by', '/issues/2/'],
      ['kpis.0.calculation', '/sql/m/'],
    ]);
  });
});
