import * as path from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './vigie-config';

const configError = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env, '/srv');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies the defaults of the configuration table (docs/api.md)', () => {
    const config = loadConfig({}, '/srv');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('/srv/data');
    expect(config.principalsFile).toBe(path.join('/srv/data', 'principals.json'));
    expect(config.eventStoreConnectionString).toBeUndefined();
    expect(config.retentionText).toEqual({ identification: 'P2Y', technical: 'P5Y' });
    expect(config.role).toBe('all');
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
    expect(config.logLevel).toBe('info');
  });

  it('reads VIGIE_LOG_LEVEL, in any case, and refuses an unknown level naming the variable', () => {
    expect(loadConfig({ VIGIE_LOG_LEVEL: 'WARN' }, '/srv').logLevel).toBe('warn');
    expect(loadConfig({ VIGIE_LOG_LEVEL: 'silent' }, '/srv').logLevel).toBe('silent');
    expect(configError({ VIGIE_LOG_LEVEL: 'verbose' }).message).toMatch(/VIGIE_LOG_LEVEL.*fatal, error, warn, info, debug, trace, silent/);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '0',
        VIGIE_DATA_DIR: 'var/vigie',
        VIGIE_PRINCIPALS_FILE: '/etc/vigie/principals.json',
        EVENTSTORE_CONNECTION_STRING: 'esdb://node1:2113,node2:2113?tls=false',
        VIGIE_DATABASE_URL: 'postgres://vigie:secret@db:5432/vigie',
        VIGIE_MASTER_KEY: 'ab'.repeat(32),
        VIGIE_RETENTION_IDENTIFICATION: 'P18M',
        VIGIE_RETENTION_TECHNICAL: 'P4Y6M',
        VIGIE_ROLE: 'api',
      },
      '/srv',
    );
    expect(config.port).toBe(0);
    expect(config.dataDir).toBe('/srv/var/vigie');
    expect(config.principalsFile).toBe('/etc/vigie/principals.json');
    expect(config.eventStoreConnectionString).toBe('esdb://node1:2113,node2:2113?tls=false');
    expect(config.retentionText).toEqual({ identification: 'P18M', technical: 'P4Y6M' });
    expect(config.role).toBe('api');
    expect(config.databaseUrl).toBe('postgres://vigie:secret@db:5432/vigie');
  });

  it.each([
    ['VIGIE_DATABASE_URL', 'postgres://db/vigie'],
    ['EVENTSTORE_CONNECTION_STRING', 'esdb://node1:2113?tls=false'],
  ])('requires VIGIE_MASTER_KEY with %s, in one line', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.variable).toBe('VIGIE_MASTER_KEY');
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['VIGIE_RETENTION_TECHNICAL', 'P6Y'],
    ['VIGIE_RETENTION_TECHNICAL', 'P5Y1D'],
    ['VIGIE_RETENTION_IDENTIFICATION', 'P61M'],
    ['VIGIE_RETENTION_IDENTIFICATION', 'two years'],
    ['EVENTSTORE_CONNECTION_STRING', 'http://localhost:2113'],
    // The 6.2.1 client parses esdb:// and esdb+discover:// only.
    ['EVENTSTORE_CONNECTION_STRING', 'kurrentdb://node1:2113?tls=false'],
    ['EVENTSTORE_CONNECTION_STRING', 'esdb://node1:2113?tls=maybe'],
    ['VIGIE_DATABASE_URL', 'mysql://db/vigie'],
    ['VIGIE_MASTER_KEY', 'not-hex'],
    ['VIGIE_ROLE', 'leader'],
  ])('refuses %s=%s with a one-line message naming the variable', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message.startsWith(`${name}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('bounds the body limit by what one EventStoreDB append can carry once sealed', () => {
    const esdb = { EVENTSTORE_CONNECTION_STRING: 'esdb://node1:2113?tls=false', VIGIE_MASTER_KEY: 'ab'.repeat(32) };
    const bound = Math.floor((1024 * 1024 * 3) / 4) - 16 * 1024;
    expect(loadConfig(esdb, '/srv').bodyLimitBytes).toBe(bound);
    expect(loadConfig({ ...esdb, VIGIE_MAX_APPEND_BYTES: String(16 * 1024 * 1024) }, '/srv').bodyLimitBytes).toBe(1024 * 1024);
    const error = configError({ ...esdb, VIGIE_BODY_LIMIT_BYTES: String(1024 * 1024) });
    expect(error.variable).toBe('VIGIE_BODY_LIMIT_BYTES');
    expect(error.message).toContain(`at most ${bound}`);
    expect(loadConfig({ VIGIE_BODY_LIMIT_BYTES: String(1024 * 1024) }, '/srv').bodyLimitBytes).toBe(1024 * 1024);
  });

  it('accepts exactly five years', () => {
    expect(loadConfig({ VIGIE_RETENTION_TECHNICAL: 'P5Y', VIGIE_RETENTION_IDENTIFICATION: 'P60M' }, '/srv').retentionText.technical).toBe('P5Y');
  });

  it('refuses an empty VIGIE_MASTER_KEY instead of treating it as unset', () => {
    for (const empty of ['', '   ']) expect(configError({ VIGIE_MASTER_KEY: empty }).variable).toBe('VIGIE_MASTER_KEY');
  });

  it('checks VIGIE_ROLE per program: the API serves all or api, the worker is a worker', () => {
    expect(loadConfig({}, '/srv', 'api').role).toBe('all');
    expect(loadConfig({ VIGIE_ROLE: 'api' }, '/srv', 'api').role).toBe('api');
    expect(loadConfig({}, '/srv', 'worker').role).toBe('worker');
    for (const [program, role] of [['api', 'worker'], ['worker', 'api'], ['worker', 'all']] as const) {
      let error: unknown;
      try {
        loadConfig({ VIGIE_ROLE: role }, '/srv', program);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('VIGIE_ROLE');
    }
  });

  it('gives the worker its own default port, so it runs beside the API; PORT still overrides', () => {
    expect(loadConfig({}, '/srv', 'api').port).toBe(3000);
    expect(loadConfig({}, '/srv', 'worker').port).toBe(3001);
    expect(loadConfig({ PORT: '4000' }, '/srv', 'worker').port).toBe(4000);
  });
});
