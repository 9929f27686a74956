import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatBudget, ServerPacer } from '../../../cloudflare/src/api/pacing';
import { parseList, serverBudgetOf } from '../../../cloudflare/src/api/rate-headers';
import { FakeClock } from '../../contract/support/fake-clock';
import { useEmulatorSession } from './emulator-session';

const now = Date.UTC(2026, 11, 7, 10, 0, 0);

describe('rate-limit headers', () => {
  it('reads Ratelimit r= and t= with the quota and window of Ratelimit-Policy', () => {
    const budget = serverBudgetOf(
      { ratelimit: '"default";r=1180;t=240', 'ratelimit-policy': '"default";q=1200;w=300' },
      now,
    );
    assert.deepEqual(budget, { remaining: 1180, resetAt: now + 241_000, limit: 1200, windowMs: 300_000 });
  });

  it('takes the policy with the fewest requests left when there are several', () => {
    const budget = serverBudgetOf(
      {
        ratelimit: '"burst";r=90;t=10, "daily";r=7;t=600',
        'ratelimit-policy': '"burst";q=100;w=60, "daily";q=1000;w=3600',
      },
      now,
    );
    assert.equal(budget?.remaining, 7);
    assert.equal(budget?.limit, 1000);
  });

  it('reads the older draft form and the x-ratelimit headers', () => {
    assert.equal(serverBudgetOf({ ratelimit: 'limit=100, remaining=50, reset=5' }, now)?.remaining, 50);
    const reset = new Date(now + 30_000).toUTCString();
    assert.deepEqual(
      serverBudgetOf({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': reset, 'x-ratelimit-limit': '10' }, now),
      { remaining: 3, resetAt: now + 31_000, limit: 10 },
    );
  });

  it('ignores what it cannot read', () => {
    assert.equal(serverBudgetOf({}, now), undefined);
    assert.equal(serverBudgetOf({ ratelimit: 'garbage' }, now), undefined);
    assert.equal(serverBudgetOf({ ratelimit: '"default";r=-1;t=5' }, now), undefined);
    assert.equal(serverBudgetOf({ ratelimit: '"default";r=5;t=999999' }, now), undefined, 'an implausible reset');
  });

  it('keeps commas and semicolons inside quoted names', () => {
    assert.deepEqual(
      parseList('"a,b;c";r=1').map((item) => item.name),
      ['a,b;c'],
    );
  });

  it('formats the budget for the log', () => {
    assert.equal(
      formatBudget({ remaining: 1180, limit: 1200, resetInMs: 240_000 }),
      '1,180 / 1,200 requests left, resets in 4 min 0 s',
    );
    assert.equal(formatBudget({ remaining: 3, resetInMs: 1_200 }), '3 requests left, resets in 2 s');
  });
});

/** A fixed-window server as Cloudflare's: `limit` requests per `windowMs`, its budget in the Ratelimit headers. */
class WindowServer {
  private start = -Infinity;
  private count = 0;
  refused = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  request(): Record<string, string> {
    const time = this.clock.now();
    if (time - this.start >= this.windowMs) {
      this.start = time;
      this.count = 0;
    }
    this.count++;
    if (this.count > this.limit) this.refused++;
    const reset = Math.ceil((this.start + this.windowMs - time) / 1000);
    return {
      ratelimit: `"default";r=${Math.max(0, this.limit - this.count)};t=${reset}`,
      'ratelimit-policy': `"default";q=${this.limit};w=${this.windowMs / 1000}`,
    };
  }
}

describe('ServerPacer', () => {
  it('never sends a request the server would refuse, whatever the limit, window and timing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 80 }),
        (limit, windowSeconds, gaps) => {
          const clock = new FakeClock(now);
          const server = new WindowServer(clock, limit, windowSeconds * 1000);
          const pacer = new ServerPacer(clock);
          for (const gap of gaps) {
            clock.time += gap;
            clock.time = Math.max(clock.time, pacer.reserve());
            pacer.settle(server.request());
          }
          assert.equal(server.refused, 0);
        },
      ),
    );
  });

  it('an unpaced client is refused where the paced one waits', () => {
    const clock = new FakeClock(now);
    const server = new WindowServer(clock, 5, 60_000);
    for (let i = 0; i < 8; i++) server.request();
    assert.equal(server.refused, 3);
  });

  it('counts the calls in flight against the last reported budget', () => {
    const clock = new FakeClock(now);
    const pacer = new ServerPacer(clock);
    pacer.reserve();
    pacer.settle({ ratelimit: '"default";r=2;t=60', 'ratelimit-policy': '"default";q=10;w=60' });
    assert.equal(pacer.reserve(), now);
    assert.equal(pacer.reserve(), now);
    assert.equal(pacer.snapshot()?.remaining, 0);
    assert.equal(pacer.reserve(), now + 61_000, 'the third call waits for the reset');
  });
});

describe('pacing against the emulator', () => {
  const session = useEmulatorSession('example.com');
  const refused = (): number => session.emulator.log.entries().filter((entry) => entry.status === 429).length;

  it('with a low budget, the unpaced client is answered 429 and the paced one never', async () => {
    session.emulator.setRateLimit({ requests: 5, windowMs: 60_000 });
    const unpaced = session.client({ budget: false, pace: false, retry: { maxRetryAfterMs: 120_000 } });
    for (let i = 0; i < 12; i++) await unpaced.usage(session.zoneId);
    assert.ok(refused() > 0, 'the unpaced client hit the limit');

    session.emulator.reset();
    session.emulator.setRateLimit({ requests: 5, windowMs: 60_000 });
    const paced = session.client({ budget: false, retry: { maxRetryAfterMs: 120_000 } });
    for (let i = 0; i < 12; i++) await paced.usage(session.zoneId);
    assert.equal(refused(), 0);
    assert.equal(session.emulator.log.count(), 12);
    const last = session.log[session.log.length - 1];
    assert.equal(last?.budget?.limit, 5);
    assert.equal(last?.budget?.remaining, 3, 'twelve calls at five a window: two in the third window');
  });

  it("paces the import endpoint's own three a minute", async () => {
    const c = session.client({ budget: false });
    for (let i = 0; i < 4; i++) await c.importZone(session.zoneId, `a${i} 300 IN A 192.0.2.${i}\n`);
    assert.equal(refused(), 0);
    assert.ok(session.clock.sleeps.reduce((sum, ms) => sum + ms, 0) >= 59_000, String(session.clock.sleeps));
  });
});
