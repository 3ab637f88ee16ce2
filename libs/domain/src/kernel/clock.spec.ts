import { ManualClock } from './clock';

describe('ManualClock (the clock the specs inject)', () => {
  it('moves forward by advanceMs and jumps by set, handing out copies', () => {
    const clock = new ManualClock('2026-01-01T00:00:00.000Z');
    clock.advanceMs(1500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    clock.now().setTime(0);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    clock.set('2026-06-01T12:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });
});
