'use server';

import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db';
import { findDomainBlocks, findSubdomainBlocks, getDomainBlock, getDomainImpact, type DomainImpactFigures } from '@/db/queries/domain-blocks';
import { failureFrom, invalidFrom, type ActionFailure, type ActionResult } from '@/lib/account-action-result';
import { displayDomain, domainVariants, normalizeDomain, ruleFor, type DomainProblem } from '@/lib/blocklist/domain';
import type { Severity } from '@/lib/blocklist/severity';
import { createDomainBlockSchema, previewDomainBlockSchema, updateDomainBlockSchema, type CreateDomainBlockInput, type PreviewDomainBlockInput, type UpdateDomainBlockInput } from '@/lib/domain-block-form';
import { authorizeAction } from '@/lib/session';
import { getWritePath } from '@/lib/write-path';
import { DomainBlockConflictError } from '@/lib/write-path/federation/types';

export interface BlockSummary {
  id: string;
  domain: string;
  /** IDN decoded, for display. */
  unicode: string;
  severity: Severity;
  rejectMedia: boolean;
  rejectReports: boolean;
}

export interface DomainBlockPreview {
  domain: string;
  unicode: string;
  note: 'url_host' | 'wildcard_prefix' | null;
  /** The block being edited (for edits and removals). */
  current: BlockSummary | null;
  /** The block in force for this domain now, other than `current` (the same domain or the most specific parent). */
  existing: BlockSummary | null;
  /** Blocks on subdomains of this domain. */
  subdomainBlocks: BlockSummary[];
  figures: DomainImpactFigures;
  /** figures.domains, IDN decoded. */
  domainsUnicode: string[];
}

export type PreviewResult = { status: 'success'; preview: DomainBlockPreview } | { status: 'bad_domain'; problem: DomainProblem } | ActionFailure;

function summary(b: Omit<BlockSummary, 'unicode'>): BlockSummary {
  return { id: b.id, domain: b.domain, unicode: displayDomain(b.domain), severity: b.severity, rejectMedia: b.rejectMedia, rejectReports: b.rejectReports };
}

async function forbidden(): Promise<ActionFailure | null> {
  const auth = await authorizeAction('manage_federation');
  if ('actor' in auth) return null;
  return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
}

/**
 * What the impact preview needs about a domain, read once per domain (the editor decides what a
 * given severity would do in the browser, lib/domain-block-impact assessChange): who is on the
 * domain and its subdomains, which local accounts follow them or are followed, open reports,
 * posts, cached media; the block in force and the one being edited. Read-only, on the replica.
 */
export async function previewDomainBlock(input: PreviewDomainBlockInput): Promise<PreviewResult> {
  const refused = await forbidden();
  if (refused) return refused;
  const parsed = previewDomainBlockSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  const { id } = parsed.data;
  try {
    const db = (await getDatabase()).handle.replica;
    let domain = parsed.data.domain;
    let current: BlockSummary | null = null;
    if (id) {
      const block = await getDomainBlock({ db, id });
      if (!block) return { status: 'error', code: 'not_found', message: 'This domain block no longer exists.' };
      domain = block.domain;
      current = summary(block);
    }
    const n = normalizeDomain(domain);
    if (!n.ok) return { status: 'bad_domain', problem: n.problem };
    const known = await findDomainBlocks({ db, domains: domainVariants(n.ascii) });
    // Editing: the block itself is not "an existing block"; only a parent's can matter.
    const existing = ruleFor(n.ascii, (d) => known.find((b) => b.domain === d && b.id !== id));
    const figures = await getDomainImpact({ db, domain: n.ascii, blockId: id ?? (existing?.domain === n.ascii ? existing.id : null) });
    const subdomainBlocks = (await findSubdomainBlocks({ db, domain: n.ascii })).map(summary);
    return {
      status: 'success',
      preview: { domain: n.ascii, unicode: n.unicode, note: n.note, current, existing: existing ? summary(existing) : null, subdomainBlocks, figures, domainsUnicode: figures.domains.map(displayDomain) },
    };
  } catch (error) {
    return failureFrom(error, 'domain block preview');
  }
}

export type SaveResult = ActionResult<{ id: string; outcome: 'created' | 'updated' }> | { status: 'conflict'; reason: string; existing: BlockSummary; message: string };

function conflictFrom(error: unknown): SaveResult | null {
  if (!(error instanceof DomainBlockConflictError)) return null;
  return { status: 'conflict', reason: error.reason, existing: summary(error.existing), message: error.detail };
}

export async function createDomainBlock(input: CreateDomainBlockInput): Promise<SaveResult> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = createDomainBlockSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result;
  try {
    result = await (await getWritePath()).createDomainBlock({ actor: auth.actor, ...parsed.data });
  } catch (error) {
    return conflictFrom(error) ?? failureFrom(error, 'create domain block');
  }
  revalidatePath('/federation');
  return { status: 'success', id: result.block.id, outcome: result.outcome };
}

export async function updateDomainBlock(input: UpdateDomainBlockInput): Promise<SaveResult> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  const parsed = updateDomainBlockSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error);
  let result;
  try {
    result = await (await getWritePath()).updateDomainBlock({ actor: auth.actor, ...parsed.data });
  } catch (error) {
    return conflictFrom(error) ?? failureFrom(error, 'update domain block');
  }
  revalidatePath('/federation');
  return { status: 'success', id: result.block.id, outcome: result.outcome };
}

export async function removeDomainBlock(input: { id: string }): Promise<ActionResult> {
  const auth = await authorizeAction('manage_federation');
  if (!('actor' in auth)) return auth.status === 'forbidden' ? { status: 'forbidden', message: null } : { status: 'unauthenticated' };
  if (typeof input?.id !== 'string' || !/^\d+$/.test(input.id)) return { status: 'invalid', fieldErrors: { id: ['id'] } };
  try {
    await (await getWritePath()).removeDomainBlock({ actor: auth.actor, id: input.id });
  } catch (error) {
    return failureFrom(error, 'remove domain block');
  }
  revalidatePath('/federation');
  return { status: 'success' };
}

