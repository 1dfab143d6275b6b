/**
 * The fake third-party services of the tests (Mastodon, the Webmention sources, Turnstile/Akismet/
 * Telegram/e-mail) as real HTTP servers on a free loopback port: one way to start them and to stop them,
 * hanging responses included (a slow source's open response would otherwise hold `close` forever).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface LocalServer {
  url: string;
  close: () => Promise<void>;
}

/** The whole body of a request, as text. */
export const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const serveLocal = async (
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  /** Answers a request whose handler threw (a fake's bug, never a test's expectation). */
  onError: (res: ServerResponse) => void,
  /** Responses a fake keeps open on purpose (slow or trickling bodies): destroyed on close. */
  hanging: Iterable<ServerResponse> = [],
): Promise<LocalServer> => {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => onError(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake server did not start');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
