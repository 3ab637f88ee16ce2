import type { FieldError } from './problem';

/** The deepest nesting a body may have: every Vigie body fits in a handful of levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Names that would reach a prototype once copied onto an object (`__proto__`,
 * `constructor`, `toString`…): no field of the API bears one, so any is refused, at any depth.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const shortField = (path: string): string => (path.length > 200 ? `${path.slice(0, 200)}…` : path);

/**
 * One iterative pass over a parsed body, before any transformation or validation: the
 * root is an object, nothing nests deeper than MAX_BODY_DEPTH, no key is named like a
 * prototype member. Iterative so that no depth can exhaust the stack; it stops at the
 * first problem, so a hostile body costs one walk at most.
 */
export const bodyShapeProblem = (body: unknown): FieldError | undefined => {
  if (!isObject(body) || Array.isArray(body)) return { field: 'body', message: 'must be a JSON object' };
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (!isObject(value)) continue;
    if (depth > MAX_BODY_DEPTH) return { field: shortField(path), message: `nests deeper than ${MAX_BODY_DEPTH} levels` };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) if (isObject(value[i])) stack.push({ value: value[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(value)) {
      const field = path === '' ? key : `${path}.${key}`;
      if (PROTOTYPE_NAMES.has(key)) return { field: shortField(field), message: 'a property may not be named like a member of Object.prototype' };
      const child = value[key];
      if (isObject(child)) stack.push({ value: child, depth: depth + 1, path: field });
    }
  }
  return undefined;
};
