/**
 * How many shards `pageCount` pages make: a power of two, so it changes (and
 * moves pages between shards) only when the handbook doubles or halves.
 */
export function shardCount(pageCount: number, shardPages: number): number {
  let count = 1;
  while (count * shardPages < pageCount) count *= 2;
  return count;
}

/**
 * A page's shard, from its first URL segment: a section's pages share one, so
 * a new page (which changes its section's sidebars) re-indexes one shard.
 */
export function shardOf(url: string, count: number): number {
  const section = url.split('/')[1] ?? '';
  // FNV-1a: stable across runs and machines, unlike anything seeded.
  let hash = 0x811c9dc5;
  for (let i = 0; i < section.length; i++) hash = Math.imul(hash ^ section.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}
