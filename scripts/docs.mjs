// Regenerates the generated blocks: in the README, the rule table from the rule catalogue and
// the pipeline from its stages; in docs/, the references, commands and recipes (src/docs/blocks.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { DOC_BLOCKS } from '../lib/src/docs/blocks.js';
import { withGeneratedBlock } from '../lib/src/docs/generated-block.js';
import { withRulesTable } from '../lib/src/diagnostics/rules-table.js';
import { pipelineDiagram } from '../lib/src/pipeline/diagram.js';

const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withGeneratedBlock(withRulesTable(readFileSync(readme, 'utf8')), 'pipeline', pipelineDiagram()));
for (const block of DOC_BLOCKS) {
  const file = new URL(`../${block.file}`, import.meta.url);
  writeFileSync(file, withGeneratedBlock(readFileSync(file, 'utf8'), block.name, block.make()));
}
