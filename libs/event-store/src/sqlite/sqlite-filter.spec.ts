import { prefixRange } from './sqlite-filter';

const inRange = (range: [string, string], s: string): boolean => Buffer.compare(Buffer.from(s), Buffer.from(range[0])) >= 0 && Buffer.compare(Buffer.from(s), Buffer.from(range[1])) < 0;

describe('prefixRange', () => {
  it('holds exactly the strings that start with the prefix, in UTF-8 byte order', () => {
    const range = prefixRange('principal-')!;
    expect(range).toEqual(['principal-', 'principal.']);
    for (const s of ['principal-', 'principal-a', 'principal-\u{10FFFF}', 'principal-é']) expect(inRange(range, s)).toBe(true);
    for (const s of ['principal', 'principal.', 'principal.x', 'principam', 'p']) expect(inRange(range, s)).toBe(false);
  });

  it('steps over the surrogate block and over multi-byte characters', () => {
    expect(prefixRange('a\u{D7FF}')).toEqual(['a\u{D7FF}', 'a\u{E000}']);
    const range = prefixRange('é')!;
    expect(inRange(range, 'éa')).toBe(true);
    expect(inRange(range, 'ê')).toBe(false);
  });

  it('has no bound for an empty prefix or one ending in the last code point', () => {
    expect(prefixRange('')).toBeUndefined();
    expect(prefixRange('a\u{10FFFF}')).toBeUndefined();
  });
});
