// Regenerates the rule table in README.md from the rule catalogue (src/diagnostics/rules.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../lib/src/diagnostics/rules-table.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withRulesTable(readFileSync(path, 'utf8')));
