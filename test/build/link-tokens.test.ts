import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp.js';
import { build, makeRoot, readTexts } from './helpers.js';

afterAll(removeTempDirs);

describe('text that looks like the renderer\'s link tokens', () => {
  // Link tokens are replaced only as whole attribute values, never in text an editor typed.
  it('keeps the characters the editor wrote', async () => {
    const root = makeRoot({ fixture: 'link-token-text' });
    expect((await build(root)).code).toBe(0);
    expect(readTexts(join(root, 'dist')).get('index.html')).toContain('written together: \uE0000\uE001.</p>');
  });
});
