import { normalizeDomain } from '@/lib/blocklist/domain';
import { isSeverity, stricterThan } from '@/lib/blocklist/severity';
import { normalizeEmailDomain, parseCidr } from '@/lib/domain-access-blocks';
import { assertCan } from '../guard';
import { WritePathError, type AdminApiClient, type WriteActor } from '../types';
import { DomainBlockConflictError, importProvenance, type DomainBlockFields, type DomainBlockRecord, type FederationWrites, type ImportRowOutcome } from './types';

/** REST::Admin::DomainBlockSerializer. */
interface ApiDomainBlock {
  id: string;
  domain: string;
  severity: string;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
}

function fromApi(b: ApiDomainBlock): DomainBlockRecord {
  return {
    id: String(b.id),
    domain: b.domain,
    severity: isSeverity(b.severity) ? b.severity : 'silence',
    rejectMedia: !!b.reject_media,
    rejectReports: !!b.reject_reports,
    privateComment: b.private_comment ?? null,
    publicComment: b.public_comment ?? null,
    obfuscate: !!b.obfuscate,
  };
}

function body(fields: DomainBlockFields) {
  return {
    severity: fields.severity,
    reject_media: fields.rejectMedia,
    reject_reports: fields.rejectReports,
    private_comment: fields.privateComment ?? '',
    public_comment: fields.publicComment ?? '',
    obfuscate: fields.obfuscate,
  };
}

function checkId(id: string, what: string): void {
  if (!/^\d+$/.test(id)) throw new WritePathError('invalid', `A ${what} id is a number.`);
}

function domainOrThrow(input: string): string {
  const n = normalizeDomain(input);
  if (!n.ok) throw new WritePathError('invalid', n.problem === 'obfuscated' ? 'A name with * is an obfuscated entry, not a domain.' : `"${input.trim().slice(0, 80)}" is not a valid domain.`);
  return n.ascii;
}

/** The block Mastodon named in its 422 answer (`existing_domain_block`), if it did. */
function existingFrom(error: unknown): DomainBlockRecord | null {
  if (!(error instanceof WritePathError) || error.code !== 'invalid') return null;
  const response = error.response as { existing_domain_block?: ApiDomainBlock } | undefined;
  return response?.existing_domain_block ? fromApi(response.existing_domain_block) : null;
}

/** Errors that are about the connection or the token, not the row: an import stops on them. */
function stopsImport(error: unknown): boolean {
  return error instanceof WritePathError && ['unauthenticated', 'token_missing', 'forbidden', 'unavailable'].includes(error.code);
}

/**
 * Connected mode: /api/v1/admin/{domain_blocks,domain_allows,email_domain_blocks,ip_blocks}.
 * Mastodon runs BlockDomainService itself (in Sidekiq) and writes the audit rows under the
 * moderator's name; Palisade never writes these tables on a live instance.
 */
