import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

/** A terminal that keeps what was written, and a clock the test moves. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  return {
    stream: { isTTY, columns: 70, write: (chunk: string) => written.push(chunk) > 0 },
    written,
    now: () => time,
    advance: (ms: number) => (time += ms),
  };
}

const RENDER = { label: 'Rendering', unit: 'pages' };
const SEARCH = { label: 'Indexing search', unit: 'shards' };

describe('the progress bar', () => {
  it('writes nothing without a terminal', () => {
    const t = terminal(false);
    const bar = progressBar(t.stream, RENDER, t.now);
    t.advance(10_000);
    bar.update(5, 10);
    bar.end();
    expect(t.written).toEqual([]);
  });

  it('stays hidden for short runs, then shows done / total and the ETA of each stage', () => {
    const t = terminal(true);
    const bar = progressBar(t.stream, RENDER, t.now);
    t.advance(1000);
    bar.update(100, 1000);
    expect(t.written).toEqual([]);

    t.advance(1000);
    bar.update(200, 1000);
    // 200 pages in 2 s: 800 more take 8 s.
    expect(t.written.pop()).toBe('\r\u001b[2KRendering [####----------------] 200/1000 pages · ETA 8s');

    t.advance(500);
    bar.update(0, 16, SEARCH);
    expect(t.written.pop()).toBe('\r\u001b[2KIndexing search [--------------------] 0/16 shards');
    t.advance(2000);
    // The ETA counts from the stage's start: 4 shards in 2 s.
    bar.update(4, 16, SEARCH);
    expect(t.written.pop()).toBe('\r\u001b[2KIndexing search [#####---------------] 4/16 shards · ETA 6s');

    bar.end();
    expect(t.written.pop()).toBe('\r\u001b[2K');
  });
});
