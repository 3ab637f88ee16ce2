import * as fs from 'node:fs';
import {
  MAX_PER_RECORD_CENTS,
  MAX_PER_REQUEST_CENTS,
  TARIFF_REQUEST_KINDS,
  ZERO_TARIFFS,
  type KindTariffs,
  type Tariff,
  type TariffTable,
} from '@vigie/workflow';
import { ConfigError } from './config-error';

const VARIABLE = 'VIGIE_TARIFFS_FILE';

const refuse = (problem: string): never => {
  throw new ConfigError(VARIABLE, problem);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const onlyKeys = (where: string, value: Record<string, unknown>, allowed: readonly string[]): void => {
  const unknown = Object.keys(value).find((k) => !allowed.includes(k));
  if (unknown !== undefined) refuse(`unknown key ${JSON.stringify(unknown)} in ${where} (allowed: ${allowed.join(', ')})`);
};

const PRICE_BOUNDS: Readonly<Record<keyof Tariff, number>> = {
  perRequestCents: MAX_PER_REQUEST_CENTS,
  perRecordCents: MAX_PER_RECORD_CENTS,
};

const tariff = (where: string, value: unknown): Partial<Tariff> => {
  if (!isObject(value)) return refuse(`${where} must be an object`);
  onlyKeys(where, value, Object.keys(PRICE_BOUNDS));
  const out: Partial<Record<keyof Tariff, number>> = {};
  for (const [key, max] of Object.entries(PRICE_BOUNDS) as [keyof Tariff, number][]) {
    const price = value[key];
    if (price === undefined) continue;
    if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0 || price > max) {
      refuse(`${where}.${key} must be an integer number of cents from 0 to ${max}`);
    }
    out[key] = price as number;
  }
  return out;
};

const kindTariffs = (where: string, value: unknown): KindTariffs => {
  if (!isObject(value)) return refuse(`${where} must be an object`);
  onlyKeys(where, value, TARIFF_REQUEST_KINDS);
  return Object.fromEntries(Object.entries(value).map(([kind, t]) => [kind, tariff(`${where}.${kind}`, t)]));
};

/**
 * `{ "default": { "<kind>": { perRequestCents, perRecordCents } }, "operators": { "<operatorId>": { …same, partial } } }`:
 * integer cents ≥ 0, unknown keys refused, so a typo never silently prices a service at 0.
 */
export const parseTariffs = (text: string): TariffTable => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('not valid JSON');
  }
  if (!isObject(json)) return refuse('expected a JSON object with "default" and "operators"');
  onlyKeys('the file', json, ['default', 'operators']);
  const operators = json.operators ?? {};
  if (!isObject(operators)) return refuse('operators must be an object keyed by operatorId');
  return {
    default: json.default === undefined ? {} : kindTariffs('default', json.default),
    operators: Object.fromEntries(Object.entries(operators).map(([id, t]) => [id, kindTariffs(`operators[${JSON.stringify(id)}]`, t)])),
  };
};

/** Read and validated once at start-up; no file means every price is zero. */
export const loadTariffs = (file: string | undefined): TariffTable => {
  if (file === undefined) return ZERO_TARIFFS;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return refuse(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseTariffs(text);
};
