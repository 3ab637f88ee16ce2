import { scoresPerModule, scoreTable } from './mutation-score';

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe('mutation score per module', () => {
  const modules = [
    { name: 'domain', target: 80, mutate: ['libs/domain/src/**/*.ts'] },
    { name: 'auth', target: 70, mutate: ['apps/api/src/auth/**/*.ts'] },
    { name: 'vault', target: 70, mutate: ['libs/vault/src/**/*.ts'] },
  ];

  it('counts killed and timed-out mutants over the valid ones of the files under each module, as Stryker does', () => {
    const report = {
      files: {
        '/repo/libs/domain/src/a.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'CompileError', 'Ignored'),
        '/repo/libs/domain/src/b/c.ts': mutants('NoCoverage'),
        '/repo/apps/api/src/auth/guard.ts': mutants('Killed', 'Survived', 'Survived'),
      },
    };
    const scores = scoresPerModule(report, modules, '/repo');
    expect(scores).toEqual([
      { name: 'domain', target: 80, killed: 3, survived: 1, noCoverage: 1, score: 60 },
      { name: 'auth', target: 70, killed: 1, survived: 2, noCoverage: 0, score: 100 / 3 },
      { name: 'vault', target: 70, killed: 0, survived: 0, noCoverage: 0, score: undefined },
    ]);
    const table = scoreTable(scores);
    expect(table).toMatch(/domain\s+60\.0%\s+target ≥ 80%\s+BELOW TARGET/);
    expect(table).toMatch(/vault\s+-\s+target ≥ 70%\s+no mutants/);
  });
});
