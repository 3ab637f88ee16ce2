// Module hooks of the TypeScript checker processes, registered by preload.js.
const replacement = new URL('./typescript.cjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'typescript' && context.parentURL?.includes('/@stryker-mutator/typescript-checker/')) {
    return { url: replacement, format: 'commonjs', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
