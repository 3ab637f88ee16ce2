import * as path from 'node:path';
import { assertRetentionWithinLegalMaximum, DomainError, parseRetentionPeriod, type RetentionPeriod } from '@vigie/domain';
import type { TariffTable } from '@vigie/workflow';
import { ConfigError } from './config-error';
import { loadTariffs } from './tariffs';
import { connectionStringProblem } from '@vigie/event-store/eventstoredb/eventstoredb-connection-string';

export type ProcessRole = 'all' | 'api' | 'worker';

/**
 * Which program reads the configuration: the API serves `all` or `api`, the worker is only
 * ever a `worker` and listens on 3001 by default so both run side by side on one host.
 * Without it (the CLI, tests), any role is taken and PORT defaults to the API's.
 */
export type VigieProgram = 'api' | 'worker';

const ROLES_OF: Readonly<Record<VigieProgram, readonly ProcessRole[]>> = { api: ['all', 'api'], worker: ['worker'] };
const DEFAULT_PORT: Readonly<Record<VigieProgram, number>> = { api: 3000, worker: 3001 };

/** Everything Vigie reads from the environment (the configuration table of docs/api.md), validated once. */
export interface VigieConfig {
  readonly port: number;
  /** VIGIE_HOST: the address to listen on; loopback unless told otherwise (the container image says 0.0.0.0). */
  readonly host: string;
  readonly dataDir: string;
  readonly principalsFile: string;
  readonly masterKeyHex?: string;
  readonly eventStoreConnectionString?: string;
  /**
   * VIGIE_DATABASE_URL: the PostgreSQL database where everything several processes share
   * lives (vault keys, idempotency records, read models, leases). Unset: SQLite files in the data dir.
   */
  readonly databaseUrl?: string;
  readonly retention: { readonly identification: RetentionPeriod; readonly technical: RetentionPeriod };
  readonly retentionText: { readonly identification: string; readonly technical: string };
  readonly tariffsFile?: string;
  /** The tariff table of VIGIE_TARIFFS_FILE, validated at start-up (all zero without a file). */
  readonly tariffs?: TariffTable;
  /** `api`: serve queries from the read store, run no projection nor scheduler (several replicas). */
  readonly role: ProcessRole;
  readonly bodyLimitBytes: number;
  /** VIGIE_MAX_APPEND_BYTES: the most one append may carry on EventStoreDB (the server's MaxAppendSize). */
  readonly maxAppendBytes: number;
  readonly schedulerIntervalMs: number;
  /** VIGIE_MAX_LAG_MS: how long the oldest unapplied event may wait before /health says `degraded`. */
  readonly maxLagMs: number;
  /** VIGIE_LOG_LEVEL: the least severe JSON log line written (`silent` writes none). */
  readonly logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const logLevel = (env: Env): LogLevel => {
  const raw = value(env, 'VIGIE_LOG_LEVEL') ?? 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (level === undefined) throw new ConfigError('VIGIE_LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
};

type Env = Readonly<Record<string, string | undefined>>;

const value = (env: Env, name: string): string | undefined => {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `expected an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
};

const retention = (env: Env, name: string, fallback: string): { period: RetentionPeriod; text: string } => {
  const text = value(env, name) ?? fallback;
  try {
    const period = parseRetentionPeriod(text);
    // L2321-3 al. 2: technical data "ne peuvent être conservées plus de cinq ans"; the same cap is our policy for identification data.
    assertRetentionWithinLegalMaximum(period);
    return { period, text };
  } catch (e) {
    if (e instanceof DomainError) throw new ConfigError(name, e.message);
    throw e;
  }
};

const host = (env: Env): string => {
  const raw = value(env, 'VIGIE_HOST') ?? '127.0.0.1';
  // An IPv4 or IPv6 address, or a host name: what node's listen() takes.
  if (!/^[0-9A-Za-z.:_-]{1,253}$/.test(raw)) throw new ConfigError('VIGIE_HOST', `expected an address or a host name, got "${raw}"`);
  return raw;
};

/** Room for the event's envelope beside a sealed dataset: ids, metadata, field names, hash. */
const APPEND_ENVELOPE_BYTES = 16 * 1024;

/**
 * EventStoreDB refuses an append above its MaxAppendSize (1 MiB by default up to server
 * 25.0), and a delivery is sealed and base64-encoded (4/3 of the records' size): with it, a
 * body limit the store cannot take would accept legal deliveries only to fail them forever.
 */
const bodyLimits = (env: Env, eventStoreDb: boolean): { bodyLimitBytes: number; maxAppendBytes: number } => {
  const maxAppendBytes = integer(env, 'VIGIE_MAX_APPEND_BYTES', 1024 * 1024, 64 * 1024, 256 * 1024 * 1024);
  const storeBound = Math.floor((maxAppendBytes * 3) / 4) - APPEND_ENVELOPE_BYTES;
  const fallback = eventStoreDb ? Math.min(1024 * 1024, storeBound) : 1024 * 1024;
  const bodyLimitBytes = integer(env, 'VIGIE_BODY_LIMIT_BYTES', fallback, 1024, 64 * 1024 * 1024);
  if (eventStoreDb && bodyLimitBytes > storeBound) {
    throw new ConfigError(
      'VIGIE_BODY_LIMIT_BYTES',
      `at most ${storeBound} with EventStoreDB: a sealed delivery grows by 4/3 and one append carries at most VIGIE_MAX_APPEND_BYTES=${maxAppendBytes}`,
    );
  }
  return { bodyLimitBytes, maxAppendBytes };
};

const role = (env: Env, program: VigieProgram | undefined): ProcessRole => {
  const raw = value(env, 'VIGIE_ROLE') ?? (program === 'worker' ? 'worker' : 'all');
  if (raw !== 'all' && raw !== 'api' && raw !== 'worker') {
    throw new ConfigError('VIGIE_ROLE', `expected "all", "api" or "worker", got "${raw}"`);
  }
  if (program !== undefined && !ROLES_OF[program].includes(raw)) {
    throw new ConfigError('VIGIE_ROLE', `the ${program} runs as ${ROLES_OF[program].map((r) => `"${r}"`).join(' or ')}, got "${raw}"`);
  }
  return raw;
};

export function loadConfig(env: Env = process.env, cwd: string = process.cwd(), program?: VigieProgram): VigieConfig {
  const dataDir = path.resolve(cwd, value(env, 'VIGIE_DATA_DIR') ?? './data');
  const esdb = value(env, 'EVENTSTORE_CONNECTION_STRING');
  const esdbProblem = esdb === undefined ? undefined : connectionStringProblem(esdb);
  if (esdbProblem !== undefined) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', `expected an esdb:// or esdb+discover:// connection string (${esdbProblem})`);
  }
  // Set but empty is a mistake (a lost secret in a template), never "generate one".
  if (env.VIGIE_MASTER_KEY !== undefined && env.VIGIE_MASTER_KEY.trim() === '') {
    throw new ConfigError('VIGIE_MASTER_KEY', 'is set but empty: give 64 hexadecimal characters, or unset it to use the key file of the data dir');
  }
  const masterKeyHex = value(env, 'VIGIE_MASTER_KEY');
  if (masterKeyHex !== undefined && !/^[0-9a-fA-F]{64}$/.test(masterKeyHex)) {
    throw new ConfigError('VIGIE_MASTER_KEY', 'expected 32 bytes as 64 hexadecimal characters');
  }
  const databaseUrl = value(env, 'VIGIE_DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError('VIGIE_DATABASE_URL', 'expected a postgres:// or postgresql:// connection string');
  }
  // A master key generated on each host would split the vault: shared deployments must be given one.
  if (masterKeyHex === undefined && (databaseUrl !== undefined || esdb !== undefined)) {
    throw new ConfigError(
      'VIGIE_MASTER_KEY',
      `required with ${databaseUrl !== undefined ? 'VIGIE_DATABASE_URL' : 'EVENTSTORE_CONNECTION_STRING'}: every process must wrap data keys with the same master key`,
    );
  }
  const identification = retention(env, 'VIGIE_RETENTION_IDENTIFICATION', 'P2Y');
  const technical = retention(env, 'VIGIE_RETENTION_TECHNICAL', 'P5Y');
  const tariffs = value(env, 'VIGIE_TARIFFS_FILE');
  const tariffsFile = tariffs === undefined ? undefined : path.resolve(cwd, tariffs);
  return {
    port: integer(env, 'PORT', DEFAULT_PORT[program ?? 'api'], 0, 65535),
    host: host(env),
    dataDir,
    principalsFile: path.resolve(cwd, value(env, 'VIGIE_PRINCIPALS_FILE') ?? path.join(dataDir, 'principals.json')),
    masterKeyHex,
    eventStoreConnectionString: esdb,
    databaseUrl,
    retention: { identification: identification.period, technical: technical.period },
    retentionText: { identification: identification.text, technical: technical.text },
    tariffsFile,
    tariffs: loadTariffs(tariffsFile),
    role: role(env, program),
    ...bodyLimits(env, esdb !== undefined),
    schedulerIntervalMs: integer(env, 'VIGIE_SCHEDULER_INTERVAL_MS', 60_000, 100, 86_400_000),
    maxLagMs: integer(env, 'VIGIE_MAX_LAG_MS', 5000, 1, 86_400_000),
    logLevel: logLevel(env),
  };
}
