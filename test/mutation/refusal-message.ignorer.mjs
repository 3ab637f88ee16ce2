// Stryker ignorer: the prose of a domain refusal is not behaviour. A refusal's `code` is the
// contract (clients and tests rely on it, libs/domain/src/kernel/domain-error.ts) and stays
// mutated, as does the `field` of a validation failure; the human message beside them
// (`new DomainError(code, message)`, `refuse(code, message)`, `validationFailed(message, field)`)
// would only be pinned by tests copying sentences, so its mutants are not generated. The HTTP
// edge's `fail(status, code, detail)` (apps/api/src/http/problem.ts) is the same: its status and
// code are the contract, its detail the prose.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** Which argument of each refusal builder is the message. */
const MESSAGE_ARGUMENT = { DomainError: 1, refuse: 1, validationFailed: 0, fail: 2 };

const calleeName = (node) => (node.callee && node.callee.type === 'Identifier' ? node.callee.name : undefined);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'refusal-message', {
    shouldIgnore(path) {
      for (let p = path; p.parentPath; p = p.parentPath) {
        const parent = p.parentPath;
        if (p.listKey !== 'arguments' || (parent.node.type !== 'CallExpression' && parent.node.type !== 'NewExpression')) continue;
        const name = calleeName(parent.node);
        if (name in MESSAGE_ARGUMENT && MESSAGE_ARGUMENT[name] === p.key) return `the message of a refusal (${name}) is prose, its code is the contract`;
      }
      return undefined;
    },
  }),
];
