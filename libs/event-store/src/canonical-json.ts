/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, undefined members
 * dropped. The hash chain is defined over it, so every writer and verifier must agree.
 * Written as a single pass without intermediate arrays: it runs once per appended event.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite number is not JSON');
      return String(value); // the same digits as JSON.stringify for finite numbers
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('bigint is not JSON: serialise it as a decimal string');
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      return 'null'; // undefined, function, symbol: what JSON.stringify leaves out, as null
  }
}

function canonicalArray(values: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += canonicalJson(values[i]);
  }
  return `${out}]`;
}

/** Quoted keys, cached: events repeat the same few dozen keys millions of times. Bounded. */
const quotedKeys = new Map<string, string>();
const quote = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 4096) quotedKeys.set(key, quoted);
  }
  return quoted;
};

function canonicalObject(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj);
  // Event objects are small: an insertion sort avoids the comparator's string conversions.
  if (keys.length > 32) keys.sort();
  else sortSmall(keys);
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined || typeof v === 'function') continue;
    if (out.length > 1) out += ',';
    out += `${quote(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** Insertion sort by UTF-16 code unit (`>` on strings), the order of Array#sort's default. */
function sortSmall(keys: string[]): void {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
}
