import fc from 'fast-check';

/** Names that reach a prototype once copied onto an object. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

const nest = (levels: number, leaf: string): string => `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`;

/** A JSON text for one value: wrong types, unicode and NUL, numbers beyond 2^53, huge, deep, prototype-named. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"\\u0000"', '"a\\u0000b"', '"\\ud800"', '"𝕍𝕚𝕘𝕚𝕖 é ‮"', '""', '"   "'),
  fc.constantFrom('9007199254740993', '-9007199254740993', '1e400', '-1e400', '1e-400', '123456789012345678901234567890', '0.1', '-0'),
  fc.constantFrom('true', 'false', 'null', '[]', '{}', '[null]', '[[[]]]'),
  fc.integer({ min: 33, max: 3000 }).map((levels) => nest(levels, '1')),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => JSON.stringify('x'.repeat(n))),
  fc.integer({ min: 1_001, max: 12_000 }).map((n) => `[${new Array(n).fill('"a"').join(',')}]`),
  fc.constantFrom(...PROTOTYPE_NAMES).map((name) => `{${JSON.stringify(name)}:{"polluted":true}}`),
);

/** Keys for an object body: the operation's own fields, unknown ones, and prototype names. */
export const bodyKey = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  );

/** A raw body text: an object of hostile values, or something that is not a JSON object at all. */
export const hostileBody = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.tuple(bodyKey(known), hostileValue), { maxLength: 6 }).map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '[]', '[1,2]', '"text"', '42', 'null', '{', '{"a":1,}', '\u0000', '{"a":"\\u0000"}') },
    { weight: 1, arbitrary: fc.integer({ min: 33, max: 5_000 }).map((levels) => `{"a":${nest(levels, '{}')}}`) },
  );

/** A path parameter: a plausible UUID, or something the router and the pipes must refuse cleanly. */
export const pathParam = (existing: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...existing) },
    { weight: 2, arbitrary: fc.uuid().map(encodeURIComponent) },
    { weight: 3, arbitrary: fc.constantFrom('%ZZ', '%', '%00', 'a%2Fb', '..', '%2e%2e', 'x'.repeat(150), '%F0%9F%98%80', '%C0%AF', 'constructor', '__proto__', '1e400', '9007199254740993') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }).map(encodeURIComponent) },
  );

/** A query value: ordinary, huge, NUL, repeated, prototype-named. */
export const queryValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', '\u0000', '-1', '0', '1001', '1e400', '9007199254740993', 'pending', 'purged', '2026-03-02', 'not-a-date', 'x'.repeat(5000)),
);

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml', 'application/problem+json', '*/*') },
);
