import {
  CompensationQueries,
  compensationProjection,
  oversightProjection,
  oversightReport,
  registerProjection,
  RegisterQueries,
  RetentionQueries,
  retentionProjection,
  type Projection,
  type ReadStore,
} from '@vigie/projections';

/** A report the CLI can rebuild: the read models it needs and the query the HTTP report runs. */
export interface ReportDefinition {
  readonly projections: readonly Projection[];
  /** `now` is the moment the report is taken at (what "overdue" or "waiting" are measured against). */
  query(readStore: ReadStore, now: Date): object;
}

/**
 * Every report `vigie replay --report` knows, by name; each has the same shape as its
 * HTTP report (API.md → Reports) because it runs the same query on the same folds.
 * `register` (GET /v1/requests) is an addition to the contract's three.
 */
export const REPORTS: Readonly<Record<string, ReportDefinition>> = {
  retention: {
    projections: [retentionProjection],
    query: (readStore, now) => ({ items: new RetentionQueries(readStore).report({ now: now.toISOString() }) }),
  },
  compensation: {
    projections: [compensationProjection],
    query: (readStore) => new CompensationQueries(readStore).report({}),
  },
  oversight: {
    projections: [oversightProjection],
    query: (readStore, now) => oversightReport(readStore, { now: now.toISOString() }),
  },
  register: {
    projections: [registerProjection],
    query: (readStore) => ({ items: new RegisterQueries(readStore).listRequests({}) }),
  },
};

export const REPORT_NAMES: readonly string[] = Object.keys(REPORTS);
