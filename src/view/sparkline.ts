import type { z } from 'zod';
import type { SparklineSchema } from '../../schemas/layout-data.js';

/** A small line chart of a metric's history, ready for an inline SVG, with its text alternative. */
export type Sparkline = z.infer<typeof SparklineSchema>;

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 4;

/** Scales check-ins by date into the chart box; none for fewer than two points. */
export function sparkline(history: readonly { date: string; value: number }[]): Sparkline | undefined {
  if (history.length < 2) return undefined;
  const xs = history.map((h) => Date.parse(`${h.date}T00:00:00Z`));
  const ys = history.map((h) => h.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => PAD + ((x - x0) / Math.max(1, x1 - x0)) * (WIDTH - 2 * PAD);
  const sy = (y: number) => HEIGHT - PAD - (y1 === y0 ? 0.5 : (y - y0) / (y1 - y0)) * (HEIGHT - 2 * PAD);
  const points = history.map((_, i) => `${sx(xs[i]!).toFixed(1)},${sy(ys[i]!).toFixed(1)}`).join(' ');
  return { width: WIDTH, height: HEIGHT, points, text: history.map((h) => `${h.date}: ${h.value}`).join('; ') };
}
