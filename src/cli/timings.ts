/**
 * `--timings`: the wall time of each stage, from its start to the next one's.
 * Stages overlap where the pipeline overlaps them: pages are indexed and
 * scanned while they are laid out, so `search` and `scan` count only what is
 * left of theirs once the stage before has ended.
 */
export function stageClock(now: () => number = () => performance.now()): { onStage(stage: string): void; summary(): string } {
  const started = now();
  const marks: { stage: string; at: number }[] = [];
  return {
    onStage: (stage) => void marks.push({ stage, at: now() }),
    summary() {
      const end = now();
      const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      const parts = marks.map((m, i) => `${m.stage} ${seconds((marks[i + 1]?.at ?? end) - m.at)}`);
      return `timings: ${parts.join(' · ')} (total ${seconds(end - started)})`;
    },
  };
}
