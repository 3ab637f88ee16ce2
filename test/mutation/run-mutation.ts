/**
 * npm run mutate: starts one PostgreSQL for the whole run (the specs of the PostgreSQL adapters
 * need it; a jest global setup would start one per mutant), runs Stryker, then prints the
 * mutation score of each module against its target. Exits non-zero when a module is below it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import startPostgres from '../support/postgres.global-setup';
import stopPostgres from '../support/postgres.global-teardown';
import { scoresPerModule, scoreTable, type MutationReport } from './mutation-score';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { selectedModules } = require('./mutation-scope.js') as { selectedModules(): { name: string; target: number; mutate: string[] }[] };

const root = path.resolve(__dirname, '../..');

async function main(): Promise<number> {
  const modules = selectedModules();
  await startPostgres();
  let status: number | null;
  try {
    const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
    status = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env }).status;
  } finally {
    await stopPostgres();
  }
  const reportFile = path.join(root, 'reports/mutation/mutation.json');
  if (status !== 0 || !fs.existsSync(reportFile)) return status ?? 1;
  const scores = scoresPerModule(JSON.parse(fs.readFileSync(reportFile, 'utf8')) as MutationReport, modules, root);
  process.stdout.write(`\n${scoreTable(scores)}\n`);
  return scores.every((s) => s.score === undefined || s.score >= s.target) ? 0 : 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mutation run failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
