/** A stream a progress bar can be drawn on. */
interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

/** Only long runs get a bar: short ones would flicker. */
const SHOW_AFTER_MS = 1500;

/**
 * A progress bar (pages done / total, ETA) on a terminal; nothing without one.
 * Returns the callback to report progress and a function that clears the bar.
 */
export function progressBar(stream: Terminal, label: string, now: () => number = Date.now): { update: (done: number, total: number) => void; end: () => void } {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  const start = now();
  let drawn = false;
  let last = 0;
  return {
    update(done, total) {
      const elapsed = now() - start;
      if (elapsed < SHOW_AFTER_MS || total === 0 || (now() - last < 100 && done < total)) return;
      last = now();
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const filled = Math.round((done / total) * width);
      const eta = done > 0 ? Math.ceil(((elapsed / done) * (total - done)) / 1000) : 0;
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} pages · ETA ${eta}s `);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
