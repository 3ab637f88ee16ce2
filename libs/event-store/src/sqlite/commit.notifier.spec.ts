import { CommitNotifier } from './commit.notifier';

describe('CommitNotifier', () => {
  it('calls every listener on each commit, until it stops listening', () => {
    const notifier = new CommitNotifier();
    const calls: string[] = [];
    const stopA = notifier.listen(() => calls.push('a'));
    notifier.listen(() => calls.push('b'));
    notifier.notify();
    expect(calls).toEqual(['a', 'b']);
    stopA();
    notifier.notify();
    expect(calls).toEqual(['a', 'b', 'b']);
  });
});
