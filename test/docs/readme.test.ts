import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withRulesTable } from '../../src/diagnostics/rules-table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every rule of the catalogue, as generated (run `npm run docs` after changing rules.ts)', () => {
    expect(readme).toBe(withRulesTable(readme));
  });

  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm ci && npm test');
  });
});
