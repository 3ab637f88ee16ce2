import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/spawn-ts';

// npm's own range semantics (semver is in the tree through npm tooling; it ships no types).
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const engines = (): string => (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

/** Node 20 is past its end of life: deployments run on an LTS (22) or on 24; 20.19+ remains for development. */
describe('supported Node.js versions', () => {
  it('engines admits Node 22 LTS, Node 24 and Node >= 20.19, nothing older', () => {
    const range = engines();
    for (const version of ['22.12.0', '22.20.0', '24.0.0', '24.11.1', '20.19.0']) expect({ version, ok: semver.satisfies(version, range) }).toEqual({ version, ok: true });
    for (const version of ['18.20.0', '20.18.3', '21.7.0', '22.11.0', '23.5.0']) expect({ version, ok: semver.satisfies(version, range) }).toEqual({ version, ok: false });
  });

  it('the Node running these tests is one engines admits', () => {
    expect(semver.satisfies(process.versions.node, engines())).toBe(true);
  });

  it('the container image builds and runs on Node 22', () => {
    const froms = [...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(image).toMatch(/^node:(22|24)(-|$)/);
  });

  it('the README says what is supported', () => {
    const readme = read('README.md');
    expect(readme).toMatch(/Node 22 LTS or Node 24/);
    expect(readme).toMatch(/Node 20\.19 or later still works for development/);
  });
});
