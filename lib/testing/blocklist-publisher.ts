import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { publishTargetFor, servePublished, type ServeContext } from '@/lib/blocklist/sources-serve';

/**
 * A Palisade's publishing endpoints on a loopback port, without Next: the same handler the route
 * files under app/api/blocklists call, behind a plain node:http server. For the two-instance
 * exchange tests.
 */
export async function startBlocklistPublisher(ctx: ServeContext): Promise<{ url: string; requests: Array<{ path: string; status: number; authorization: string | undefined }>; close: () => Promise<void> }> {
  const requests: Array<{ path: string; status: number; authorization: string | undefined }> = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const target = publishTargetFor(url.pathname);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      let response: Response;
      try {
        response = target ? await servePublished(new Request(url, { headers }), target, ctx) : new Response('not found', { status: 404 });
      } catch (error) {
        response = new Response((error as Error).message, { status: 500 });
      }
      requests.push({ path: `${url.pathname}${url.search}`, status: response.status, authorization: req.headers.authorization });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