export function federationAdminApiWrites(api: AdminApiClient): FederationWrites {
  /**
   * POST, and when Mastodon answers 422 because the same domain is blocked less strictly, raise that
   * block with PUT — what Mastodon's own web form does ("transparently upgrading").
   */
  async function createOrRaise(actor: WriteActor, domain: string, fields: DomainBlockFields, { allowDowngrade = false } = {}): Promise<{ block: DomainBlockRecord; outcome: 'created' | 'updated' }> {
    try {
      const created = await api.call<ApiDomainBlock>(actor, 'POST', '/api/v1/admin/domain_blocks', { domain, ...body(fields) });
      return { block: fromApi(created), outcome: 'created' };
    } catch (error) {
      const existing = existingFrom(error);
      if (!existing) throw error;
      if (existing.domain !== domain) {
        throw new DomainBlockConflictError(existing, stricterThan(fields, existing) ? 'api_refuses_subdomain' : 'parent_not_stricter');
      }
      if (!allowDowngrade && !stricterThan(fields, existing)) throw new DomainBlockConflictError(existing, 'same_domain_not_stricter');
      const updated = await api.call<ApiDomainBlock>(actor, 'PUT', `/api/v1/admin/domain_blocks/${existing.id}`, body(fields));
      return { block: fromApi(updated), outcome: 'updated' };
    }
  }

  return {
    async createDomainBlock(input) {
      assertCan(input.actor, 'manage_federation');
      return createOrRaise(input.actor, domainOrThrow(input.domain), input);
    },

    async updateDomainBlock(input) {
      assertCan(input.actor, 'manage_federation');
      checkId(input.id, 'domain block');
      const updated = await api.call<ApiDomainBlock>(input.actor, 'PUT', `/api/v1/admin/domain_blocks/${input.id}`, body(input));
      return { block: fromApi(updated), outcome: 'updated' };
    },

    async removeDomainBlock({ actor, id }) {
      assertCan(actor, 'manage_federation');
      checkId(id, 'domain block');
      await api.call(actor, 'DELETE', `/api/v1/admin/domain_blocks/${id}`);
    },

    async importDomainBlocks({ actor, operations, sourceName }) {
      assertCan(actor, 'manage_federation');
      const out: ImportRowOutcome[] = [];
      const at = new Date();
      let stop: string | null = null;
      for (const op of operations) {
        if (stop) {
          out.push({ line: op.line, domain: op.domain, status: 'failed', reason: stop });
          continue;
        }
        const n = normalizeDomain(op.domain);
        if (!n.ok) {
          out.push({ line: op.line, domain: op.domain, status: 'failed', reason: `not a valid domain (${n.problem})` });
          continue;
        }
        try {
          const fields = { ...op, privateComment: importProvenance(op.privateComment, sourceName, at) };
          const result = await createOrRaise(actor, n.ascii, fields, { allowDowngrade: op.action === 'update' });
          out.push({ line: op.line, domain: n.ascii, status: result.outcome, id: result.block.id });
        } catch (error) {
          if (error instanceof DomainBlockConflictError) {
            out.push({ line: op.line, domain: n.ascii, status: 'skipped', reason: error.detail, existing: { id: error.existing.id, domain: error.existing.domain } });
          } else if (error instanceof WritePathError) {
            out.push({ line: op.line, domain: n.ascii, status: 'failed', reason: error.detail });
            if (stopsImport(error)) stop = `not attempted: ${error.detail}`;
          } else {
            throw error;
          }
        }
      }
      return out;
    },

    async createDomainAllow({ actor, domain }) {
      assertCan(actor, 'manage_federation');
      const allow = await api.call<{ id: string; domain: string }>(actor, 'POST', '/api/v1/admin/domain_allows', { domain: domainOrThrow(domain) });
      return { id: String(allow.id), domain: allow.domain };
    },

    async removeDomainAllow({ actor, id }) {
      assertCan(actor, 'manage_federation');
      checkId(id, 'domain allow');
      await api.call(actor, 'DELETE', `/api/v1/admin/domain_allows/${id}`);
    },

    async createEmailDomainBlock({ actor, domain, allowWithApproval, otherDomains = [] }) {
      assertCan(actor, 'manage_blocks');
      const parsed = normalizeEmailDomain(domain);
      if (!parsed.ok) throw new WritePathError('invalid', `"${domain.trim().slice(0, 80)}" is not a valid e-mail domain.`);
      const parent = await api.call<{ id: string; domain: string }>(actor, 'POST', '/api/v1/admin/email_domain_blocks', { domain: parsed.ascii, allow_with_approval: allowWithApproval });
      // The API has no parent link: extra domains become blocks of their own.
      const children: string[] = [];
      for (const other of otherDomains) {
        const d = domainOrThrow(other);
        if (d === parsed.ascii || children.includes(d)) continue;
        await api.call(actor, 'POST', '/api/v1/admin/email_domain_blocks', { domain: d, allow_with_approval: allowWithApproval });
        children.push(d);
      }
      return { id: String(parent.id), domain: parent.domain, children };
    },

    async removeEmailDomainBlock({ actor, id }) {
      assertCan(actor, 'manage_blocks');
      checkId(id, 'e-mail domain block');
      await api.call(actor, 'DELETE', `/api/v1/admin/email_domain_blocks/${id}`);
    },

    async createIpBlock({ actor, ip, severity, comment, expiresIn }) {
      assertCan(actor, 'manage_blocks');
      const cidr = parseCidr(ip);
      if (!cidr.ok) throw new WritePathError('invalid', `"${ip.trim().slice(0, 60)}" is not an IP address or CIDR range.`);
      const created = await api.call<{ id: string; ip: string }>(actor, 'POST', '/api/v1/admin/ip_blocks', {
        ip: cidr.cidr,
        severity,
        comment: comment.trim(),
        ...(expiresIn === null ? {} : { expires_in: expiresIn }),
      });
      return { id: String(created.id), ip: created.ip };
    },

    async removeIpBlock({ actor, id }) {
      assertCan(actor, 'manage_blocks');
      checkId(id, 'IP rule');
      await api.call(actor, 'DELETE', `/api/v1/admin/ip_blocks/${id}`);
    },
  };
}

