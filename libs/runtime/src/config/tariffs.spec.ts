import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ZERO_TARIFFS } from '@vigie/workflow';
import { ConfigError } from './config-error';
import { loadTariffs, parseTariffs } from './tariffs';
import { loadConfig } from './vigie-config';

const refusal = (text: string): ConfigError => {
  try {
    parseTariffs(text);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('VIGIE_TARIFFS_FILE', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('without a file, every price is zero', () => {
    expect(loadTariffs(undefined)).toBe(ZERO_TARIFFS);
    expect(loadConfig({}, dir).tariffs).toEqual(ZERO_TARIFFS);
  });

  it('loads a default table and partial per-operator prices at start-up', () => {
    const table = {
      default: { 'subscriber-identification': { perRequestCents: 1500, perRecordCents: 0 }, 'technical-data': { perRequestCents: 9000, perRecordCents: 25 } },
      operators: { '0b7e3c1d-2f4a-4b5c-8d6e-7f8091a2b301': { 'technical-data': { perRecordCents: 30 } } },
    };
    fs.writeFileSync(path.join(dir, 'tariffs.json'), JSON.stringify(table));
    const config = loadConfig({ VIGIE_TARIFFS_FILE: 'tariffs.json' }, dir);
    expect(config.tariffsFile).toBe(path.join(dir, 'tariffs.json'));
    expect(config.tariffs).toEqual(table);
  });

  it('refuses a missing file with one line naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ VIGIE_TARIFFS_FILE: 'nowhere.json' }, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^VIGIE_TARIFFS_FILE: cannot read .*nowhere\.json \(ENOENT\)$/);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an unknown top-level key', '{ "default": {}, "extra": 1 }'],
    ['an unknown request kind', '{ "default": { "identification": { "perRequestCents": 1 } } }'],
    ['an unknown price key', '{ "default": { "technical-data": { "perRequest": 1 } } }'],
    ['a fractional price', '{ "default": { "technical-data": { "perRequestCents": 1.5 } } }'],
    ['a negative price', '{ "operators": { "op": { "technical-data": { "perRecordCents": -1 } } } }'],
    ['a price as a string', '{ "default": { "technical-data": { "perRequestCents": "10" } } }'],
    ['a price above the bound', '{ "default": { "technical-data": { "perRecordCents": 100000001 } } }'],
    ['operators not an object', '{ "operators": [] }'],
    ['an operator key with a newline', '{ "operators": { "a\\nb": { "x": {} } } }'],
  ])('refuses %s with a one-line ConfigError', (_label, text) => {
    const error = refusal(text);
    expect(error.variable).toBe('VIGIE_TARIFFS_FILE');
    expect(error.message.startsWith('VIGIE_TARIFFS_FILE: ')).toBe(true);
    expect(error.message).not.toContain('\n');
  });
});
