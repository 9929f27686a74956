import { strict as assert } from 'node:assert';
import { RequestBudget } from '../../../cloudflare/src/api/budget';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  decideRetry,
  isRetryableStatus,
  quotaExhaustedUntil,
  retryAfterMs,
  type RetryPolicy,
} from '../../../cloudflare/src/api/retry';
import { FakeClock } from '../../contract/support/fake-clock';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };
const now = Date.UTC(2026, 10, 26, 17, 0, 0);

describe('retry policy', () => {
  it('retries 408, 429 and 5xx, not other 4xx', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) assert.equal(isRetryableStatus(status), true, String(status));
    for (const status of [400, 401, 403, 404, 409, 422]) assert.equal(isRetryableStatus(status), false, String(status));
  });

  it('lets x-should-retry override the status', () => {
    assert.equal(isRetryableStatus(503, { 'x-should-retry': 'false' }), false);
    assert.equal(isRetryableStatus(400, { 'x-should-retry': 'true' }), true);
  });

  it('reads Retry-After as seconds, as an HTTP date, and retry-after-ms first', () => {
    assert.equal(retryAfterMs({ 'retry-after': '7' }, now), 7000);
    assert.equal(retryAfterMs({ 'retry-after': '0.5' }, now), 500);
    assert.equal(retryAfterMs({ 'retry-after': new Date(now + 12_000).toUTCString() }, now), 12_000);
    assert.equal(retryAfterMs({ 'retry-after': new Date(now - 5000).toUTCString() }, now), 0);
    assert.equal(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now), 250);
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(retryAfterMs({}, now), undefined);
  });

  it('backs off exponentially up to the cap, with at most 25 % jitter taken off', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 10].map((retry) => backoffDelayMs(retry, policy, () => 0)),
      [500, 1000, 2000, 4000, 8000, 8000, 8000],
    );
    assert.equal(
      backoffDelayMs(2, policy, () => 0.999999),
      1500,
    );
    const jittered = backoffDelayMs(3, policy, () => 0.5);
    assert.equal(jittered, 3500);
  });

  it('follows Retry-After, refuses waits above the limit, and stops after maxRetries', () => {
    assert.deepEqual(
      decideRetry(0, 429, { 'retry-after': '3' }, policy, now, () => 0),
      { retry: true, delayMs: 3000 },
    );
    assert.deepEqual(
      decideRetry(0, 503, {}, policy, now, () => 0),
      { retry: true, delayMs: 500 },
    );
    assert.deepEqual(
      decideRetry(1, undefined, {}, policy, now, () => 0),
      { retry: true, delayMs: 1000 },
    );
    assert.deepEqual(
      decideRetry(3, 503, {}, policy, now, () => 0),
      { retry: false, reason: 'exhausted' },
    );
    assert.deepEqual(
      decideRetry(0, 400, {}, policy, now, () => 0),
      { retry: false, reason: 'not-retryable' },
    );
    assert.deepEqual(
      decideRetry(0, 429, { 'retry-after': '300' }, policy, now, () => 0),
      {
        retry: false,
        reason: 'retry-after-too-long',
      },
    );
  });

  it('reads a used-up rate-limit window from x-ratelimit-remaining and x-ratelimit-reset', () => {
    const reset = new Date(now + 42_000).toUTCString();
    assert.equal(quotaExhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, now), now + 43_000);
    assert.equal(quotaExhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }, now), now + 31_000);
    assert.equal(
      quotaExhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String((now + 10_000) / 1000) }, now),
      now + 11_000,
    );
    assert.equal(quotaExhaustedUntil({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': reset }, now), undefined);
    assert.equal(quotaExhaustedUntil({ 'x-ratelimit-remaining': '0' }, now), undefined);
    assert.equal(quotaExhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'later' }, now), undefined);
    const farAway = new Date(now + 3 * 60 * 60_000).toUTCString();
    assert.equal(quotaExhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': farAway }, now), undefined);
  });

  it('has sane defaults', () => {
    assert.ok(DEFAULT_RETRY_POLICY.maxRetries >= 2);
    assert.ok(DEFAULT_RETRY_POLICY.maxDelayMs <= DEFAULT_RETRY_POLICY.maxRetryAfterMs);
  });
});

describe('request budget', () => {
  it('never lets more than the limit through in any window', () => {
    const clock = new FakeClock(0);
    const budget = new RequestBudget({ limit: 5, windowMs: 1000 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 23; i++) {
      const at = budget.reserve();
      clock.time = Math.max(clock.time, at);
      times.push(at);
      clock.time += 37; // requests arrive every 37 ms, faster than the budget allows
    }
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i] && t < times[i] + 1000).length;
      assert.ok(inWindow <= 5, `${inWindow} requests in the window starting at ${times[i]}`);
    }
    assert.deepEqual(times.slice(0, 6), [0, 37, 74, 111, 148, 1000]);
  });

  it('gives concurrent callers distinct slots', () => {
    const clock = new FakeClock(0);
    const budget = new RequestBudget({ limit: 2, windowMs: 100 }, clock);
    assert.deepEqual(
      [budget.reserve(), budget.reserve(), budget.reserve(), budget.reserve(), budget.reserve()],
      [0, 0, 100, 100, 200],
    );
  });

  it('waits through the clock, and that wait can be cancelled', async () => {
    const clock = new FakeClock(0);
    const budget = new RequestBudget({ limit: 1, windowMs: 300_000 }, clock);
    await budget.acquire();
    await budget.acquire();
    assert.deepEqual(clock.sleeps, [300_000]);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(budget.acquire(controller.signal));
  });

  it('rejects a nonsensical limit', () => {
    assert.throws(() => new RequestBudget({ limit: 0, windowMs: 1000 }, new FakeClock()), RangeError);
  });
});
