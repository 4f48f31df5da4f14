/** A stream a progress bar can be drawn on. */
interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

/** Only long runs get a bar: short ones would flicker. */
const SHOW_AFTER_MS = 1500;

/** What is being counted: its label and unit. */
export interface Stage {
  label: string;
  unit: string;
}

/**
 * A progress bar (items done / total, ETA) on a terminal; nothing without one.
 * Each stage (rendering pages, then indexing search shards, say) has its own
 * label, count and ETA. Returns the callback to report progress and a
 * function that clears the bar.
 */
export function progressBar(stream: Terminal, first: Stage, now: () => number = Date.now): { update: (done: number, total: number, stage?: Stage) => void; end: () => void } {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  const start = now();
  let stage = first;
  let stageStart = start;
  let drawn = false;
  let last = 0;
  return {
    update(done, total, next = first) {
      if (next.label !== stage.label) {
        stage = next;
        stageStart = now();
      }
      if (now() - start < SHOW_AFTER_MS || total === 0 || (now() - last < 100 && done < total)) return;
      last = now();
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const filled = Math.round((done / total) * width);
      const elapsed = now() - stageStart;
      const eta = done > 0 ? Math.ceil(((elapsed / done) * (total - done)) / 1000) : 0;
      stream.write(`\r\u001b[2K${stage.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${stage.unit}${done > 0 ? ` · ETA ${eta}s` : ''}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
