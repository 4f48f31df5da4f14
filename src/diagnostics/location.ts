/** Which part of a mapping entry a diagnostic should point at. */
export type Anchor = 'key' | 'value';

/** A place in a file; `source` is a scalar's text as written, when the path ends at one. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  source?: string;
  /** The file the value is written in, when it is not the page's own (a file of the values directory). */
  file?: string;
}

/** Finds the place of a data path in the source file. */
export type Locator = (path: readonly PropertyKey[], anchor?: Anchor) => Location;
