import type { Db } from '@/db/client';
import { getAlly, insertAlly, insertAllyToken, revokeAllyAccess } from '@/db/queries/blocklist-publishing';
import { deleteBlocklistSource, findBlocklistSourceByUrl, getBlocklistSource, insertBlocklistSource, updateBlocklistSource, type BlocklistSourceRow, type BlocklistSourceValues } from '@/db/queries/blocklist-sources';
import { replaceBlocklistExcludes, saveBlocklistSettings } from '@/db/queries/blocklist-suggestions';
import { recordEvent } from '@/db/queries/events';
import { sealToken } from '@/lib/auth/token-crypto';
import { assertCan } from '@/lib/write-path/guard';
import { WritePathError, type WriteActor } from '@/lib/write-path/types';
import { normalizeDomain } from './domain';
import type { PublishingForm, SettingsForm, SourceForm } from './sources';
import { newAllyToken } from './sources-publish';

/**
 * The console's writes to Palisade's own blocklist tables (sources, settings, allies), each in one
 * transaction with its audit event, permission re-checked here whatever the caller checked.
 * Mastodon's blocks are never touched from here: that is sources-apply through the write path.
 */
export interface ManageContext {
  db: Db;
  /** Seals source credentials at rest. */
  secret: string;
  now?: () => Date;
}

function values(form: SourceForm, sealed: string | null | undefined, actor: WriteActor, current: BlocklistSourceRow | null): BlocklistSourceValues {
  const automation = form.autoApply || form.autoRetract;
  return {
    name: form.name,
    url: form.url,
    format: form.format,
    role: form.role,
    priority: form.priority,
    weight: form.weight,
    maxSeverity: form.maxSeverity,
    authType: form.authType,
    authUsername: form.authType === 'basic' ? form.authUsername : null,
    authSecretSealed: form.authType === 'none' ? null : sealed,
    autoApply: form.autoApply,
    autoRetract: form.autoRetract,
    // Automatic changes are made in the name of whoever last switched automation on.
    autoApplyAccountId: !automation ? null : current && (current.autoApply || current.autoRetract) && current.autoApplyAccountId ? current.autoApplyAccountId : actor.accountId,
    refreshMinutes: form.refreshMinutes,
    enabled: form.enabled,
  };
}

export async function createSource(ctx: ManageContext, { actor, form }: { actor: WriteActor; form: SourceForm }): Promise<BlocklistSourceRow> {
  assertCan(actor, 'manage_federation');
  if (form.authType !== 'none' && form.authSecret === '') throw new WritePathError('invalid', 'Enter the token or password this source needs.');
  const at = (ctx.now ?? (() => new Date()))();
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await findBlocklistSourceByUrl({ db: trx, url: form.url });
    if (taken) throw new WritePathError('conflict', `This address is already subscribed as “${taken.name}”.`);
    const sealed = form.authType === 'none' ? null : sealToken(form.authSecret, ctx.secret);
    const row = await insertBlocklistSource({ db: trx, values: values(form, sealed, actor, null), createdBy: actor.accountId, at });
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistSource', action: 'create', targetId: row.id, humanIdentifier: row.name, data: { format: row.format, role: row.role }, at });
    return row;
  });
}

export async function updateSource(ctx: ManageContext, { actor, id, form }: { actor: WriteActor; id: string; form: SourceForm }): Promise<BlocklistSourceRow> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await getBlocklistSource({ db: trx, id });
    if (!current) throw new WritePathError('not_found', 'This source does not exist (any more).');
    const taken = await findBlocklistSourceByUrl({ db: trx, url: form.url });
    if (taken && taken.id !== current.id) throw new WritePathError('conflict', `This address is already subscribed as “${taken.name}”.`);
    // A blank secret keeps the stored one, unless the kind of authentication changed.
    let sealed: string | null | undefined = form.authSecret === '' ? undefined : sealToken(form.authSecret, ctx.secret);
    if (sealed === undefined && form.authType !== 'none' && (form.authType !== current.authType || !current.authSecretSealed)) {
      throw new WritePathError('invalid', 'Enter the token or password this source needs.');
    }
    if (form.authType === 'none') sealed = null;
    const readChanged = form.url !== current.url || form.format !== current.format || form.role !== current.role || form.authType !== current.authType || sealed !== undefined;
    const row = (await updateBlocklistSource({ db: trx, id: current.id, values: values(form, sealed, actor, current), resetFetchState: readChanged, at }))!;
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistSource', action: 'update', targetId: row.id, humanIdentifier: row.name, data: { enabled: row.enabled, autoApply: row.autoApply, autoRetract: row.autoRetract }, at });
    return row;
  });
}

/** Removes the subscription with its snapshots and entries. Blocks it led to stay; their provenance says where they came from. */
export async function deleteSource(ctx: ManageContext, { actor, id }: { actor: WriteActor; id: string }): Promise<void> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await deleteBlocklistSource({ db: trx, id });
    if (!row) throw new WritePathError('not_found', 'This source does not exist (any more).');
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistSource', action: 'destroy', targetId: row.id, humanIdentifier: row.name, at });
  });
}

