import type { Diagnostic } from './diagnostic.js';

/**
 * The one error a stage throws for a problem someone can act on (a layout that
 * fails, an internal value in the output): it carries the diagnostics out of
 * the stage to the reporters. Anything else thrown is unexpected: the CLI
 * reports it as a bug.
 */
export class DiagnosticError extends Error {
  override name = 'DiagnosticError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
  }
}

/** An error and its causes, outermost first: `cause`, and the `originalError` Eleventy wraps errors in. */
export function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && !chain.includes(e); ) {
    chain.push(e);
    const link = e as { originalError?: unknown; cause?: unknown };
    e = link.originalError ?? link.cause;
  }
  return chain;
}
