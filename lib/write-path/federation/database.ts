import type { Db } from '@/db/client';
import { insertAdminActionLog } from '@/db/queries/audit';
import { deleteDomainAllowRow, findDomainAllow, getDomainAllow, insertDomainAllow } from '@/db/queries/domain-allows';
import {
  clearDomainMedia,
  deleteDomainBlockRow,
  domainsWithAccounts,
  findDomainBlocks,
  insertDomainBlock,
  insertDomainBlocksWithAudit,
  instancesViewHas,
  liftDomainAccounts,
  listDomainAndSubdomains,
  lockDomainBlock,
  purgeSuspendedAccounts,
  refreshInstancesView,
  silenceDomainAccounts,
  suspendDomainAccounts,
  updateDomainBlockRow,
  type DomainBlockRow,
} from '@/db/queries/domain-blocks';
import { deleteEmailDomainBlockRow, findEmailDomainBlocks, insertEmailDomainBlock, lockEmailDomainBlock } from '@/db/queries/email-domain-blocks';
import { deleteIpBlockRow, findIpBlockByCidr, insertIpBlock, lockIpBlock } from '@/db/queries/ip-blocks';
import { domainVariants, normalizeDomain, ruleFor } from '@/lib/blocklist/domain';
import { comparePolicies, stricterThan } from '@/lib/blocklist/severity';
import { IP_SEVERITIES, normalizeEmailDomain, parseCidr } from '@/lib/domain-access-blocks';
import { assertCan } from '../guard';
import { WritePathError, type DatabaseAdapterContext, type WriteActor } from '../types';
import { DomainBlockConflictError, importProvenance, type DomainBlockFields, type DomainBlockRecord, type FederationWrites, type ImportRowOutcome } from './types';

function record(row: DomainBlockRow): DomainBlockRecord {
  return {
    id: row.id,
    domain: row.domain,
    severity: row.severity,
    rejectMedia: row.rejectMedia,
    rejectReports: row.rejectReports,
    privateComment: row.privateComment,
    publicComment: row.publicComment,
    obfuscate: row.obfuscate,
  };
}

function normalizedOrThrow(input: string): string {
  const n = normalizeDomain(input);
  if (!n.ok) {
    throw new WritePathError(
      'invalid',
      n.problem === 'obfuscated'
        ? 'A name with * is an obfuscated entry from a public list, not a domain: find out the real domain first.'
        : n.problem === 'empty'
          ? 'Enter a domain.'
          : `"${input.trim().slice(0, 80)}" is not a valid domain.`,
    );
  }
  return n.ascii;
}

function cleanComment(value: string | null): string | null {
  const v = value?.trim() ?? '';
  return v === '' ? null : v;
}

/**
 * BlockDomainService#process_domain_block! (and its retroactive part when the severity changed),
 * run in the caller's transaction so the block, its effect on accounts and the audit row commit
 * together. Accounts carry the block's created_at so that removing or changing it can find them.
 */
async function applyBlock(trx: Db, block: DomainBlockRow, at: Date, severityChanged: boolean): Promise<void> {
  const domains = await listDomainAndSubdomains({ db: trx, domain: block.domain });
  if (block.severity === 'silence') {
    await silenceDomainAccounts({ db: trx, domains, blockId: block.id });
  } else if (block.severity === 'suspend') {
    const suspended = await suspendDomainAccounts({ db: trx, domains, blockId: block.id });
    await purgeSuspendedAccounts({ db: trx, accountIds: suspended, domain: block.domain, at });
  }
  if (block.severity !== 'suspend' && block.rejectMedia) await clearDomainMedia({ db: trx, domains, at });
  if (severityChanged) {
    await liftDomainAccounts({ db: trx, domains, blockId: block.id, silence: block.severity !== 'silence', suspend: block.severity !== 'suspend' });
  }
}