/** One domain a line (or separated by commas/spaces); `*.` prefixes and URLs tidied; bad lines reported. */
export function parseExcludes(text: string): { domains: string[]; invalid: string[] } {
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const item = raw.trim();
    if (item === '' || item.startsWith('#')) continue;
    const n = normalizeDomain(item);
    if (n.ok) domains.add(n.ascii);
    else invalid.push(item);
  }
  return { domains: [...domains].sort(), invalid };
}

export async function saveMergeSettings(ctx: ManageContext, { actor, form }: { actor: WriteActor; form: SettingsForm }): Promise<{ excludesAdded: number; excludesRemoved: number }> {
  assertCan(actor, 'manage_federation');
  const excludes = parseExcludes(form.excludes);
  if (excludes.invalid.length) throw new WritePathError('invalid', `Not domains: ${excludes.invalid.slice(0, 5).join(', ')}${excludes.invalid.length > 5 ? '…' : ''}`);
  const at = (ctx.now ?? (() => new Date()))();
  return ctx.db.transaction().execute(async (trx) => {
    await saveBlocklistSettings({
      db: trx,
      values: { thresholdType: form.thresholdType, thresholdValue: form.thresholdValue, mergePlan: form.mergePlan, maxChangesPerRun: form.maxChangesPerRun, preserveRelationships: form.preserveRelationships },
      accountId: actor.accountId,
      at,
    });
    const changed = await replaceBlocklistExcludes({ db: trx, domains: excludes.domains, accountId: actor.accountId, at });
    await recordEvent({
      db: trx,
      actorId: actor.accountId,
      targetType: 'BlocklistSettings',
      action: 'update',
      targetId: null,
      humanIdentifier: 'merge settings',
      data: { threshold: `${form.thresholdValue}${form.thresholdType === 'percent' ? '%' : ''}`, plan: form.mergePlan, maxChangesPerRun: form.maxChangesPerRun, excludesAdded: changed.added.length, excludesRemoved: changed.removed.length },
      at,
    });
    return { excludesAdded: changed.added.length, excludesRemoved: changed.removed.length };
  });
}

export async function savePublishing(ctx: ManageContext, { actor, form }: { actor: WriteActor; form: PublishingForm }): Promise<void> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  await ctx.db.transaction().execute(async (trx) => {
    await saveBlocklistSettings({ db: trx, values: { visibility: form.visibility, commentVisibility: form.commentVisibility, publishSubscribed: form.publishSubscribed }, accountId: actor.accountId, at });
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistSettings', action: 'update', targetId: null, humanIdentifier: 'publishing settings', data: { ...form.visibility, comments: form.commentVisibility, subscribed: form.publishSubscribed }, at });
  });
}

/** A new ally and its first token. The token is returned once and only its hash is kept. */
export async function createAlly(ctx: ManageContext, { actor, name, domain }: { actor: WriteActor; name: string; domain: string | null }): Promise<{ allyId: string; token: string }> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  let normalized: string | null = null;
  if (domain) {
    const n = normalizeDomain(domain);
    if (!n.ok) throw new WritePathError('invalid', `“${domain.slice(0, 80)}” is not a domain.`);
    normalized = n.ascii;
  }
  const token = newAllyToken();
  const allyId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertAlly({ db: trx, name: name.trim(), domain: normalized, note: null, accountId: actor.accountId, at });
    await insertAllyToken({ db: trx, allyId: id, tokenHash: token.hash, hint: token.hint, accountId: actor.accountId, at });
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistAlly', action: 'create', targetId: id, humanIdentifier: name.trim(), data: { token: token.hint }, at });
    return id;
  });
  return { allyId, token: token.token };
}

/** Another token for an ally (e.g. to rotate: issue, hand over, revoke the old one). */
export async function issueAllyToken(ctx: ManageContext, { actor, allyId }: { actor: WriteActor; allyId: string }): Promise<{ token: string }> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  const token = newAllyToken();
  await ctx.db.transaction().execute(async (trx) => {
    const ally = await getAlly({ db: trx, id: allyId });
    if (!ally) throw new WritePathError('not_found', 'This ally does not exist.');
    if (ally.revokedAt) throw new WritePathError('conflict', `${ally.name}’s access was revoked; add them again as a new ally.`);
    await insertAllyToken({ db: trx, allyId, tokenHash: token.hash, hint: token.hint, accountId: actor.accountId, at });
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistAlly', action: 'create', targetId: allyId, humanIdentifier: ally.name, data: { token: token.hint }, at });
  });
  return { token: token.token };
}

/** Revokes one token, or the ally's whole access. Their next read is refused. */
export async function revokeAlly(ctx: ManageContext, { actor, allyId, tokenId = null }: { actor: WriteActor; allyId: string; tokenId?: string | null }): Promise<void> {
  assertCan(actor, 'manage_federation');
  const at = (ctx.now ?? (() => new Date()))();
  await ctx.db.transaction().execute(async (trx) => {
    const ally = await getAlly({ db: trx, id: allyId });
    if (!ally) throw new WritePathError('not_found', 'This ally does not exist.');
    const revoked = await revokeAllyAccess({ db: trx, allyId, tokenId, accountId: actor.accountId, at });
    if (tokenId && revoked === 0) throw new WritePathError('conflict', 'This token was already revoked.');
    await recordEvent({ db: trx, actorId: actor.accountId, targetType: 'BlocklistAlly', action: 'revoke', targetId: allyId, humanIdentifier: ally.name, data: { tokens: revoked, whole: !tokenId }, at });
  });
}
