import { medianOfRounds } from './bench-rounds';

describe('bench rounds: a figure and its baseline measured in turn', () => {
  it('runs the measures in turn, round after round, and keeps each one median round', async () => {
    const calls: string[] = [];
    const speeds = { raw: [300, 100, 200], store: [30, 90, 60] };
    const perRound: Record<string, number[]> = {};
    const result = await medianOfRounds(
      3,
      {
        raw: (round) => (calls.push(`raw ${round}`), { perSecond: speeds.raw[round], round }),
        store: async (round) => (calls.push(`store ${round}`), { perSecond: speeds.store[round], round }),
      },
      perRound,
    );
    expect(calls).toEqual(['raw 0', 'store 0', 'raw 1', 'store 1', 'raw 2', 'store 2']);
    expect(result).toEqual({ raw: { perSecond: 200, round: 2 }, store: { perSecond: 60, round: 2 } });
    expect(perRound).toEqual({ raw: [300, 100, 200], store: [30, 90, 60] });
  });

  it('keeps the lower middle round of an even count, and the only one of a single round', async () => {
    const speeds = [40, 10, 30, 20];
    const even = await medianOfRounds(4, { m: (round) => ({ perSecond: speeds[round] }) }, {});
    expect(even.m.perSecond).toBe(20);
    const single = await medianOfRounds(1, { m: () => ({ perSecond: 7 }) }, {});
    expect(single.m.perSecond).toBe(7);
  });

  it('refuses a number of rounds that is not a whole number of at least one', async () => {
    await expect(medianOfRounds(0, { m: () => ({ perSecond: 1 }) }, {})).rejects.toThrow('rounds must be a whole number ≥ 1, got 0');
    await expect(medianOfRounds(1.5, { m: () => ({ perSecond: 1 }) }, {})).rejects.toThrow('got 1.5');
  });
});
