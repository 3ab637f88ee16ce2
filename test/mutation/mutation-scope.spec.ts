import * as fs from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MODULES } = require('./mutation-scope.js') as { MODULES: { name: string; mutate: string[] }[] };

/** What the checker of a run compiles: the `include` of test/mutation/tsconfig.<run>.json, from the repository root. */
const checkedBy = (run: string): string[] => {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, `tsconfig.${run}.json`), 'utf8')) as { include: string[] };
  return tsconfig.include.map((glob) => path.posix.relative('.', path.posix.join('test/mutation', glob)));
};

// The checker's programs repeat the scope's globs (a tsconfig is JSON): a mutated file left out
// of its module's program would have its mutants run without being type-checked first.
describe('the mutation scope and the checker programs', () => {
  it.each(MODULES.map((m) => [m.name, m.mutate]))('tsconfig.%s.json compiles what the module mutates', (name, mutate) => {
    expect(checkedBy(name as string)).toEqual(mutate);
  });

  it('tsconfig.all.json compiles what every module mutates', () => {
    expect(checkedBy('all')).toEqual(MODULES.flatMap((m) => m.mutate));
  });
});
