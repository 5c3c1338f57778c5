import { createHash } from 'node:crypto';
import { stricterThan, type BlockPolicy, type Severity } from '@/lib/blocklist/severity';

/** Admin::DomainBlock entity as Mastodon serializes it. */
export interface FakeDomainBlock {
  id: string;
  domain: string;
  digest: string;
  created_at: string;
  severity: string;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
}

export interface FakeFederationState {
  domainBlocks: Map<string, FakeDomainBlock>;
  domainAllows: Map<string, { id: string; domain: string; created_at: string }>;
  emailDomainBlocks: Map<string, { id: string; domain: string; created_at: string; allow_with_approval: boolean; history: unknown[] }>;
  ipBlocks: Map<string, { id: string; ip: string; severity: string; comment: string; created_at: string; expires_at: string | null }>;
}

type Answer = { status: number; payload: unknown };

/**
 * The federation part of the fake Admin API: /api/v1/admin/{domain_blocks,domain_allows,
 * email_domain_blocks,ip_blocks}, with Mastodon's answers — including the 422
 * `existing_domain_block` body when the domain or a parent domain is already blocked
 * (Api::V1::Admin::DomainBlocksController#create uses DomainBlock.rule_for and never upgrades).
 */
export function fakeFederationRoutes(seed: { domainBlocks?: Array<Partial<FakeDomainBlock> & { domain: string }> } = {}) {
  let nextId = 100;
  const state: FakeFederationState = { domainBlocks: new Map(), domainAllows: new Map(), emailDomainBlocks: new Map(), ipBlocks: new Map() };
  const now = () => new Date().toISOString();
  const blockEntity = (input: Partial<FakeDomainBlock> & { domain: string }, id = String(++nextId)): FakeDomainBlock => ({
    id,
    domain: input.domain,
    digest: createHash('sha256').update(input.domain).digest('hex'),
    created_at: input.created_at ?? now(),
    severity: input.severity ?? 'silence',
    reject_media: input.reject_media ?? false,
    reject_reports: input.reject_reports ?? false,
    private_comment: input.private_comment ?? null,
    public_comment: input.public_comment ?? null,
    obfuscate: input.obfuscate ?? false,
  });
  for (const b of seed.domainBlocks ?? []) {
    const entity = blockEntity(b);
    state.domainBlocks.set(entity.id, entity);
  }

  function ruleFor(domain: string): FakeDomainBlock | undefined {
    const labels = domain.split('.');
    for (let i = 0; i < labels.length; i += 1) {
      const variant = labels.slice(i).join('.');
      const hit = [...state.domainBlocks.values()].find((b) => b.domain === variant);
      if (hit) return hit;
    }
    return undefined;
  }

  const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : v === undefined ? fallback : ['true', '1'].includes(String(v)));
  const text = (v: unknown, fallback: string | null) => (v === undefined ? fallback : v === null || v === '' ? null : String(v));

  function handle(method: string, path: string, rawBody: string, forbidden: boolean): Answer | null {
    const m = /^\/api\/v1\/admin\/(domain_blocks|domain_allows|email_domain_blocks|ip_blocks)(?:\/(\d+))?$/.exec(path);
    if (!m) return null;
    if (forbidden) return { status: 403, payload: { error: 'This action is not allowed' } };
    const [, kind, id] = m;
    const body = (rawBody ? JSON.parse(rawBody) : {}) as Record<string, unknown>;
    const store = kind === 'domain_blocks' ? state.domainBlocks : kind === 'domain_allows' ? state.domainAllows : kind === 'email_domain_blocks' ? state.emailDomainBlocks : state.ipBlocks;

    if (method === 'DELETE' && id) {
      if (!store.has(id)) return { status: 404, payload: { error: 'Record not found' } };
      store.delete(id);
      return { status: 200, payload: {} };
    }
    if (kind === 'domain_blocks' && method === 'PUT' && id) {
      const current = state.domainBlocks.get(id);
      if (!current) return { status: 404, payload: { error: 'Record not found' } };
      if (body.severity !== undefined && !['silence', 'suspend', 'noop'].includes(String(body.severity))) return { status: 422, payload: { error: "Validation failed: Severity '" + String(body.severity) + "' is not a valid severity" } };
      const updated: FakeDomainBlock = {
        ...current,
        severity: body.severity === undefined ? current.severity : String(body.severity),
        reject_media: bool(body.reject_media, current.reject_media),
        reject_reports: bool(body.reject_reports, current.reject_reports),
        private_comment: text(body.private_comment, current.private_comment),
        public_comment: text(body.public_comment, current.public_comment),
        obfuscate: bool(body.obfuscate, current.obfuscate),
      };
      state.domainBlocks.set(id, updated);
      return { status: 200, payload: updated };
    }
    if (method !== 'POST' || id) return { status: 404, payload: { error: 'Record not found' } };

    switch (kind) {
      case 'domain_blocks': {
        const domain = String(body.domain ?? '').trim().toLowerCase();
        if (!domain) return { status: 422, payload: { error: "Validation failed: Domain can't be blank" } };
        if (body.severity !== undefined && !['silence', 'suspend', 'noop'].includes(String(body.severity))) return { status: 422, payload: { error: 'Validation failed: Severity is not included in the list' } };
        const existing = ruleFor(domain);
        // Mastodon's conflicts_with_existing_block?: the same domain, or a parent at least as strict.
        const asked: BlockPolicy = { severity: (body.severity === undefined ? 'silence' : String(body.severity)) as Severity, rejectMedia: bool(body.reject_media, false), rejectReports: bool(body.reject_reports, false) };
        const held: BlockPolicy | null = existing ? { severity: existing.severity as Severity, rejectMedia: existing.reject_media, rejectReports: existing.reject_reports } : null;
        if (existing && held && (existing.domain === domain || !stricterThan(asked, held))) return { status: 422, payload: { error: `You have already imposed stricter limits on ${existing.domain}.`, existing_domain_block: existing } };
        const entity = blockEntity({
          domain,
          severity: body.severity === undefined ? 'silence' : String(body.severity),
          reject_media: bool(body.reject_media, false),
          reject_reports: bool(body.reject_reports, false),
          private_comment: text(body.private_comment, null),
          public_comment: text(body.public_comment, null),
          obfuscate: bool(body.obfuscate, false),
        });
        state.domainBlocks.set(entity.id, entity);
        return { status: 200, payload: entity };
      }
      case 'domain_allows': {
        const domain = String(body.domain ?? '').trim().toLowerCase();
        const existing = [...state.domainAllows.values()].find((a) => a.domain === domain);
        if (existing) return { status: 200, payload: existing };
        const entity = { id: String(++nextId), domain, created_at: now() };
        state.domainAllows.set(entity.id, entity);
        return { status: 200, payload: entity };
      }
      case 'email_domain_blocks': {
        const domain = String(body.domain ?? '').trim().toLowerCase();
        if ([...state.emailDomainBlocks.values()].some((b) => b.domain === domain)) return { status: 422, payload: { error: 'Validation failed: Domain has already been taken' } };
        const entity = { id: String(++nextId), domain, created_at: now(), allow_with_approval: bool(body.allow_with_approval, false), history: [] };
        state.emailDomainBlocks.set(entity.id, entity);
        return { status: 200, payload: entity };
      }
      case 'ip_blocks': {
        const ip = String(body.ip ?? '');
        if (!['sign_up_requires_approval', 'sign_up_block', 'no_access'].includes(String(body.severity))) return { status: 422, payload: { error: "Validation failed: Severity can't be blank" } };
        if ([...state.ipBlocks.values()].some((b) => b.ip === ip)) return { status: 422, payload: { error: 'Validation failed: Ip has already been taken' } };
        const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : null;
        const entity = { id: String(++nextId), ip, severity: String(body.severity), comment: String(body.comment ?? ''), created_at: now(), expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000).toISOString() : null };
        state.ipBlocks.set(entity.id, entity);
        return { status: 200, payload: entity };
      }
    }
    return null;
  }

  return { state, handle };
}
