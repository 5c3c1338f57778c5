import type { Db } from '../client';

export interface EmailDomainBlockRow {
  id: string;
  domain: string;
  allowWithApproval: boolean;
  createdAt: Date;
  /** Blocks created with it for its MX hosts. */
  children: Array<{ id: string; domain: string }>;
}

/** Parents with their MX children, newest first (Mastodon's admin list). */
export async function listEmailDomainBlocks({ db, q }: { db: Db; q?: string }): Promise<EmailDomainBlockRow[]> {
  let parents = db.selectFrom('email_domain_blocks').select(['id', 'domain', 'allow_with_approval', 'created_at']).where('parent_id', 'is', null);
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parents = parents.where((eb) => eb.or([eb('domain', 'like', like), eb('id', 'in', eb.selectFrom('email_domain_blocks as c').select('c.parent_id').where('c.domain', 'like', like).where('c.parent_id', 'is not', null).$narrowType<{ parent_id: string }>())]));
  }
  const rows = await parents.orderBy('id', 'desc').limit(500).execute();
  const ids = rows.map((r) => r.id);
  const children = ids.length ? await db.selectFrom('email_domain_blocks').select(['id', 'domain', 'parent_id']).where('parent_id', 'in', ids).orderBy('domain').execute() : [];
  return rows.map((r) => ({
    id: r.id,
    domain: r.domain,
    allowWithApproval: r.allow_with_approval,
    createdAt: r.created_at,
    children: children.filter((c) => c.parent_id === r.id).map((c) => ({ id: c.id, domain: c.domain })),
  }));
}

export async function findEmailDomainBlocks({ db, domains }: { db: Db; domains: string[] }): Promise<Array<{ id: string; domain: string }>> {
  if (domains.length === 0) return [];
  return db.selectFrom('email_domain_blocks').select(['id', 'domain']).where('domain', 'in', domains).execute();
}

export async function lockEmailDomainBlock({ db, id }: { db: Db; id: string }): Promise<{ id: string; domain: string; children: Array<{ id: string; domain: string }> } | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('email_domain_blocks').select(['id', 'domain']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) return null;
  const children = await db.selectFrom('email_domain_blocks').select(['id', 'domain']).where('parent_id', '=', id).orderBy('id').execute();
  return { ...row, children };
}

export async function insertEmailDomainBlock({ db, domain, allowWithApproval, parentId, at }: { db: Db; domain: string; allowWithApproval: boolean; parentId: string | null; at: Date }): Promise<{ id: string; domain: string }> {
  return db
    .insertInto('email_domain_blocks')
    .values({ domain, allow_with_approval: allowWithApproval, parent_id: parentId, created_at: at, updated_at: at })
    .returning(['id', 'domain'])
    .executeTakeFirstOrThrow();
}

/** Children go with their parent (foreign key ON DELETE CASCADE, `dependent: :destroy` in Mastodon). */
export async function deleteEmailDomainBlockRow({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.deleteFrom('email_domain_blocks').where('id', '=', id).execute();
}
