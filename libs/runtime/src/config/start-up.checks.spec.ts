import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from './config-error';
import { listenError, prepareDataDir } from './start-up.checks';
import { loadConfig } from './vigie-config';

describe('start-up checks name the variable at fault', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes the data dir owner-only, and names VIGIE_DATA_DIR when it cannot be a directory', () => {
    prepareDataDir(loadConfig({ VIGIE_DATA_DIR: 'fresh/data' }, dir));
    expect(fs.statSync(path.join(dir, 'fresh/data')).mode & 0o777).toBe(0o700);
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(() => prepareDataDir(loadConfig({ VIGIE_DATA_DIR: 'file/data' }, dir))).toThrow(
      expect.objectContaining({ variable: 'VIGIE_DATA_DIR', message: expect.stringMatching(/^VIGIE_DATA_DIR: cannot create .*ENOTDIR/) }),
    );
  });

  it.each([
    ['EADDRINUSE', 'PORT'],
    ['EACCES', 'PORT'],
    ['EADDRNOTAVAIL', 'VIGIE_HOST'],
  ])('turns a listen %s into one line naming %s (the worker and the API alike)', (code, variable) => {
    const error = listenError(Object.assign(new Error(`listen ${code}`), { code }), { host: '127.0.0.1', port: 3001 });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect(error.message).not.toContain('\n');
  });
});
