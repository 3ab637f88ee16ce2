/**
 * In-process wake-up after each commit, so live subscriptions see an append at once
 * instead of at their next poll. Appends from other processes are found by polling.
 */
export class CommitNotifier {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
