// Where GNU time is missing (macOS, Windows): runs a Node script inside this
// process and writes its CPU seconds and peak RSS in KiB, as `time -f '%U %S %M'`
// would, though for this process (and its threads) only.
//
//   node bench/resource-usage.mjs OUT_FILE SCRIPT [ARGS…]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outFile, script, ...args] = process.argv.slice(2);
// The script reads its arguments from process.argv as if it had been started itself.
process.argv = [process.argv[0], resolve(script), ...args];
// 'exit' also fires on process.exit(), and maxRSS already covers worker threads.
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(outFile, `${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6} ${usage.maxRSS}`);
});
await import(pathToFileURL(resolve(script)).href);
