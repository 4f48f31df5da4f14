/** A slug id (`^[a-z0-9]+(-[a-z0-9]+)*$`, the schemas' `Slug`) made from a title: accents dropped, anything else between words a hyphen. */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A title made from a file or folder name: `goals-2026` → `Goals 2026`. */
export function titleOf(name: string): string {
  const words = name.replace(/\.md$/i, '').replace(/[-_\s]+/g, ' ').trim();
  return words === '' ? words : words[0]!.toUpperCase() + words.slice(1);
}

/** The first and last day (YYYY-MM-DD) of the calendar quarter of `today`. */
export function quarterOf(today: string): { start: string; due: string } {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const first = Math.floor((month - 1) / 3) * 3;
  const day = (m: number, d: number) => new Date(Date.UTC(year, m, d)).toISOString().slice(0, 10);
  // Day 0 of the month after the quarter is the quarter's last day.
  return { start: day(first, 1), due: day(first + 3, 0) };
}
