/** What a measure returns: at least its throughput. */
export interface Throughput {
  readonly perSecond: number;
}

type Measures = Record<string, (round: number) => Throughput | Promise<Throughput>>;
export type RoundResults<M extends Measures> = { [K in keyof M]: Awaited<ReturnType<M[K]>> };

/**
 * Runs every measure once per round, in the order given, round after round, and keeps
 * for each the result of its median round (by `perSecond`; of an even count, the lower of
 * the two middle ones). A figure and its baseline then face the same machine: the speed
 * of these machines moves by up to 2× within minutes, and a baseline taken once, seconds
 * before or after the figure, can land on another speed. `perRound` receives every
 * round's throughput of each measure, for the report.
 */
export async function medianOfRounds<M extends Measures>(rounds: number, measures: M, perRound: Record<string, number[]>): Promise<RoundResults<M>> {
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rounds must be a whole number ≥ 1, got ${rounds}`);
  const results = new Map<string, Throughput[]>(Object.keys(measures).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [key, measure] of Object.entries(measures)) results.get(key)?.push(await measure(round));
  }
  const medians: Record<string, Throughput> = {};
  for (const [key, all] of results) {
    perRound[key] = all.map((r) => Math.round(r.perSecond));
    medians[key] = [...all].sort((a, b) => a.perSecond - b.perSecond)[Math.floor((all.length - 1) / 2)];
  }
  return medians as RoundResults<M>;
}
