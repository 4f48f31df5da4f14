import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/load/decode.js';

const MIB = 1024 * 1024;
const HINT = 'save the file as UTF-8';

describe('threat 3: strict UTF-8', () => {
  it('drops a byte-order mark', () => {
    expect(decodeSource('content/a.md', Buffer.from('\ufeff---\ntitle: A\n---\n'))).toEqual({ text: '---\ntitle: A\n---\n' });
  });

  it('refuses invalid bytes instead of replacing them with U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]);
    expect(decodeSource('content/a.md', bytes)).toEqual({
      diagnostic: { file: 'content/a.md', line: 1, column: 1, severity: 'error', code: 'file/encoding', message: 'file is not valid UTF-8', hint: HINT },
    });
  });

  it('names the UTF-16 byte-order mark it found', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: A\n---\n', 'utf16le')]);
    expect(decodeSource('content/a.md', bytes)).toEqual({
      diagnostic: { file: 'content/a.md', line: 1, column: 1, severity: 'error', code: 'file/encoding', message: 'file is not valid UTF-8 (it starts with a UTF-16 byte-order mark)', hint: HINT },
    });
  });

  it('points at the first NUL, which also catches UTF-16 without a byte-order mark', () => {
    expect(decodeSource('content/a.md', Buffer.from('---\ntitle: A\n---\nab\0c\n'))).toEqual({
      diagnostic: { file: 'content/a.md', line: 4, column: 3, severity: 'error', code: 'file/encoding', message: 'file contains a NUL character: it is binary or UTF-16, not UTF-8 text', hint: HINT },
    });
  });
});

describe('threat 8: file size is capped before decoding', () => {
  it('refuses one byte over 1 MiB', () => {
    expect(decodeSource('content/a.md', new Uint8Array(MIB + 1).fill(0x78))).toEqual({
      diagnostic: {
        file: 'content/a.md',
        line: 1,
        column: 1,
        severity: 'error',
        code: 'file/too-large',
        message: `file is ${MIB + 1} bytes, more than the limit of ${MIB}`,
        hint: 'split the page, or move large data to a file under static/',
      },
    });
  });

  it('accepts exactly 1 MiB', () => {
    expect(decodeSource('content/a.md', new Uint8Array(MIB).fill(0x78))).toEqual({ text: 'x'.repeat(MIB) });
  });
});
