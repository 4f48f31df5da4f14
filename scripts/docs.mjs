// Regenerates the README's generated blocks: the rule table from the rule catalogue, the pipeline from its stages.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../lib/src/diagnostics/rules-table.js';
import { withGeneratedBlock } from '../lib/src/docs/generated-block.js';
import { pipelineDiagram } from '../lib/src/pipeline/diagram.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withGeneratedBlock(withRulesTable(readFileSync(path, 'utf8')), 'pipeline', pipelineDiagram()));
