/**
 * The bench's cost figure for live threads (scripts/bench/live-cost.mjs, issue 17 item 4): the arithmetic
 * of Cloudflare's Durable Objects pricing for 1,000 readers connected for 10 minutes with hibernation.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the bench, without type declarations
import { LIVE_ASSUMPTIONS, liveWindow } from '../../scripts/bench/live-cost.mjs';

describe('the live threads cost model', () => {
  it('bills a connect as a request, incoming pings 20:1, and one RPC per write', () => {
    const w = liveWindow();
    expect(w.requests.connects).toBe(1000);
    // 600 s / 45 s = 13 pings per reader, 13,000 messages billed as 650 requests.
    expect(w.requests.pings).toBe(13_000);
    expect(w.requests.pingRequests).toBe(650);
    expect(w.requests.total).toBe(1000 + 650 + 20);
    expect(w.free.windowsPerDay).toBe(59);
  });

  it('bills duration only while awake: under 1 GB-s hibernated, against 76.8 GB-s pinned', () => {
    const w = liveWindow();
    expect(w.gbSeconds).toBeLessThan(1);
    expect(w.pinnedGbSeconds).toBeCloseTo(600 * 0.128, 6);
    const spread = liveWindow({ ...LIVE_ASSUMPTIONS, threads: 100 });
    expect(spread.pinnedGbSeconds).toBeCloseTo(100 * 600 * 0.128, 6);
  });

  it('follows its assumptions: a keep-alive every 90 s bills 6 pings a reader, 300 requests', () => {
    const slow = liveWindow({ ...LIVE_ASSUMPTIONS, pingSeconds: 90 });
    expect(slow.requests.pingRequests).toBe(300);
  });
});
