import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeFederationRoutes, type FakeDomainBlock } from './fake-mastodon-federation';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

interface FakeReport {
  id: string;
  action_taken_at: string | null;
  assigned_account_id: string | null;
}

/**
 * A stand-in for a Mastodon server's Admin API with the documented request and response shapes
 * (Admin::Report entity, error bodies `{ "error": "…" }`), for testing the API write path.
 * Tokens map to account ids; a token listed in `forbiddenTokens` gets 403 like a role without
 * manage_reports.
 */
export async function startFakeMastodon(options: { tokens: Record<string, string>; forbiddenTokens?: string[]; reports: string[]; accounts?: string[]; domainBlocks?: Array<Partial<FakeDomainBlock> & { domain: string }> }) {
  const federation = fakeFederationRoutes({ domainBlocks: options.domainBlocks });
  const accounts = new Map<string, string[]>((options.accounts ?? []).map((id) => [id, []]));
  const requests: RecordedRequest[] = [];
  const reports = new Map<string, FakeReport>(options.reports.map((id) => [id, { id, action_taken_at: null, assigned_account_id: null }]));
  const forbidden = new Set(options.forbiddenTokens ?? []);

  function reportEntity(report: FakeReport) {
    const account = (id: string) => ({ id, username: `user${id.slice(-4)}`, domain: null, email: `${id}@example.test`, ip: null, role: null, confirmed: true, suspended: false, silenced: false, sensitized: false, disabled: false, approved: true, locale: 'en', invite_request: null, ips: [], account: { id, username: `user${id.slice(-4)}`, acct: `user${id.slice(-4)}` } });
    return {
      id: report.id,
      action_taken: report.action_taken_at !== null,
      action_taken_at: report.action_taken_at,
      category: 'other',
      comment: '',
      forwarded: false,
      created_at: '2026-11-20T12:00:00.000Z',
      updated_at: new Date().toISOString(),
      account: account('1'),
      target_account: account('2'),
      assigned_account: report.assigned_account_id ? account(report.assigned_account_id) : null,
      action_taken_by_account: null,
      statuses: [],
      rules: [],
    };
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(payload));
      };
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const accountId = options.tokens[token];
      if (!accountId) return send(401, { error: 'The access token is invalid' });
      // Whose token this is (the CLI finds its actor this way).
      if (path === '/api/v1/accounts/verify_credentials' && req.method === 'GET') return send(200, { id: accountId, username: `user${accountId.slice(-4)}`, acct: `user${accountId.slice(-4)}` });
      const federated = federation.handle(req.method ?? '', path, body, forbidden.has(token));
      if (federated) return send(federated.status, federated.payload);
      const accountMatch = /^\/api\/v1\/admin\/accounts\/(-?\d+)\/(action|unsilence|unsuspend|unsensitive|enable|approve|reject)$/.exec(path);
      if (accountMatch && req.method === 'POST') {
        if (forbidden.has(token)) return send(403, { error: 'This action is not allowed' });
        if (!accounts.has(accountMatch[1]!)) return send(404, { error: 'Record not found' });
        if (accountMatch[2] === 'action') {
          const parsed = JSON.parse(body || '{}') as { type?: string };
          if (!['none', 'disable', 'sensitive', 'silence', 'suspend'].includes(parsed.type ?? '')) return send(422, { error: 'Type is not included in the list' });
        }
        accounts.get(accountMatch[1]!)!.push(accountMatch[2]!);
        // The action endpoint renders an empty object; the others the Admin::Account entity.
        return send(200, accountMatch[2] === 'action' ? {} : { id: accountMatch[1], username: 'someone' });
      }
      const match = /^\/api\/v1\/admin\/reports\/(\d+)\/(resolve|reopen|assign_to_self|unassign)$/.exec(path);
      if (!match || req.method !== 'POST') return send(404, { error: 'Record not found' });
      if (forbidden.has(token)) return send(403, { error: 'This action is not allowed' });
      const report = reports.get(match[1]!);
      if (!report) return send(404, { error: 'Record not found' });
      switch (match[2]) {
        case 'resolve':
          report.action_taken_at = new Date().toISOString();
          break;
        case 'reopen':
          report.action_taken_at = null;
          break;
        case 'assign_to_self':
          report.assigned_account_id = accountId;
          break;
        case 'unassign':
          report.assigned_account_id = null;
          break;
      }
      return send(200, reportEntity(report));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reports,
    /** Per account id, the admin endpoints called on it, in order. */
    accounts,
    /** Domain blocks, allows, e-mail domain blocks and IP rules as the fake server holds them. */
    federation: federation.state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
