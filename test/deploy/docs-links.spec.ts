import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/spawn-ts';

const documents = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1]));

/** Every TypeScript file of the code and the tests, for the check on what comments cite. */
const sources = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });

/** Files a clone does not hold, which older comments used to cite; spelled in parts so this file does not cite them. */
const FOREIGN = ['API', 'DESIGN', 'DOMAIN', 'STYLE'].map((name) => `${name}.md`);

/** The documentation ships with the repository: every link must resolve inside it. */
describe('documentation links', () => {
  it.each(documents)('%s links only to files of the repository, and to headings they have', (doc) => {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const [file, anchor] = target.split('#');
      const resolved = file === '' ? path.join(ROOT, doc) : path.resolve(path.dirname(path.join(ROOT, doc)), file);
      const exists = fs.existsSync(resolved);
      expect({ target, inside: resolved.startsWith(`${ROOT}${path.sep}`), exists }).toEqual({ target, inside: true, exists: true });
      if (anchor !== undefined && exists && resolved.endsWith('.md')) {
        expect({ target, anchored: anchorsOf(resolved).includes(anchor) }).toEqual({ target, anchored: true });
      }
    }
  });

  it('README starts with the two commands, and leads to every guide', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Vigie\n\n```sh\nnpm ci && npm start .*\nnpm test /);
    for (const guide of ['api', 'design', 'operations', 'deployment']) expect(readme).toContain(`](docs/${guide}.md`);
    expect(readme).not.toMatch(/npm run cli /);
    expect(fs.readFileSync(path.join(ROOT, 'docs/eventstoredb.md'), 'utf8')).toContain('](deployment.md)');
    expect(fs.readFileSync(path.join(ROOT, 'docs/design.md'), 'utf8')).toContain('](deployment.md)');
  });

  it('no code comment cites a file the repository does not hold', () => {
    const citations: string[] = [];
    for (const file of [...sources('apps'), ...sources('libs'), ...sources('test')]) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const name of FOREIGN) if (text.includes(name)) citations.push(`${file}: ${name}`);
      if (/\.\.\/shared\b|\bshared\/(seed|[A-Z]+\.md)/.test(text)) citations.push(`${file}: shared/`);
      for (const [, cited] of text.matchAll(/\b(docs\/[\w.-]+\.md)\b/g)) {
        if (!fs.existsSync(path.join(ROOT, cited))) citations.push(`${file}: ${cited}`);
      }
    }
    expect(citations).toEqual([]);
  });
});
