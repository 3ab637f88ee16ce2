import type { FieldError } from './problem';

/** The deepest nesting a body may have: every Vigie body fits in a handful of levels. */
export const MAX_BODY_DEPTH = 32;

/** No Vigie array is longer (a delivery holds at most 10,000 records). */
export const MAX_ARRAY_LENGTH = 10_000;

/** No Vigie object has more keys; a technical record's values stay far below. */
export const MAX_OBJECT_KEYS = 1_000;

/**
 * Names that would reach a prototype once copied onto an object (`__proto__`,
 * `constructor`, `toString`…): no field of the API bears one, so any is refused, at any depth.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const shortField = (path: string): string => (path.length > 200 ? `${path.slice(0, 200)}…` : path);

/**
 * One iterative pass over a parsed body, before any transformation or validation: the
 * root is an object, nothing nests deeper than MAX_BODY_DEPTH, no array or object is
 * larger than any Vigie input, no key is named like a prototype member. Iterative so
 * that no depth can exhaust the stack; it stops at the first problem, so a hostile body
 * costs one walk at most.
 */
export const bodyShapeProblem = (body: unknown): FieldError | undefined => {
  if (!isObject(body) || Array.isArray(body)) return { field: 'body', message: 'must be a JSON object' };
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (!isObject(value)) continue;
    if (depth > MAX_BODY_DEPTH) return { field: shortField(path), message: `nests deeper than ${MAX_BODY_DEPTH} levels` };
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH) return { field: shortField(path || 'body'), message: `holds more than ${MAX_ARRAY_LENGTH} items` };
      for (let i = 0; i < value.length; i += 1) if (isObject(value[i])) stack.push({ value: value[i], depth: depth + 1, path: `${path}[${i}]` });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_OBJECT_KEYS) return { field: shortField(path || 'body'), message: `has more than ${MAX_OBJECT_KEYS} properties` };
    for (const key of keys) {
      const field = path === '' ? key : `${path}.${key}`;
      if (PROTOTYPE_NAMES.has(key)) return { field: shortField(field), message: 'a property may not be named like a member of Object.prototype' };
      const child = value[key];
      if (isObject(child)) stack.push({ value: child, depth: depth + 1, path: field });
    }
  }
  return undefined;
};

/**
 * The same limits read off the raw text, before JSON.parse builds anything: one pass over
 * the characters counting nesting and commas per open container (strings skipped), so a
 * body of 80,000 keys or 100,000 levels is refused without ever being materialised.
 */
export const textShapeProblem = (text: string): FieldError | undefined => {
  const counts: number[] = [];
  const objects: boolean[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      counts.push(1);
      objects.push(c === 0x7b);
      if (counts.length > MAX_BODY_DEPTH) return { field: 'body', message: `nests deeper than ${MAX_BODY_DEPTH} levels` };
    } else if (c === 0x7d || c === 0x5d) {
      counts.pop();
      objects.pop();
    } else if (c === 0x2c && counts.length > 0) {
      const top = counts.length - 1;
      counts[top] = (counts[top] as number) + 1;
      const object = objects[top] as boolean;
      if ((counts[top] as number) > (object ? MAX_OBJECT_KEYS : MAX_ARRAY_LENGTH)) {
        return { field: 'body', message: object ? `has more than ${MAX_OBJECT_KEYS} properties` : `holds more than ${MAX_ARRAY_LENGTH} items` };
      }
    }
  }
  return undefined;
};
