/**
 * npm run mutate: runs Stryker once per module, each with a PostgreSQL of its own (the specs of
 * the PostgreSQL adapters need one; a jest global setup would start one per mutant). Each module
 * keeps its own incremental file, so a module finished is never tested again unless its code or
 * its specs change, even when a later module is interrupted. It then prints the mutation score of
 * each module against its target. Exits non-zero when a module is below it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import startPostgres from '../support/postgres.global-setup';
import stopPostgres from '../support/postgres.global-teardown';
import { scoresPerModule, scoreTable, type ModuleScore, type MutationReport } from './mutation-score';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { selectedModules } = require('./mutation-scope.js') as { selectedModules(): { name: string; target: number; mutate: string[] }[] };

const root = path.resolve(__dirname, '../..');
const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');

/** One Stryker run narrowed to one module; its score, or the exit status of a run that failed. */
function mutateModule(module: { name: string; target: number; mutate: string[] }): ModuleScore | number {
  const started = Date.now();
  process.stdout.write(`\n== ${module.name}\n`);
  const { status } = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VIGIE_MUTATE: module.name },
  });
  const reportFile = path.join(root, `reports/mutation/${module.name}.json`);
  if (status !== 0 || !fs.existsSync(reportFile)) return status ?? 1;
  const [score] = scoresPerModule(JSON.parse(fs.readFileSync(reportFile, 'utf8')) as MutationReport, [module], root);
  process.stdout.write(`== ${module.name}: ${((Date.now() - started) / 60_000).toFixed(1)} min\n`);
  return score;
}

/**
 * The specs' scratch files (SQLite logs and vaults, the PostgreSQL data dir) go to a RAM disk
 * when the machine has one: their fsyncs (synchronous=FULL, every PostgreSQL commit) are then
 * free, and a mutant is judged on what the code does, not on how fast the disk syncs.
 */
function useRamDiskForScratch(): (() => void) | undefined {
  if (process.env.TMPDIR !== undefined || !fs.existsSync('/dev/shm')) return undefined;
  const scratch = fs.mkdtempSync('/dev/shm/vigie-mutate-');
  // Shared like /tmp: as root, the test PostgreSQL runs as its own user and reads its files here.
  fs.chmodSync(scratch, 0o1777);
  process.env.TMPDIR = scratch;
  return () => fs.rmSync(scratch, { recursive: true, force: true });
}

/**
 * A fresh PostgreSQL per module: a mutant that hangs is stopped by killing its test runner,
 * and a server shared with the next module was seen keeping what such runners left behind;
 * the vault's PostgreSQL specs then waited, and 15 surviving mutants were counted as timeouts.
 */
async function withOwnPostgres<T>(run: () => T): Promise<T> {
  await startPostgres();
  try {
    return run();
  } finally {
    await stopPostgres();
    delete process.env.VIGIE_TEST_POSTGRES_URL;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const removeScratch = useRamDiskForScratch();
  const scores: ModuleScore[] = [];
  try {
    for (const module of selectedModules()) {
      const result = await withOwnPostgres(() => mutateModule(module));
      if (typeof result === 'number') return result;
      scores.push(result);
    }
  } finally {
    removeScratch?.();
  }
  process.stdout.write(`\n${scoreTable(scores)}\n(${((Date.now() - started) / 60_000).toFixed(1)} min in all)\n`);
  return scores.every((s) => s.score === undefined || s.score >= s.target) ? 0 : 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mutation run failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
