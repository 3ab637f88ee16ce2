/**
 * What the mutation run covers: the code that must never regress silently, one module at a
 * time, each with the specs that exercise it and the share of mutants they must kill.
 */
const MODULES = [
  {
    name: 'domain',
    target: 80,
    mutate: ['libs/domain/src/**/*.ts'],
    specs: ['libs/domain/src/'],
  },
  {
    name: 'event-store-sqlite',
    target: 70,
    mutate: ['libs/event-store/src/sqlite/**/*.ts'],
    specs: ['libs/event-store/src/sqlite/', 'libs/event-store/src/hash-chain', 'libs/event-store/src/verify/'],
    // Its children run the code unmutated (spawnTs passes them no mutant) and cost their
    // start-up, seconds, for nearly every mutant; what the parent does in it (a subscriber
    // polling for another writer's commits) the in-process specs exercise too. npm test runs it.
    skipSpecs: ['libs/event-store/src/sqlite/sqlite-multi-process.spec.ts'],
  },
  {
    name: 'idempotency',
    target: 70,
    mutate: ['apps/api/src/idempotency/**/*.ts'],
    specs: ['apps/api/src/idempotency/'],
    // Each of their tests starts an application (seconds), and a mutant reached by them ran
    // them all; the interceptor spec drives the same interceptor on a real store and kills
    // what they would. npm test runs them.
    skipSpecs: ['apps/api/src/idempotency/idempotency.e2e.spec.ts', 'apps/api/src/idempotency/idempotency.replicas.e2e.spec.ts'],
  },
  {
    name: 'vault',
    target: 70,
    mutate: ['libs/vault/src/**/*.ts'],
    specs: ['libs/vault/src/'],
    // Its PostgreSQL specs wait on locks that a hung mutant in the other runner may hold until
    // it is killed: at 1 s, mutants whose specs pass (the key's zeroing left out) were counted
    // as timed out in one run of two. It has few real hangs, so the longer wait costs little.
    timeoutMS: 5000,
  },
  {
    name: 'auth',
    target: 70,
    mutate: ['apps/api/src/auth/**/*.ts'],
    specs: ['apps/api/src/auth/'],
    // It starts an application; the guard and keyring specs drive the same code on a real log.
    skipSpecs: ['apps/api/src/auth/auth.e2e.spec.ts'],
  },
];

/** VIGIE_MUTATE=domain,vault narrows a run to some modules (to measure one, or to work on its survivors). */
function selectedModules(env = process.env) {
  const wanted = (env.VIGIE_MUTATE ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) return MODULES;
  const unknown = wanted.filter((w) => !MODULES.some((m) => m.name === w));
  if (unknown.length > 0) throw new Error(`VIGIE_MUTATE: unknown module ${unknown.join(', ')} (known: ${MODULES.map((m) => m.name).join(', ')})`);
  return MODULES.filter((m) => wanted.includes(m.name));
}

/** Names a run's incremental file and report: the module's name when one is selected, else `all`. */
function runName(env = process.env) {
  const modules = selectedModules(env);
  return modules.length === 1 ? modules[0].name : 'all';
}

module.exports = { MODULES, selectedModules, runName };
