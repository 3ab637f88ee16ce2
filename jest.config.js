/** One jest run for every level: decider specs, integration specs on the embedded store, end-to-end specs. */
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const libs = ['domain', 'event-store', 'projections', 'vault', 'workflow', 'runtime', 'postgres'];
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', { ...swc, swcrc: false }] },
  // content-disposition 3 (under @fastify/static, for /docs) ships ES modules only: Node ≥ 20.19 requires them, jest needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    libs.flatMap((l) => [
      [`^@vigie/${l}$`, `<rootDir>/libs/${l}/src`],
      [`^@vigie/${l}/(.*)$`, `<rootDir>/libs/${l}/src/$1`],
    ]),
  ),
  testTimeout: 30000,
  // One real PostgreSQL server per run, for the shared-state backends (VIGIE_DATABASE_URL).
  globalSetup: "<rootDir>/test/support/postgres.global-setup.ts",
  globalTeardown: "<rootDir>/test/support/postgres.global-teardown.ts",
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
