import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

/** The folder a source file belongs to: `src/<folder>`, or `schemas`. */
const folderOf = (file: string) => (file.startsWith('schemas/') ? 'schemas' : file.split('/').slice(0, 2).join('/').replace(/\.ts$/, ''));

/** Every import between folders of src/ and schemas/, type imports included: a cycle of types is a cycle of meaning. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const files = ['src', 'schemas'].flatMap((dir) => readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`));
  for (const file of files) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const match of readFileSync(join(REPO, file), 'utf8').matchAll(/^(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/gm)) {
      const to = folderOf(relative(REPO, join(REPO, dirname(file), match[1]!)));
      if (to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** The cycles of a graph, one per strongly connected component of more than one node (Tarjan's algorithm). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do component.push((member = stack.pop()!));
      while (member !== node);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return out;
}

describe('the folders of src/ and schemas/', () => {
  it('import each other without a cycle: each depends only on folders below it', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it('control: the cycle finder finds a cycle of three', () => {
    expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]))).toEqual([['a', 'b', 'c']]);
  });

  it('control: the graph is really read (the pipeline depends on the stages it composes)', () => {
    expect([...folderGraph().get('src/pipeline')!]).toEqual(expect.arrayContaining(['src/link', 'src/eleventy', 'src/load']));
  });
});
