/**
 * The jest configuration of the mutation run: the project's, narrowed to the specs of the
 * mutated modules. No global setup: the mutation runner starts one PostgreSQL for the whole
 * run (a jest global setup would start one per mutant).
 */
const path = require('node:path');
const base = require('../../jest.config.js');
const { selectedModules } = require('./mutation-scope.js');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const specs = selectedModules().flatMap((m) => m.specs);
const skipped = selectedModules().flatMap((m) => m.skipSpecs ?? []);

/** The directory a glob or a path prefix of the scope lies in. */
const directoryOf = (pattern) => {
  const stem = pattern.split('*')[0];
  return stem.endsWith('/') ? stem.slice(0, -1) : path.dirname(stem);
};
// Jest looks for specs, and for the specs related to a mutated file, in the scope's directories
// only: it walks them again on every mutant's run.
const directories = [...new Set(selectedModules().flatMap((m) => [...m.mutate, ...m.specs].map(directoryOf)))];
const roots = directories.filter((d) => !directories.some((other) => d.startsWith(`${other}/`))).map((d) => `<rootDir>/${d}`);

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  roots,
  testRegex: `/(${specs.map(escape).join('|')}).*\\.spec\\.ts$`,
  testPathIgnorePatterns: ['/node_modules/', ...skipped.map((f) => `/${escape(f)}$`)],
  globalSetup: undefined,
  globalTeardown: undefined,
  reporters: ['default'],
  // One mutant at a time per runner process: jest workers would cost more than the specs.
  maxWorkers: 1,
  // Jest asks for watchman (`watchman --version`, a process spawned) on every run, that is on
  // every mutant: 4 % of the runners' time in a profile, on machines that have no watchman.
  watchman: false,
  setupFiles: ['<rootDir>/test/mutation/mutant-run.setup.js'],
};
