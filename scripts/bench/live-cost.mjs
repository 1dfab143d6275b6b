// The cost of live threads (issue 17, item 4): Durable Object requests and duration for readers who keep
// a thread open, with the WebSocket Hibernation API. Pure functions, no I/O, like cost-model.mjs; every
// assumption is a named field of LIVE_ASSUMPTIONS, every price and quota from Cloudflare's docs:
// - https://developers.cloudflare.com/durable-objects/platform/pricing/ : Free 100,000 requests and 13,000
//   GB-s a day; Paid 1M requests and 400,000 GB-s a month included, then $0.15 per million requests and
//   $12.50 per million GB-s. Requests include HTTP requests (a WebSocket connect is one), RPC sessions (the
//   worker's notify is one per write) and incoming WebSocket messages, billed 20:1. Duration is wall time
//   while the object runs at 128 MB; an object idle and eligible for hibernation bills no duration.
// - https://developers.cloudflare.com/durable-objects/best-practices/websockets/ : hibernation, and
//   auto-responses (our keep-alive `ping`) that are answered without waking the object.

export const DO_FREE_DAILY = { requests: 100_000, gbSeconds: 13_000 };
export const DO_PAID_MONTHLY = {
  included: { requests: 1_000_000, gbSeconds: 400_000 },
  perMillion: { requests: 0.15, gbSeconds: 12.5 },
};
/** Incoming WebSocket messages are billed as one request per 20 (pricing page, footnote 2). */
export const WS_MESSAGES_PER_REQUEST = 20;
/** Duration bills the object's 128 MB, whatever it uses. */
export const DO_MEMORY_GB = 0.128;

export const LIVE_ASSUMPTIONS = {
  readers: 1000,
  minutes: 10,
  /** Threads the readers are on: 1 is a busy post everyone reads at once (one object, 1,000 sockets). */
  threads: 1,
  /** Connects per reader in the window: 1 (a reconnect after a network change is one more). */
  connectsPerReader: 1,
  /**
   * The widget's keep-alive (widget/src/live/socket.ts PING_MS). The runtime answers it without waking
   * the object, but the docs do not say whether it is billed: counted as a billed incoming message here.
   */
  pingSeconds: 45,
  /** Writes to the thread in the window (comments, likes, moderation), each one RPC from the worker. */
  writes: 20,
  /** Wall time the object is awake to accept one socket (measured locally well under this). */
  activeMsPerConnect: 5,
  /** Wall time to tell every socket of one write: a fixed part and a part per socket. */
  activeMsPerWrite: 10,
  activeMsPerSocket: 0.02,
};

/**
 * One window of readers: the requests and GB-s it bills, with hibernation, and what the same sockets
 * would cost if every object stayed in memory the whole time (the standard WebSocket API).
 * @param {typeof LIVE_ASSUMPTIONS} a
 */
export const liveWindow = (a = LIVE_ASSUMPTIONS) => {
  const seconds = a.minutes * 60;
  const connects = a.readers * a.connectsPerReader;
  const pings = a.readers * Math.floor(seconds / a.pingSeconds);
  const pingRequests = pings / WS_MESSAGES_PER_REQUEST;
  const writeRequests = a.writes;
  const requests = connects + pingRequests + writeRequests;
  const socketsPerThread = a.readers / a.threads;
  const activeSeconds =
    (connects * a.activeMsPerConnect +
      a.writes * (a.activeMsPerWrite + socketsPerThread * a.activeMsPerSocket)) /
    1000;
  const gbSeconds = activeSeconds * DO_MEMORY_GB;
  const pinnedGbSeconds = a.threads * seconds * DO_MEMORY_GB;
  return {
    assumptions: a,
    requests: { connects, pings, pingRequests, writes: writeRequests, total: requests },
    activeSeconds,
    gbSeconds,
    pinnedGbSeconds,
    free: {
      requestShare: requests / DO_FREE_DAILY.requests,
      gbSecondShare: gbSeconds / DO_FREE_DAILY.gbSeconds,
      /** How many such windows a day fit the Free plan (the first quota to run out decides). */
      windowsPerDay: Math.floor(
        Math.min(DO_FREE_DAILY.requests / requests, DO_FREE_DAILY.gbSeconds / gbSeconds),
      ),
    },
    paid: {
      /** What one window costs once the month's inclusions are spent. */
      usdBeyondIncluded:
        (requests / 1e6) * DO_PAID_MONTHLY.perMillion.requests +
        (gbSeconds / 1e6) * DO_PAID_MONTHLY.perMillion.gbSeconds,
      /** Windows a month within the inclusions alone. */
      windowsIncluded: Math.floor(
        Math.min(
          DO_PAID_MONTHLY.included.requests / requests,
          DO_PAID_MONTHLY.included.gbSeconds / gbSeconds,
        ),
      ),
    },
    sources: {
      pricing: 'https://developers.cloudflare.com/durable-objects/platform/pricing/',
      websockets: 'https://developers.cloudflare.com/durable-objects/best-practices/websockets/',
    },
  };
};

/** The terminal report's lines for one window (cost-report.mjs prints them after the cost model). */
export const formatLive = (w) => {
  const n = (x, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits });
  const a = w.assumptions;
  return [
    `Live threads (Durable Objects, WebSocket Hibernation): ${n(a.readers)} readers on ${n(a.threads)} thread(s) for ${a.minutes} minutes, ${a.writes} writes:`,
    `  requests: ${n(w.requests.connects)} connects + ${n(w.requests.pings)} pings / ${WS_MESSAGES_PER_REQUEST} = ${n(w.requests.pingRequests)} + ${n(w.requests.writes)} notifies = ${n(w.requests.total)}`,
    `  duration: ${n(w.activeSeconds, 2)} s awake × ${DO_MEMORY_GB * 1000} MB = ${n(w.gbSeconds, 3)} GB-s (without hibernation: ${n(w.pinnedGbSeconds)} GB-s)`,
    `  Free: ${n(w.free.requestShare * 100, 2)}% of the daily requests, ${n(w.free.gbSecondShare * 100, 3)}% of the daily GB-s; ${n(w.free.windowsPerDay)} such windows a day fit.`,
    `  Paid: ${n(w.paid.windowsIncluded)} windows a month within the inclusions; beyond them $${n(w.paid.usdBeyondIncluded, 5)} a window.`,
  ];
};
