import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/spawn-ts';

const documents = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));

/** The documentation ships with the repository: every link must resolve inside it. */
describe('documentation links', () => {
  it.each(documents)('%s links only to files of the repository', (doc) => {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const file = target.split('#')[0];
      const resolved = path.resolve(path.dirname(path.join(ROOT, doc)), file);
      expect({ target, inside: resolved.startsWith(`${ROOT}${path.sep}`), exists: fs.existsSync(resolved) }).toEqual({
        target,
        inside: true,
        exists: true,
      });
    }
  });

  it('README starts with the two commands, and leads to the deployment guide', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Vigie\n\n```sh\nnpm ci && npm start .*\nnpm test /);
    expect(readme).toContain('](docs/deployment.md)');
    expect(fs.readFileSync(path.join(ROOT, 'docs/eventstoredb.md'), 'utf8')).toContain('](deployment.md)');
  });
});
