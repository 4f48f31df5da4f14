/** The process around a command; injected so tests can run the CLI in memory too. */
export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Calls `listener` on Ctrl-C (or SIGTERM) instead of ending the process, until the returned function is called. */
  onInterrupt?(listener: () => void): () => void;
}
