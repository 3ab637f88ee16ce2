import { SubscriptionFailedError } from '@vigie/event-store';
import { Registry } from 'prom-client';
import { subscriptionObserver } from './event-store.module';

describe('the EventStoreDB subscription observer', () => {
  it('counts reconnects and permanent failures in the metrics registry', async () => {
    const registry = new Registry();
    const observer = subscriptionObserver(registry);
    observer.onReconnect?.({ from: 12n, attempt: 1, delayMs: 100, cause: new Error('unavailable') });
    observer.onReconnect?.({ from: 12n, attempt: 2, delayMs: 200, cause: new Error('unavailable') });
    observer.onFailed?.(new SubscriptionFailedError(new Error('Invalid position.')));
    const text = await registry.metrics();
    expect(text).toMatch(/^vigie_subscription_reconnects_total 2$/m);
    expect(text).toMatch(/^vigie_subscription_failures_total 1$/m);
  });
});