export function federationDatabaseWrites({ db, now }: DatabaseAdapterContext): FederationWrites {
  const log = (trx: Db, actor: WriteActor, action: string, targetType: 'DomainBlock' | 'DomainAllow' | 'EmailDomainBlock' | 'IpBlock', targetId: string, humanIdentifier: string, at: Date) =>
    insertAdminActionLog({ db: trx, accountId: actor.accountId, action, targetType, targetId, humanIdentifier, at });

  /** Mastodon refreshes `instances` after a block on a domain it did not list yet (DomainMaterializable). */
  async function refreshIfUnknown(domain: string): Promise<void> {
    if (!(await instancesViewHas({ db, domain }))) await refreshInstancesView({ db });
  }

  /**
   * Admin::DomainBlocksController#create: a block on a domain that already has one is raised in
   * place when stricter; under a parent block it is created only when stricter (prevent_downgrade).
   */
  async function createOrRaise(trx: Db, actor: WriteActor, domain: string, fields: DomainBlockFields, at: Date): Promise<{ block: DomainBlockRow; outcome: 'created' | 'updated' }> {
    const known = await findDomainBlocks({ db: trx, domains: domainVariants(domain) });
    const existing = ruleFor(domain, (d) => known.find((b) => b.domain === d));
    if (existing && !stricterThan(fields, existing)) {
      throw new DomainBlockConflictError(record(existing), existing.domain === domain ? 'same_domain_not_stricter' : 'parent_not_stricter');
    }
    if (existing && existing.domain === domain) {
      const locked = (await lockDomainBlock({ db: trx, id: existing.id }))!;
      const updated = await updateDomainBlockRow({ db: trx, id: locked.id, values: fields, at });
      const severityChanged = locked.severity !== updated.severity;
      await applyBlock(trx, updated, at, severityChanged);
      await log(trx, actor, 'create', 'DomainBlock', updated.id, updated.domain, at);
      return { block: updated, outcome: 'updated' };
    }
    const block = await insertDomainBlock({ db: trx, values: { domain, ...fields }, at });
    await applyBlock(trx, block, at, false);
    await log(trx, actor, 'create', 'DomainBlock', block.id, block.domain, at);
    return { block, outcome: 'created' };
  }

  return {
    async createDomainBlock(input) {
      assertCan(input.actor, 'manage_federation');
      const domain = normalizedOrThrow(input.domain);
      const fields = { ...pickFields(input), privateComment: cleanComment(input.privateComment), publicComment: cleanComment(input.publicComment) };
      const result = await db.transaction().execute((trx) => createOrRaise(trx, input.actor, domain, fields, now()));
      await refreshIfUnknown(domain);
      return { block: record(result.block), outcome: result.outcome };
    },

    async updateDomainBlock(input) {
      assertCan(input.actor, 'manage_federation');
      const result = await db.transaction().execute(async (trx) => {
        const at = now();
        const current = await lockDomainBlock({ db: trx, id: input.id });
        if (!current) throw new WritePathError('not_found', `Domain block ${input.id} does not exist (any more).`);
        const fields = { ...pickFields(input), privateComment: cleanComment(input.privateComment), publicComment: cleanComment(input.publicComment) };
        const updated = await updateDomainBlockRow({ db: trx, id: current.id, values: fields, at });
        await applyBlock(trx, updated, at, current.severity !== updated.severity);
        await log(trx, input.actor, 'update', 'DomainBlock', updated.id, updated.domain, at);
        return updated;
      });
      return { block: record(result), outcome: 'updated' };
    },

    async removeDomainBlock({ actor, id }) {
      assertCan(actor, 'manage_federation');
      await db.transaction().execute(async (trx) => {
        const at = now();
        const block = await lockDomainBlock({ db: trx, id });
        if (!block) throw new WritePathError('not_found', `Domain block ${id} does not exist (any more).`);
        // UnblockDomainService: lift what this block did (accounts carrying its created_at), then delete it.
        const domains = await listDomainAndSubdomains({ db: trx, domain: block.domain });
        await liftDomainAccounts({ db: trx, domains, blockId: block.id, silence: block.severity !== 'noop', suspend: block.severity === 'suspend' });
        await deleteDomainBlockRow({ db: trx, id: block.id });
        await log(trx, actor, 'destroy', 'DomainBlock', block.id, block.domain, at);
      });
    },

    async importDomainBlocks({ actor, operations, sourceName }) {
      assertCan(actor, 'manage_federation');
      const started = now();
      const outcomes = await db.transaction().execute(async (trx) => {
        const out: ImportRowOutcome[] = [];
        const valid: Array<{ op: (typeof operations)[number]; domain: string }> = [];
        const seen = new Set<string>();
        for (const op of operations) {
          const n = normalizeDomain(op.domain);
          if (!n.ok) out.push({ line: op.line, domain: op.domain, status: 'failed', reason: `not a valid domain (${n.problem})` });
          else if (seen.has(n.ascii)) out.push({ line: op.line, domain: n.ascii, status: 'skipped', reason: 'listed twice in this import' });
          else {
            seen.add(n.ascii);
            valid.push({ op, domain: n.ascii });
          }
        }
        // One lookup for every domain and parent; then decide row by row, parents first, the way
        // Mastodon's checks would meet them one after another.
        const known = new Map((await findDomainBlocks({ db: trx, domains: [...new Set(valid.flatMap((v) => domainVariants(v.domain)))] })).map((b) => [b.domain, b]));
        const planned = new Map<string, DomainBlockFields & { domain: string }>();
        const creates: Array<{ line: number; values: DomainBlockFields & { domain: string }; at: Date }> = [];
        const updates: Array<{ line: number; existing: DomainBlockRow; values: DomainBlockFields }> = [];
        valid.sort((a, b) => a.domain.split('.').length - b.domain.split('.').length);
        for (const [i, { op, domain }] of valid.entries()) {
          const fields: DomainBlockFields = { ...pickFields(op), publicComment: cleanComment(op.publicComment), privateComment: importProvenance(cleanComment(op.privateComment), sourceName, started) };
          const current = ruleFor(domain, (d) => planned.get(d) ?? known.get(d));
          const existing = current && 'id' in current ? (current as DomainBlockRow) : null;
          if (current && current.domain === domain && existing) {
            if (comparePolicies(fields, existing) === 'same') {
              out.push({ line: op.line, domain, status: 'skipped', reason: 'already blocked exactly like this', existing: { id: existing.id, domain } });
              continue;
            }
            if (op.action !== 'update' && !stricterThan(fields, existing)) {
              out.push({ line: op.line, domain, status: 'skipped', reason: `already blocked more strictly (${existing.severity})`, existing: { id: existing.id, domain } });
              continue;
            }
            // A reviewed downgrade is an explicit choice; the existing block's comments are kept.
            updates.push({ line: op.line, existing, values: { ...fields, privateComment: existing.privateComment, publicComment: fields.publicComment ?? existing.publicComment } });
            planned.set(domain, { domain, ...fields });
            continue;
          }
          if (current && (!stricterThan(fields, current) || comparePolicies(fields, current) === 'same')) {
            const by = existing ? { id: existing.id, domain: existing.domain } : undefined;
            out.push({ line: op.line, domain, status: 'skipped', reason: `covered by the block on ${current.domain} (${current.severity})`, ...(by ? { existing: by } : {}) });
            continue;
          }
          // Distinct timestamps keep each block's undo link to its own accounts.
          creates.push({ line: op.line, values: { domain, ...fields }, at: new Date(started.getTime() + i) });
          planned.set(domain, { domain, ...fields });
        }

        const inserted = await insertDomainBlocksWithAudit({ db: trx, rows: creates.map((c) => ({ ...c.values, at: c.at })), actorAccountId: actor.accountId });
        const byDomain = new Map(inserted.map((b) => [b.domain, b]));
        for (const c of creates) out.push({ line: c.line, domain: c.values.domain, status: 'created', id: byDomain.get(c.values.domain)!.id });
        // BlockDomainService only has work where accounts exist: find those domains once.
        const populated = await domainsWithAccounts({ db: trx, domains: inserted.map((b) => b.domain) });
        const affected = new Set<string>();
        for (const d of populated) for (const v of domainVariants(d)) if (byDomain.has(v)) affected.add(v);
        for (const block of inserted.filter((b) => affected.has(b.domain))) {
          await applyBlock(trx, block, block.createdAt, false);
        }
        for (const u of updates) {
          const at = now();
          const updated = await updateDomainBlockRow({ db: trx, id: u.existing.id, values: u.values, at });
          await applyBlock(trx, updated, at, u.existing.severity !== updated.severity);
          await log(trx, actor, 'update', 'DomainBlock', updated.id, updated.domain, at);
          out.push({ line: u.line, domain: updated.domain, status: 'updated', id: updated.id });
        }
        return out.sort((a, b) => a.line - b.line);
      });
      if (outcomes.some((o) => o.status === 'created')) await refreshInstancesView({ db });
      return outcomes;
    },

    async createDomainAllow({ actor, domain: input }) {
      assertCan(actor, 'manage_federation');
      const domain = normalizedOrThrow(input);
      const result = await db.transaction().execute(async (trx) => {
        const at = now();
        // The API is idempotent: allowing an allowed domain returns the existing allow.
        const existing = await findDomainAllow({ db: trx, domain });
        if (existing) return { row: existing, created: false };
        const row = await insertDomainAllow({ db: trx, domain, at });
        await log(trx, actor, 'create', 'DomainAllow', row.id, row.domain, at);
        return { row, created: true };
      });
      if (result.created) await refreshIfUnknown(domain);
      return result.row;
    },

    async removeDomainAllow({ actor, id }) {
      assertCan(actor, 'manage_federation');
      await db.transaction().execute(async (trx) => {
        const at = now();
        const allow = await getDomainAllow({ db: trx, id });
        if (!allow) throw new WritePathError('not_found', `Domain allow ${id} does not exist (any more).`);
        // In limited-federation mode Mastodon then deletes the domain's accounts (UnallowDomainService);
        // that mode is an environment setting of the Mastodon server, invisible from here.
        await deleteDomainAllowRow({ db: trx, id: allow.id });
        await log(trx, actor, 'destroy', 'DomainAllow', allow.id, allow.domain, at);
      });
    },

    async createEmailDomainBlock({ actor, domain: input, allowWithApproval, otherDomains = [] }) {
      assertCan(actor, 'manage_blocks');
      const parsed = normalizeEmailDomain(input);
      if (!parsed.ok) throw new WritePathError('invalid', `"${input.trim().slice(0, 80)}" is not a valid e-mail domain.`);
      const others: string[] = [];
      for (const other of otherDomains) {
        const n = normalizeDomain(other);
        if (!n.ok) throw new WritePathError('invalid', `"${other.trim().slice(0, 80)}" is not a valid domain.`);
        if (n.ascii !== parsed.ascii && !others.includes(n.ascii)) others.push(n.ascii);
      }
      return db.transaction().execute(async (trx) => {
        const at = now();
        const taken = await findEmailDomainBlocks({ db: trx, domains: [parsed.ascii, ...others] });
        if (taken.some((t) => t.domain === parsed.ascii)) throw new WritePathError('conflict', `${parsed.ascii} is already blocked for sign-ups.`);
        const parent = await insertEmailDomainBlock({ db: trx, domain: parsed.ascii, allowWithApproval, parentId: null, at });
        await log(trx, actor, 'create', 'EmailDomainBlock', parent.id, parent.domain, at);
        const children: string[] = [];
        // Mastodon skips extra domains that are already blocked, and logs each child it creates.
        for (const other of others.filter((o) => !taken.some((t) => t.domain === o))) {
          const child = await insertEmailDomainBlock({ db: trx, domain: other, allowWithApproval, parentId: parent.id, at });
          await log(trx, actor, 'create', 'EmailDomainBlock', child.id, child.domain, at);
          children.push(child.domain);
        }
        return { id: parent.id, domain: parent.domain, children };
      });
    },

    async removeEmailDomainBlock({ actor, id }) {
      assertCan(actor, 'manage_blocks');
      await db.transaction().execute(async (trx) => {
        const at = now();
        const block = await lockEmailDomainBlock({ db: trx, id });
        if (!block) throw new WritePathError('not_found', `E-mail domain block ${id} does not exist (any more).`);
        await deleteEmailDomainBlockRow({ db: trx, id: block.id });
        await log(trx, actor, 'destroy', 'EmailDomainBlock', block.id, block.domain, at);
      });
    },

    async createIpBlock({ actor, ip, severity, comment, expiresIn }) {
      assertCan(actor, 'manage_blocks');
      const cidr = parseCidr(ip);
      if (!cidr.ok) throw new WritePathError('invalid', cidr.problem === 'invalid_prefix' ? `The prefix of "${ip.trim().slice(0, 60)}" is out of range.` : `"${ip.trim().slice(0, 60)}" is not an IP address or CIDR range.`);
      if (!(severity in IP_SEVERITIES)) throw new WritePathError('invalid', 'Unknown IP rule.');
      if (expiresIn !== null && (!Number.isInteger(expiresIn) || expiresIn <= 0)) throw new WritePathError('invalid', 'The expiry must be a positive number of seconds.');
      return db.transaction().execute(async (trx) => {
        const at = now();
        if (await findIpBlockByCidr({ db: trx, cidr: cidr.cidr })) throw new WritePathError('conflict', `There is already a rule for ${cidr.cidr}.`);
        const row = await insertIpBlock({ db: trx, cidr: cidr.cidr, severity: IP_SEVERITIES[severity], comment: comment.trim(), expiresAt: expiresIn === null ? null : new Date(at.getTime() + expiresIn * 1000), at });
        await log(trx, actor, 'create', 'IpBlock', row.id, row.ip, at);
        return row;
      });
    },

    async removeIpBlock({ actor, id }) {
      assertCan(actor, 'manage_blocks');
      await db.transaction().execute(async (trx) => {
        const at = now();
        const block = await lockIpBlock({ db: trx, id });
        if (!block) throw new WritePathError('not_found', `IP rule ${id} does not exist (any more).`);
        await deleteIpBlockRow({ db: trx, id: block.id });
        await log(trx, actor, 'destroy', 'IpBlock', block.id, block.ip, at);
      });
    },
  };
}

function pickFields(input: DomainBlockFields): DomainBlockFields {
  return {
    severity: input.severity,
    rejectMedia: input.rejectMedia,
    rejectReports: input.rejectReports,
    privateComment: input.privateComment,
    publicComment: input.publicComment,
    obfuscate: input.obfuscate,
  };
}
