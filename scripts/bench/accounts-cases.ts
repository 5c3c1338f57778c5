import type { Db } from '../../db/client';
import { getAccountBenchSamples, listAccountAuditEntries, listAccounts } from '../../db/queries/accounts';
import { listAppeals } from '../../db/queries/appeals';
import { getEmailDomainFacts, getIpFacts, listPendingSignups } from '../../db/queries/signups';
import { emailDomainOf } from '../../lib/account-signups';
import { parseAccountSearch } from '../../lib/account-filters';
import type { BenchCase } from './cases';

const PAGE = 51;

/** The account list as the page runs it (one row more than a page, IPs shown). */
function accountsCase(name: string, params: Record<string, string> | ((db: Db) => Promise<Record<string, string>>)): BenchCase {
  return {
    name,
    prepare: async (db) => (typeof params === 'function' ? params(db) : params),
    run: (db, prepared) => listAccounts({ db, filters: parseAccountSearch(prepared as Record<string, string>).filters, limit: PAGE, withIps: true }),
  };
}

/** Accounts, sign-ups and appeals (issue #5): each filter of the account search, and the queues. */
export const ACCOUNTS_BENCH_CASES: BenchCase[] = [
  accountsCase('accounts_list_first_page', {}),
  {
    name: 'accounts_list_deep_page',
    // Keyset on the primary key: page 12 000 of 1 M accounts costs what page one does.
    prepare: async (db) => (await getAccountBenchSamples({ db })).deepId ?? undefined,
    run: (db, before) => listAccounts({ db, filters: {}, before: before as string | undefined, limit: PAGE, withIps: true }),
  },
  accountsCase('accounts_local', { origin: 'local' }),
  accountsCase('accounts_by_domain', async (db) => ({ by_domain: (await getAccountBenchSamples({ db })).domain ?? 'example.com' })),
  accountsCase('accounts_suspended', { status: 'suspended' }),
  accountsCase('accounts_sensitized', { status: 'sensitized' }),
  accountsCase('accounts_pending', { status: 'pending' }),
  accountsCase('accounts_username_prefix', { username: 'ali' }),
  accountsCase('accounts_username_no_match', { username: 'zzqzq' }),
  accountsCase('accounts_display_name_word', { display_name: 'kim' }),
  accountsCase('accounts_email_exact', { email: 'owner@palisade.test' }),
  accountsCase('accounts_email_domain', { email: '@palisade.test' }),
  accountsCase('accounts_ip_range', { ip: '198.51.100.0/24' }),
  {
    name: 'account_history_busiest_target',
    prepare: async (db) => (await getAccountBenchSamples({ db })).busiestTarget ?? { accountId: '0', userId: null },
    run: (db, p) => listAccountAuditEntries({ db, ...(p as { accountId: string; userId: string | null }), limit: 100 }),
  },
  {
    name: 'signup_queue_with_signals',
    run: async (db) => {
      const rows = await listPendingSignups({ db, limit: PAGE });
      await Promise.all([
        getEmailDomainFacts({ db, domains: [...new Set(rows.map((r) => emailDomainOf(r.email)).filter(Boolean))] }),
        getIpFacts({ db, ips: [...new Set(rows.map((r) => r.signUpIp).filter((ip): ip is string => ip !== null))] }),
      ]);
      return rows;
    },
  },
  { name: 'appeal_queue_pending', run: (db) => listAppeals({ db, status: 'pending', limit: PAGE }) },
  { name: 'appeal_queue_all', run: (db) => listAppeals({ db, status: 'all', limit: PAGE }) },
];
