import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../config/config-error';
import { loadOrCreatePrincipals, sha256Hex } from './principals-file';

describe('principals file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-principals-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates one admin key on first start, stores only its sha256, with mode 0600', () => {
    const file = path.join(dir, 'principals.json');
    const first = loadOrCreatePrincipals(file);
    expect(first.generatedAdminKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(first.generatedAdminKey);
    expect(first.byKeyHash.get(sha256Hex(first.generatedAdminKey as string))).toEqual({ id: 'admin', role: 'admin' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadOrCreatePrincipals(file);
    expect(second.generatedAdminKey).toBeUndefined();
    expect(second.byKeyHash.size).toBe(1);
  });

  it('reads agents and operators with the identity they act as', () => {
    const file = path.join(dir, 'p.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { id: 'a', role: 'agent', agentId: 'ag-1', keySha256: sha256Hex('k1') },
        { id: 'o', role: 'operator', operatorId: 'op-1', keySha256: sha256Hex('k2').toUpperCase() },
      ]),
    );
    const { byKeyHash } = loadOrCreatePrincipals(file);
    expect(byKeyHash.get(sha256Hex('k1'))).toEqual({ id: 'a', role: 'agent', agentId: 'ag-1' });
    expect(byKeyHash.get(sha256Hex('k2'))).toEqual({ id: 'o', role: 'operator', operatorId: 'op-1' });
  });

  it.each([
    ['not JSON', '{'],
    ['not an array', '{}'],
    ['unknown role', JSON.stringify([{ id: 'x', role: 'root', keySha256: sha256Hex('k') }])],
    ['agent without agentId', JSON.stringify([{ id: 'x', role: 'agent', keySha256: sha256Hex('k') }])],
    ['bad hash', JSON.stringify([{ id: 'x', role: 'admin', keySha256: 'k' }])],
    ['duplicate ids', JSON.stringify([1, 2].map((i) => ({ id: 'x', role: 'admin', keySha256: sha256Hex(`k${i}`) })))],
  ])('refuses a file with %s, naming VIGIE_PRINCIPALS_FILE', (_, content) => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, content);
    expect(() => loadOrCreatePrincipals(file)).toThrow(ConfigError);
    expect(() => loadOrCreatePrincipals(file)).toThrow(/^VIGIE_PRINCIPALS_FILE: /);
  });
});
