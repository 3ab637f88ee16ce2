// What Stryker's TypeScript checker gets for `import ts from 'typescript'` (preload.js says why).
module.exports = require('./preload.js').typescript;
