import { sql, type SqlBool } from 'kysely';
import { parseCidr } from '@/lib/domain-access-blocks';
import type { Db } from '../client';

export interface IpBlockRow {
  id: string;
  /** CIDR text as PostgreSQL prints it with its prefix, e.g. 192.0.2.0/24. */
  ip: string;
  severity: number;
  comment: string;
  createdAt: Date;
  expiresAt: Date | null;
  /** Expired rows stay until Mastodon's daily job deletes them, but no longer apply. */
  expired: boolean;
}

const COLUMNS = ['id', sql<string>`host(ip) || '/' || masklen(ip)`.as('ip'), 'severity', 'comment', 'created_at', 'expires_at', sql<boolean>`(expires_at IS NOT NULL AND expires_at <= now()::timestamp)`.as('expired')] as const;

type Raw = { id: string; ip: string; severity: number; comment: string; created_at: Date; expires_at: Date | null; expired: boolean };

function toRow(r: Raw): IpBlockRow {
  return { id: r.id, ip: r.ip, severity: r.severity, comment: r.comment, createdAt: r.created_at, expiresAt: r.expires_at, expired: r.expired };
}

/** Newest first; `q` is an address (rules containing it) or text in the comment (Mastodon 4.7 searches by IP). */
export async function listIpBlocks({ db, q, severity }: { db: Db; q?: string; severity?: number }): Promise<IpBlockRow[]> {
  let query = db.selectFrom('ip_blocks').select(COLUMNS);
  if (severity) query = query.where('severity', '=', severity);
  if (q) {
    const cidr = parseCidr(q);
    query = query.where((eb) =>
      cidr.ok
        ? eb.or([sql<SqlBool>`ip >>= ${cidr.cidr}::inet`, sql<SqlBool>`ip <<= ${cidr.cidr}::inet`])
        : eb('comment', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    );
  }
  const rows = await query.orderBy('id', 'desc').limit(500).execute();
  return rows.map(toRow);
}

export async function findIpBlockByCidr({ db, cidr }: { db: Db; cidr: string }): Promise<IpBlockRow | null> {
  const row = await db.selectFrom('ip_blocks').select(COLUMNS).where(sql<SqlBool>`ip = ${cidr}::inet`).executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function lockIpBlock({ db, id }: { db: Db; id: string }): Promise<IpBlockRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const row = await db.selectFrom('ip_blocks').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function insertIpBlock({ db, cidr, severity, comment, expiresAt, at }: { db: Db; cidr: string; severity: number; comment: string; expiresAt: Date | null; at: Date }): Promise<{ id: string; ip: string }> {
  const row = await db
    .insertInto('ip_blocks')
    .values({ ip: sql<string>`${cidr}::inet`, severity, comment, expires_at: expiresAt, created_at: at, updated_at: at })
    .returning(['id', sql<string>`host(ip) || '/' || masklen(ip)`.as('ip')])
    .executeTakeFirstOrThrow();
  return row;
}

export async function deleteIpBlockRow({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.deleteFrom('ip_blocks').where('id', '=', id).execute();
}
