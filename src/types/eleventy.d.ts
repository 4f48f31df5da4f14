// Eleventy 3 ships no types; this declares the programmatic API okr-handbook uses.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options: { quietMode?: boolean; configPath?: string; config?: (eleventyConfig: any) => void | Promise<void> });
    disableLogger(): void;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}
