import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateMasterKey, MASTER_KEY_ENV } from './master-key';
import { MasterKeyError } from './vault.errors';

describe('loadOrCreateMasterKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses a valid VIGIE_MASTER_KEY and writes nothing', () => {
    const hex = 'ab'.repeat(32);
    const key = loadOrCreateMasterKey({ dataDir: dir, envValue: hex });
    expect(key.equals(Buffer.from(hex, 'hex'))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts a VIGIE_MASTER_KEY with the newline a secret file or a shell leaves around it', () => {
    const hex = 'cd'.repeat(32);
    expect(loadOrCreateMasterKey({ dataDir: dir, envValue: ` ${hex}\n` }).equals(Buffer.from(hex, 'hex'))).toBe(true);
  });

  it('reports a master.key it cannot look at rather than creating another key beside it', () => {
    // The data dir is a file: stat fails with ENOTDIR, not ENOENT, so no key may be made.
    const notADir = join(dir, 'file');
    writeFileSync(notADir, '');
    expect(() => loadOrCreateMasterKey({ dataDir: notADir })).toThrow(expect.objectContaining({ code: 'ENOTDIR', syscall: 'stat' }));
  });

  it.each([
    ['too short', 'ab'.repeat(31)],
    ['too long', 'ab'.repeat(33)],
    ['not hexadecimal', 'zz'.repeat(32)],
    ['empty', ''],
  ])('refuses a VIGIE_MASTER_KEY that is %s, naming the variable but not the value', (_, value) => {
    let error: unknown;
    try {
      loadOrCreateMasterKey({ dataDir: dir, envValue: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MasterKeyError);
    expect((error as Error).message).toContain(MASTER_KEY_ENV);
    if (value !== '') expect((error as Error).message).not.toContain(value);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('generates master.key with mode 0600 once, then reads the same key back', () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = loadOrCreateMasterKey({ dataDir });
    const file = join(dataDir, 'master.key');
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${first.toString('hex')}\n`);
    expect(readdirSync(dataDir)).toEqual(['master.key']);
    expect(loadOrCreateMasterKey({ dataDir }).equals(first)).toBe(true);
  });

  it('gives different keys to different data dirs', () => {
    const other = join(dir, 'other');
    expect(loadOrCreateMasterKey({ dataDir: dir }).equals(loadOrCreateMasterKey({ dataDir: other }))).toBe(false);
  });

  it('refuses a master.key readable by group or others', () => {
    loadOrCreateMasterKey({ dataDir: dir });
    chmodSync(join(dir, 'master.key'), 0o644);
    expect(() => loadOrCreateMasterKey({ dataDir: dir })).toThrow(/chmod 600/);
    chmodSync(join(dir, 'master.key'), 0o640);
    expect(() => loadOrCreateMasterKey({ dataDir: dir })).toThrow(MasterKeyError);
  });

  it('refuses a malformed master.key rather than replacing it', () => {
    writeFileSync(join(dir, 'master.key'), 'not a key\n', { mode: 0o600 });
    expect(() => loadOrCreateMasterKey({ dataDir: dir })).toThrow(/64 hexadecimal/);
    expect(readFileSync(join(dir, 'master.key'), 'utf8')).toBe('not a key\n');
  });

  it('lets VIGIE_MASTER_KEY win over an existing file', () => {
    const fromFile = loadOrCreateMasterKey({ dataDir: dir });
    const fromEnv = loadOrCreateMasterKey({ dataDir: dir, envValue: 'cd'.repeat(32) });
    expect(fromEnv.equals(fromFile)).toBe(false);
    expect(fromEnv.toString('hex')).toBe('cd'.repeat(32));
  });
});
