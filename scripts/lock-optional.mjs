// Adds to package-lock.json the platform packages that an optional dependency
// names but this machine's registry mirror does not serve (pagefind's macOS,
// Windows and FreeBSD binaries). Without their entries `npm ci` refuses the lock
// as out of sync; with them it skips them as packages for other platforms.
// Run after `npm install` changes the lock: `node scripts/lock-optional.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = { darwin: 'darwin', linux: 'linux', windows: 'win32', win32: 'win32', freebsd: 'freebsd' };
const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));

for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const [os, cpu] = name.split('/').pop().split('-');
    if (lock.packages[key] || !OS[os] || !cpu) continue;
    lock.packages[key] = { version: range.replace(/^[\^~=]/, ''), cpu: [cpu], optional: true, os: [OS[os]] };
    console.log(`added ${key} (optional for ${where || 'the root'})`);
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
