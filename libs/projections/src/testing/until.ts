/**
 * Waits until `reached()` holds, checking between turns of the event loop; fails with `what`
 * after `withinMs` rather than hanging the suite (the bound is a safety net, not an assertion on speed).
 */
export async function until(reached: () => boolean, what: string, withinMs = 10_000): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!reached()) {
    if (performance.now() > deadline) throw new Error(`not reached within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
