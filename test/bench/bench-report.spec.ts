import { describeTarget, judgeFigure, judgeFigures, renderTable, summarize, type BenchReport, type MeasuredFigure } from './bench-report';

const raw: MeasuredFigure = { label: 'raw scan', value: 1_000_000, unit: 'events/s' };

describe('bench report: ratios, targets and verdicts', () => {
  it('divides a figure by its baseline and meets a ratio target reached', () => {
    const read: MeasuredFigure = { label: 'readAll', value: 650_000, unit: 'events/s', baseline: 'raw', target: { ratio_at_least: 0.6 } };
    expect(judgeFigure(read, { raw, read })).toEqual({ ...read, ratio: 0.65, met: true });
  });

  it('says why a ratio target is missed', () => {
    const read: MeasuredFigure = { label: 'readAll', value: 500_000, unit: 'events/s', baseline: 'raw', target: { ratio_at_least: 0.6 } };
    expect(judgeFigure(read, { raw, read })).toMatchObject({ ratio: 0.5, met: false, why: ['ratio 0.5 < 0.6'] });
  });

  it('never meets a ratio target whose baseline was not measured in the run', () => {
    const read: MeasuredFigure = { label: 'readAll', value: 500_000, unit: 'events/s', baseline: 'raw', target: { ratio_at_least: 0.6 } };
    const judged = judgeFigure(read, { read });
    expect(judged.ratio).toBeUndefined();
    expect(judged).toMatchObject({ met: false, why: ['baseline raw not measured in this run'] });
  });

  it('holds an absolute ceiling on the value', () => {
    const rss: MeasuredFigure = { label: 'RSS', value: 251, unit: 'MiB', target: { value_at_most: 250 } };
    expect(judgeFigure(rss, { rss })).toMatchObject({ met: false, why: ['251 MiB > 250'] });
    expect(judgeFigure({ ...rss, value: 250 }, {})).toMatchObject({ met: true });
  });

  it('fails an HTTP figure on its p99, on any unexpected answer or error, and on a set-up failure, listing each', () => {
    const hello: MeasuredFigure = { label: 'hello', value: 10_000, unit: 'req/s' };
    const file: MeasuredFigure = {
      label: 'file', value: 3_000, unit: 'req/s', baseline: 'hello', target: { ratio_at_least: 0.25, p99_ms_at_most: 40 },
      p50_ms: 10, p99_ms: 41, non_2xx: 2, errors: 1, failures: ['ran out of filed requests (10) to deliver'],
    };
    expect(judgeFigure(file, { hello, file })).toMatchObject({
      ratio: 0.3,
      met: false,
      why: ['ran out of filed requests (10) to deliver', '2 answers were not the expected 2xx', '1 requests failed (errors or timeouts)', 'p99 41 ms > 40 ms'],
    });
  });

  it('leaves a figure without target unjudged but keeps its ratio', () => {
    const cold: MeasuredFigure = { label: 'cold', value: 250_000, unit: 'events/s', baseline: 'raw' };
    const judged = judgeFigures({ raw, cold });
    expect(judged.cold).toEqual({ ...cold, ratio: 0.25 });
    expect(judged.raw.met).toBeUndefined();
  });

  it('rounds printed values but takes ratios on the measured ones', () => {
    const judged = judgeFigures({ raw: { ...raw, value: 1000.4 }, half: { label: 'half', value: 500.6, unit: 'events/s', baseline: 'raw' }, small: { label: 's', value: 1.23456, unit: 'ms' } });
    expect(judged.half).toMatchObject({ value: 501, ratio: 0.5 });
    expect(judged.small.value).toBe(1.23);
  });

  it('counts the targets met and names those missed', () => {
    const figures = judgeFigures({
      raw,
      ok: { label: 'ok', value: 900_000, unit: 'events/s', baseline: 'raw', target: { ratio_at_least: 0.8 } },
      ko: { label: 'ko', value: 100_000, unit: 'events/s', baseline: 'raw', target: { ratio_at_least: 0.8 } },
    });
    expect(summarize(figures)).toEqual({ targets: 2, met: 1, not_met: ['ko'] });
  });

  it('describes targets in words', () => {
    expect(describeTarget({ label: '', value: 1, unit: 'req/s', target: { ratio_at_least: 0.35, p99_ms_at_most: 30 } })).toBe('≥ 0.35 ×, p99 ≤ 30 ms');
    expect(describeTarget({ label: '', value: 1, unit: 'ms', target: { value_at_most: 3000 } })).toBe('≤ 3,000 ms');
    expect(describeTarget({ label: '', value: 1, unit: 'ms' })).toBe('');
  });

  it('prints each figure with its value, ratio to the named baseline, target and verdict', () => {
    const figures = judgeFigures({
      raw,
      read: { label: 'readAll decoded', value: 500_000, unit: 'events/s', baseline: 'raw', target: { ratio_at_least: 0.6 } },
      get: { label: 'GET one', value: 7_000, unit: 'req/s', p50_ms: 5, p99_ms: 12.5, non_2xx: 0, errors: 0 },
    });
    const report: BenchReport = {
      figures, summary: summarize(figures), sections: ['store'], sizes: { log_events: 1000 }, details: {},
      node: 'v20', cpus: { count: 2, model: 'cpu' }, duration_s: 1.5,
    };
    const lines = renderTable(report).split('\n');
    expect(lines.find((l) => l.startsWith('raw scan'))).toMatch(/1,000,000 events\/s$/);
    expect(lines.find((l) => l.startsWith('readAll decoded'))).toMatch(/500,000 events\/s\s+0\.500 × raw\s+≥ 0\.6 ×\s+NOT MET \(ratio 0\.5 < 0\.6\)$/);
    expect(lines.find((l) => l.startsWith('GET one'))).toMatch(/7,000 req\/s .*p50 5 ms, p99 12\.5 ms, non-2xx 0, errors 0$/);
    expect(lines).toContain('targets met: 0/1; not met: read');
  });
});
