import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainHash, chainHashFromCanonical, chainHashFromHead, GENESIS_HASH } from './hash-chain';

describe('hash chain', () => {
  it('sorts keys recursively and ignores their insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('refuses values JSON cannot carry losslessly', () => {
    expect(() => canonicalJson({ p: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ p: Number.NaN })).toThrow(TypeError);
  });

  it('excludes the hash itself and agrees with the canonical fast path', () => {
    const data = { requestId: 'r', n: 2 };
    const meta = { actor: { id: 'p-1' }, hash: 'ignored' };
    const h = chainHash(GENESIS_HASH, 'RequestFiled', data, meta);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(chainHashFromCanonical(GENESIS_HASH, 'RequestFiled', canonicalJson(data), canonicalJson({ actor: { id: 'p-1' } })));
    const whole = canonicalJson({ data, metadata: { actor: { id: 'p-1' } }, type: 'RequestFiled' });
    expect(h).toBe(createHash('sha256').update(GENESIS_HASH + whole).digest('hex'));
    const head = `{"data":${canonicalJson(data)},"metadata":${canonicalJson({ actor: { id: 'p-1' } })},"type":`;
    expect(chainHashFromHead(GENESIS_HASH, head, 'RequestFiled')).toBe(h);
  });

  it('changes when anything in the link changes', () => {
    const base = chainHash(GENESIS_HASH, 'T', { a: 1 }, {});
    expect(chainHash(GENESIS_HASH, 'T', { a: 2 }, {})).not.toBe(base);
    expect(chainHash(GENESIS_HASH, 'U', { a: 1 }, {})).not.toBe(base);
    expect(chainHash(GENESIS_HASH, 'T', { a: 1 }, { x: 1 })).not.toBe(base);
    expect(chainHash('1'.repeat(64), 'T', { a: 1 }, {})).not.toBe(base);
  });
});

describe('canonical JSON of large objects', () => {
  it('sorts many keys exactly like the small-object path', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `k${(i * 37) % 100}`);
    const obj = Object.fromEntries(keys.map((k) => [k, k.length]));
    const expected = `{${[...keys].sort().map((k) => `"${k}":${k.length}`).join(',')}}`;
    expect(canonicalJson(obj)).toBe(expected);
  });
});
