/**
 * Pagefind's runtime (script, worker, WebAssembly), by file name in a bundle:
 * the same in every site whatever the handbook holds, and shipped once, with
 * the primary index (a merged index is searched with the primary's runtime).
 */
export const PAGEFIND_RUNTIME = /^(pagefind(-[a-z]+)*\.js|wasm\.[^/]+\.pagefind)$/;

/** Whether an output file is Pagefind's runtime in the primary bundle: the same in every site. Its index files are not. */
export const isSearchRuntime = (file: string) => file.startsWith('pagefind/') && PAGEFIND_RUNTIME.test(file.slice('pagefind/'.length));
