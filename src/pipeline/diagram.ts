import { CHECK_STAGES, STAGES } from './index.js';

/** The stages as the README shows them: a diagram of the flow, which commands run which part, and what each stage owns. */
export function pipelineDiagram(): string {
  const names = STAGES.map((s) => s.name);
  const flow = `content/ ──▶ ${names.join(' ──▶ ')} ──▶ dist/`;
  const indent = ' '.repeat('content/ ──▶ '.length);
  const span = (count: number, label: string) => {
    const width = names.slice(0, count).join(' ──▶ ').length;
    const dashes = width - label.length - 4;
    const left = Math.floor(dashes / 2);
    return `${indent}└${'─'.repeat(left)} ${label} ${'─'.repeat(dashes - left)}┘`;
  };
  const rows = STAGES.map((s, i) => `| ${i + 1} | \`${s.name}\` | \`src/pipeline/${s.name}.ts\` | ${s.owns} |`);
  return ['```', flow, span(CHECK_STAGES.length, 'handbook check'), span(names.length, 'handbook build'), '```', '', '| # | Stage | Module | Owns |', '|---|---|---|---|', ...rows].join('\n');
}
