import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';
import { build, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

// The sample handbook on a day its 2022 Q3 OKRs are current: owners, a team OKR aligned to a company OKR, scores and retrospectives.
let pub: Map<string, string>;
let internal: Map<string, string>;

beforeAll(async () => {
  const root = makeRoot('sample');
  const results = await Promise.all(['public', 'internal'].map((audience) => build(root, '--audience', audience, '--out', `dist-${audience}`, '--today', '2022-05-20')));
  expect(results.map((r) => [r.code, r.stderr])).toEqual([[0, ''], [0, '']]);
  pub = readTexts(join(root, 'dist-public'));
  internal = readTexts(join(root, 'dist-internal'));
});

const both = () => [pub, internal] as const;
const headings = (html: string) => [...html.matchAll(/<h([2-6]) id="([^"]+)">/g)].map((m) => `h${m[1]} ${m[2]}`);

describe('owners', () => {
  it('a page shows its owner, linked to their profile on the forge of site.repo', () => {
    for (const site of both()) {
      expect(site.get('company/strategic-goals/index.html')).toContain('<span class="page-owner">Owner: <a href="https://github.com/javery">Jordan Avery</a> <span class="handle">@javery</span></span>');
      expect(site.get('data-team/kpis/index.html')).not.toContain('page-owner');
    }
  });

  it('OKR and key result cards show theirs; a person without a handle is shown by name', () => {
    for (const site of both()) {
      const team = site.get('data-team/index.html')!;
      expect(team).toContain('<span class="record-owner">Owner: <a href="https://github.com/sokafor">Sam Okafor</a> <span class="handle">@sokafor</span></span>');
      expect(team).toContain('<span class="record-owner">Owner: Alex Rivera</span>');
    }
  });
});

describe('alignment: /okrs/ as a tree, in both audiences', () => {
  it('the team OKR follows its company OKR, one heading level below, indented', () => {
    for (const site of both()) {
      const okrs = site.get('okrs/index.html')!;
      expect(headings(okrs).slice(0, 7)).toEqual([
        'h2 current-okrs',
        'h3 be-the-infrastructure-for-the-modern-data-stack',
        'h4 make-product-telemetry-trustworthy',
        'h3 improve-ease-of-deployment',
        'h3 improve-new-user-experience',
        'h2 future-okrs',
        'h3 managed-service-beta',
      ]);
      expect(okrs).toContain('<div class="okr-node okr-depth-1">\n<h4 id="make-product-telemetry-trustworthy">');
    }
  });

  it('cards link a child to its parent and a parent to its children, where each is defined', () => {
    for (const site of both()) {
      const goals = site.get('company/strategic-goals/index.html')!;
      expect(goals).toContain('<span class="okr-children-name">Aligned to this objective:</span> <a href="/data-team/#make-product-telemetry-trustworthy">Make Product Telemetry Trustworthy</a>');
      expect(site.get('data-team/index.html')).toContain('<span class="okr-parent">Aligned to <a href="/company/strategic-goals/#be-the-infrastructure-for-the-modern-data-stack">Be the Infrastructure for the Modern Data Stack</a></span>');
    }
  });
});

describe('roll-up and scores: internal only', () => {
  it('an objective\'s progress is the weighted mean of its key results\', with the worst status', () => {
    // Hand-computed on 2022-05-20: (2 × 0.4286 + 0.1616 + 0.3401 + 0.1930 + 0) / 6 = 0.2587 → 26 %; its key results are at risk or need attention.
    const goals = internal.get('company/strategic-goals/index.html')!;
    expect(goals).toContain('<div class="progress okr-progress status-at-risk">\n    <p class="status"><strong class="status-word">At risk</strong> The objective is 26% of the way: the weighted mean of its key results, with the status of the weakest</p>');
    // (0.6560 + 0.5 × 0.75) / 1.5 = 0.6873 → 69 %, both on track.
    expect(internal.get('data-team/index.html')).toContain('<strong class="status-word">On track</strong> The objective is 69% of the way');
    for (const [file, html] of pub) if (file.endsWith('.html')) expect({ file, found: html.includes('okr-progress') || html.includes('grade-value') }).toEqual({ file, found: false });
  });

  it('scores: each key result\'s as written, the objective\'s as their weighted mean', () => {
    const goals = internal.get('company/strategic-goals/index.html')!;
    // (2 × 0.64 + 0.38 + 0.52 + 0.46 + 0.17) / 6 = 0.4683 → 0.47.
    expect(goals).toContain('<p class="grade grade-fell-short"><span class="grade-name">Score</span> <strong class="grade-value">0.47</strong> <span class="grade-band">Progress, fell short</span></p>');
    expect(goals).toContain('<p class="grade grade-missed"><span class="grade-name">Score</span> <strong class="grade-value">0.17</strong> <span class="grade-band">No real progress</span></p>');
    // (0.81 + 0.5 × 0.72) / 1.5 = 0.78.
    expect(internal.get('data-team/index.html')).toContain('<strong class="grade-value">0.78</strong> <span class="grade-band">Delivered</span>');
  });
});

describe('the archive', () => {
  it('/okrs/ links a page per quarter of the OKRs\' due dates, most recent first', () => {
    for (const site of both()) {
      expect(site.get('okrs/index.html')).toContain('<h2 id="archive-by-quarter">Archive by quarter');
      expect(site.get('okrs/index.html')).toContain('<li><a href="/okrs/2023-q1/">2023 Q1</a> <span class="archive-count">1 OKR</span></li>\n<li><a href="/okrs/2022-q3/">2022 Q3</a> <span class="archive-count">4 OKRs</span></li>');
    }
  });

  it('a quarter\'s page lists its OKRs by due date and title, with scores (internal) and retrospectives (internal unless published)', () => {
    for (const site of both()) {
      expect(headings(site.get('okrs/2022-q3/index.html')!)).toEqual([
        'h2 be-the-infrastructure-for-the-modern-data-stack',
        'h2 improve-ease-of-deployment',
        'h2 improve-new-user-experience',
        'h2 make-product-telemetry-trustworthy',
      ]);
      expect(site.get('okrs/2022-q3/index.html')).toContain('<span aria-current="page">2022 Q3</span>');
    }
    const archive = internal.get('okrs/2022-q3/index.html')!;
    expect(archive).toContain('<strong class="grade-value">0.47</strong>');
    expect(archive).toContain('<h3 class="card-sub">Retrospective</h3>\n  <div class="retrospective"><p>Plugin type tracking landed late');
    expect(pub.get('okrs/2022-q3/index.html')).not.toContain('Retrospective');
  });

  it('is in the sidebar under the OKR index, and in the breadcrumbs of its pages', () => {
    for (const site of both()) {
      const archive = site.get('okrs/2022-q3/index.html')!;
      expect(archive).toMatch(/<a href="\/okrs\/">OKR index<\/a>/);
      expect(archive).toContain('href="/okrs/2023-q1/"');
    }
  });
});
