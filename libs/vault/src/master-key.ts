import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { randomKey } from './aes-gcm';
import { MasterKeyError } from './vault.errors';

export const MASTER_KEY_ENV = 'VIGIE_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export interface MasterKeyOptions {
  readonly dataDir: string;
  /** The value of VIGIE_MASTER_KEY; when given (even empty) it wins over the file. */
  readonly envValue?: string;
}

/**
 * The master key wraps every data key. An empty or malformed VIGIE_MASTER_KEY is an
 * error rather than a reason to generate a key: a deployment whose secret went missing
 * must not silently start a second vault that cannot read the first one's data.
 */
export const loadOrCreateMasterKey = ({ dataDir, envValue }: MasterKeyOptions): Buffer => {
  if (envValue !== undefined) return parseHexKey(envValue.trim(), `${MASTER_KEY_ENV} must be exactly 64 hexadecimal characters (32 bytes)`);
  const file = join(dataDir, MASTER_KEY_FILE);
  return readKeyFile(file) ?? createKeyFile(dataDir, file);
};

const parseHexKey = (hex: string, message: string): Buffer => {
  if (!HEX_KEY.test(hex)) throw new MasterKeyError(message);
  return Buffer.from(hex, 'hex');
};

const readKeyFile = (file: string): Buffer | null => {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new MasterKeyError(
      `${file} is readable or writable by group or others (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it, or set ${MASTER_KEY_ENV}`,
    );
  }
  return parseHexKey(readFileSync(file, 'utf8').trim(), `${file} must hold exactly 64 hexadecimal characters (or set ${MASTER_KEY_ENV})`);
};

/**
 * Written to a private temp file first, then linked into place: link fails if another
 * process created the key meanwhile (rename would silently replace it and orphan every
 * key wrapped with the first one), in which case that key is the one we use.
 */
const createKeyFile = (dataDir: string, file: string): Buffer => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomKey();
  const tmp = join(dataDir, `.${MASTER_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    key.fill(0);
    return readExisting(file);
  } finally {
    unlinkSync(tmp);
  }
  syncDir(dataDir);
  return key;
};

const readExisting = (file: string): Buffer => {
  const existing = readKeyFile(file);
  if (existing === null) throw new MasterKeyError(`${file} vanished while being created`);
  return existing;
};

/** Makes the new directory entry durable; not every platform lets a directory be fsynced. */
const syncDir = (dir: string): void => {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    return;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};
