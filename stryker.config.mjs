// Mutation testing (npm run mutate, never part of npm test): does the suite notice when the
// code that must never regress silently is changed? Scope and targets: test/mutation/mutation-scope.js.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { selectedModules, runName } = require('./test/mutation/mutation-scope.js');

// Specs, barrels and test helpers (decider-spec: given/when/then for the decider specs; fixtures) are not mutated.
const excluded = ['!**/*.spec.ts', '!**/index.ts', '!**/testing/**', '!**/decider-spec.ts', '!**/*.fixtures.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/*', './test/mutation/refusal-message.ignorer.mjs'],
  ignorers: ['refusal-message'],
  jest: { projectType: 'custom', configFile: 'test/mutation/jest.mutation.config.js', enableFindRelatedTests: true },
  // Each mutant runs only the tests that reach it (and jest loads only the spec files that import it): what keeps the run short (docs/mutation-testing.md says how long it takes).
  coverageAnalysis: 'perTest',
  // Mutants of module-level code would run every test; they are counted but not run.
  ignoreStatic: true,
  checkers: ['typescript'],
  // The checker compiles the mutated module and what it imports (tsconfig.<module>.json; all of
  // them when several are selected), not every spec: a smaller program, checked sooner.
  tsconfigFile: `test/mutation/tsconfig.${runName()}.json`,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Without the wait and the re-parsing that TypeScript's watch builder does for an editor
  // (test/mutation/checker/typescript-for-mutants.js says why).
  checkerNodeArgs: ['--require', fileURLToPath(new URL('./test/mutation/checker/preload.js', import.meta.url))],
  // Only mutants of changed code or changed tests are run again (git-ignored files, one per
  // module: npm run mutate runs the modules one after the other, so each keeps its results).
  incremental: true,
  incrementalFile: `reports/mutation/${runName()}.incremental.json`,
  concurrency: Number(process.env.VIGIE_MUTATE_CONCURRENCY ?? 2),
  // A mutant that hangs (a promise never settled) is stopped after its specs' own time × 1.5,
  // plus the overhead of the initial run (jest's start-up and every file's first transform,
  // seconds: far more than the 0.2 to 0.4 s jest adds to a mutant's run), plus this. Every hang
  // costs that wait and a restart of the runner: a module's hangs were most of its run at 5 s.
  // A module may ask for longer (the largest wins when several are selected).
  timeoutMS: Math.max(...selectedModules().map((m) => m.timeoutMS ?? 1000)),
  mutate: [...selectedModules().flatMap((m) => m.mutate), ...excluded],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${runName()}.json` },
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
