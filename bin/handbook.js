#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm run compile`, which `npm ci` consumers get via prepare).
import { main } from '../lib/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(listener) {
    const signals = ['SIGINT', 'SIGTERM'];
    for (const signal of signals) process.once(signal, listener);
    return () => signals.forEach((signal) => process.removeListener(signal, listener));
  },
});
