import type { RequestKind, ServedFacts } from '@vigie/domain';

/**
 * The tariff table (L2321-3 al. 3: the extra costs are compensated per service at the
 * tariffs set by an arrêté of the Prime Minister and agreed with each operator). Prices
 * are integer euro cents excluding tax, per request and per delivered record.
 */
export interface Tariff {
  readonly perRequestCents: number;
  readonly perRecordCents: number;
}

/** Per request kind; a missing kind or price falls back to the default table, then to 0. */
export type KindTariffs = Readonly<Partial<Record<RequestKind, Partial<Tariff>>>>;

export interface TariffTable {
  readonly default: KindTariffs;
  /** Prices agreed with one operator, by operatorId; partial entries override the default. */
  readonly operators: Readonly<Record<string, KindTariffs>>;
}

/** Without a tariff file every price is zero: expected amounts are then 0 (documented in README). */
export const ZERO_TARIFFS: TariffTable = { default: {}, operators: {} };

export const TARIFF_REQUEST_KINDS = ['subscriber-identification', 'technical-data'] as const satisfies readonly RequestKind[];

/** Bounds that keep every expected amount an exact integer (1000 requests × 10000 records). */
export const MAX_PER_REQUEST_CENTS = 1_000_000_000_000;
export const MAX_PER_RECORD_CENTS = 100_000_000;

export const tariffFor = (table: TariffTable, operatorId: string, kind: RequestKind): Tariff => {
  const own = Object.prototype.hasOwnProperty.call(table.operators, operatorId) ? table.operators[operatorId][kind] : undefined;
  const fallback = table.default[kind];
  return {
    perRequestCents: own?.perRequestCents ?? fallback?.perRequestCents ?? 0,
    perRecordCents: own?.perRecordCents ?? fallback?.perRecordCents ?? 0,
  };
};

/**
 * Σ over the requests of (perRequestCents + perRecordCents × records delivered); a declined
 * request has no record. Summed as bigint, so the result is exact or refused, never rounded.
 */
export const expectedCents = (table: TariffTable, operatorId: string, requests: readonly ServedFacts[]): number => {
  let total = 0n;
  for (const r of requests) {
    const t = tariffFor(table, operatorId, r.kind);
    total += BigInt(t.perRequestCents) + BigInt(t.perRecordCents) * BigInt(r.recordCount);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('expected amount beyond exact integer range');
  return Number(total);
};
