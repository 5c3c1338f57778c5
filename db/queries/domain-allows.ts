import { sql } from 'kysely';
import type { Db } from '../client';

export interface DomainAllowRow {
  id: string;
  domain: string;
  createdAt: Date;
  accountsCount: number;
}

/** A short list (limited-federation allow-lists hold dozens to a few hundred domains). */
export async function listDomainAllows({ db, q }: { db: Db; q?: string }): Promise<DomainAllowRow[]> {
  let query = db
    .selectFrom('domain_allows as d')
    .leftJoin('instances as i', 'i.domain', 'd.domain')
    .select(['d.id', 'd.domain', 'd.created_at', sql<string>`COALESCE(i.accounts_count, 0)`.as('accounts_count')]);
  if (q) query = query.where('d.domain', 'like', `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await query.orderBy('d.domain').limit(1000).execute();
  return rows.map((r) => ({ id: r.id, domain: r.domain, createdAt: r.created_at, accountsCount: Number(r.accounts_count) }));
}

export async function findDomainAllow({ db, domain }: { db: Db; domain: string }): Promise<{ id: string; domain: string } | null> {
  return (await db.selectFrom('domain_allows').select(['id', 'domain']).where('domain', '=', domain).executeTakeFirst()) ?? null;
}

export async function getDomainAllow({ db, id }: { db: Db; id: string }): Promise<{ id: string; domain: string } | null> {
  if (!/^\d+$/.test(id)) return null;
  return (await db.selectFrom('domain_allows').select(['id', 'domain']).where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

export async function insertDomainAllow({ db, domain, at }: { db: Db; domain: string; at: Date }): Promise<{ id: string; domain: string }> {
  return db.insertInto('domain_allows').values({ domain, created_at: at, updated_at: at }).returning(['id', 'domain']).executeTakeFirstOrThrow();
}

export async function deleteDomainAllowRow({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.deleteFrom('domain_allows').where('id', '=', id).execute();
}
