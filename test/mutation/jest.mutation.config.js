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

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  testRegex: `/(${specs.map(escape).join('|')}).*\\.spec\\.ts$`,
  testPathIgnorePatterns: ['/node_modules/', ...skipped.map((f) => `/${escape(f)}$`)],
  globalSetup: undefined,
  globalTeardown: undefined,
  reporters: ['default'],
  // One mutant at a time per runner process: jest workers would cost more than the specs.
  maxWorkers: 1,
};
