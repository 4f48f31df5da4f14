import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Inputs that are generated rather than committed: files too big to keep in git,
 * and bytes (invalid UTF-8, UTF-16, CR, BOM) that editors and git settings such as
 * core.autocrlf would silently rewrite. Each gets a fixture's temp copy as `root`.
 */
export const setups: Record<string, (root: string) => void> = {
  'too-large': (root) => {
    const head = '---\ntitle: Huge\n---\n';
    // The contract's limit is 1 MiB: one byte over fails, exactly 1 MiB passes.
    write(root, 'content/huge.md', head + 'x'.repeat(MIB + 1 - head.length));
    write(root, 'content/at-limit.md', head + 'x'.repeat(MIB - head.length));
  },
  encodings: (root) => {
    const page = '---\ntitle: Encoded\n---\nBody.\n';
    write(root, 'content/invalid-utf8.md', Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n---\n')]));
    write(root, 'content/latin1.md', Buffer.from('---\ntitle: Café\n---\n', 'latin1'));
    write(root, 'content/utf16le-bom.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));
    write(root, 'content/utf16be-bom.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(page, 'utf16le').swap16()]));
    write(root, 'content/utf16le-no-bom.md', Buffer.from(page, 'utf16le'));
    write(root, 'content/nul.md', '---\ntitle: Binary\n---\nBody with a \0 in it.\n');
  },
  'cr-only': (root) => {
    write(root, 'content/cr-only.md', '---\rtitle: Old Mac\rweight: 1\r---\rBody.\r');
  },
  'front-matter-too-large': (root) => {
    // 64 KiB + 1 of YAML between the fences fails; 64 KiB counting the opening fence too passes.
    write(root, 'content/too-large.md', `---\ntitle: Big\ndescription: ${'y'.repeat(KIB64 + 1 - 'title: Big\ndescription: \n'.length)}\n---\nBody.\n`);
    const head = '---\ntitle: Fits\ndescription: ';
    write(root, 'content/at-limit.md', `${head}${'y'.repeat(KIB64 - head.length - 1)}\n---\nBody.\n`);
  },
  'bom-crlf': (root) => {
    for (const file of markdownFiles(join(root, 'content'))) {
      writeFileSync(file, `\ufeff${toCrlf(readFileSync(file, 'utf8'))}`);
    }
  },
  'crlf-copy': (root) => {
    write(root, 'content/crlf.md', toCrlf(readFileSync(join(root, 'content/lf.md'), 'utf8')));
  },
};

const MIB = 1024 * 1024;
const KIB64 = 64 * 1024;

function write(root: string, file: string, data: string | Uint8Array): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

function toCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
}
