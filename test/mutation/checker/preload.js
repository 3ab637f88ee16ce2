/**
 * Preloaded in Stryker's TypeScript checker processes (checkerNodeArgs in stryker.config.mjs):
 * the checker gets the TypeScript of typescript-for-mutants.js. It imports 'typescript' as an
 * ES module, which a preload cannot patch in place: a resolve hook sends that import to
 * typescript.cjs, which exports the copy made here.
 */
const { register } = require('node:module');
const { pathToFileURL } = require('node:url');
const path = require('node:path');
const ts = require('typescript');
const { typescriptForMutants, withoutDelay } = require('./typescript-for-mutants.js');

ts.sys.setTimeout = withoutDelay(ts.sys.setTimeout);
const typescript = typescriptForMutants();
register(pathToFileURL(path.join(__dirname, 'hooks.mjs')));

module.exports = { typescript };
