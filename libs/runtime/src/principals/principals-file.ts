import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../config/config-error';
import { ROLES, type Principal, type PrincipalRecord, type Role } from './principal';

const VARIABLE = 'VIGIE_PRINCIPALS_FILE';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface LoadedPrincipals {
  readonly byKeyHash: ReadonlyMap<string, Principal>;
  /** Set only on the first start, when the file did not exist: print it once, never store it. */
  readonly generatedAdminKey?: string;
}

const parseRecord = (raw: unknown, index: number): PrincipalRecord => {
  const where = `entry ${index}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(VARIABLE, `${where} is not an object`);
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') throw new ConfigError(VARIABLE, `${where} has no id`);
  if (typeof r.role !== 'string' || !ROLES.includes(r.role as Role)) throw new ConfigError(VARIABLE, `${where} has an unknown role`);
  if (typeof r.keySha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(r.keySha256)) {
    throw new ConfigError(VARIABLE, `${where} needs keySha256 as 64 hexadecimal characters`);
  }
  const role = r.role as Role;
  if (role === 'agent' && typeof r.agentId !== 'string') throw new ConfigError(VARIABLE, `${where} is an agent without agentId`);
  if (role === 'operator' && typeof r.operatorId !== 'string') throw new ConfigError(VARIABLE, `${where} is an operator without operatorId`);
  return {
    id: r.id,
    role,
    keySha256: r.keySha256.toLowerCase(),
    ...(role === 'agent' ? { agentId: r.agentId as string } : {}),
    ...(role === 'operator' ? { operatorId: r.operatorId as string } : {}),
  };
};

/**
 * Reads the principals file; on a first start without it, creates one admin key (mode 0600),
 * unless `generate` is false: processes sharing a database would each make a different admin
 * key, so there the file must be given.
 */
export function loadOrCreatePrincipals(file: string, options: { readonly generate?: boolean } = {}): LoadedPrincipals {
  let generatedAdminKey: string | undefined;
  if (!fs.existsSync(file)) {
    if (options.generate === false) {
      throw new ConfigError(VARIABLE, `${file} does not exist; with several processes sharing state it is never generated: write it (its format: docs/deployment.md)`);
    }
    generatedAdminKey = randomBytes(32).toString('base64url');
    const records: PrincipalRecord[] = [{ id: 'admin', role: 'admin', keySha256: sha256Hex(generatedAdminKey) }];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(VARIABLE, `cannot read ${file} as JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(VARIABLE, `${file} must hold a JSON array`);
  const byKeyHash = new Map<string, Principal>();
  const ids = new Set<string>();
  parsed.forEach((raw, i) => {
    const { keySha256, ...principal } = parseRecord(raw, i);
    if (ids.has(principal.id)) throw new ConfigError(VARIABLE, `duplicate principal id ${principal.id}`);
    if (byKeyHash.has(keySha256)) throw new ConfigError(VARIABLE, `two principals share one key (entry ${i})`);
    ids.add(principal.id);
    byKeyHash.set(keySha256, principal);
  });
  return { byKeyHash, generatedAdminKey };
}
