import { z } from 'zod';

/** The part after the last `@`, lowercased ('' when there is none). */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

/** `a.b.example` → [`a.b.example`, `b.example`, `example`]: what EmailDomainBlock matches against. */
export function parentDomains(domain: string): string[] {
  const parts = domain.split('.');
  return parts.map((_, i) => parts.slice(i).join('.')).filter((d) => d !== '');
}

export type IpRule = 'sign_up_requires_approval' | 'sign_up_block' | 'no_access';

const IP_SEVERITIES: Record<number, IpRule> = { 5000: 'sign_up_requires_approval', 5500: 'sign_up_block', 9999: 'no_access' };

export interface SignupSignals {
  emailDomain: string;
  /** 'block' = the domain (or a parent) is blocked outright; 'approval' = allowed with approval only. */
  emailDomainBlock: 'block' | 'approval' | null;
  /** Other users with an address at exactly this domain. */
  othersOnDomain: number;
  /** No other user has an address at this domain. */
  emailDomainNew: boolean;
  /** Other accounts seen on the sign-up IP. */
  othersOnIp: number;
  ipRule: IpRule | null;
  confirmed: boolean;
  invited: boolean;
  /** The sign-up reason is missing (when the server asks for one, that itself is a signal). */
  noReason: boolean;
}

/** The signals Mastodon moderators weigh for a pending sign-up, from the facts read for the page. */
export function signupSignals(
  row: { email: string; confirmedAt: Date | null; signUpIp: string | null; inviteCode: string | null; inviteRequest: string | null },
  facts: { domain?: { blocks: Array<{ allowWithApproval: boolean }>; users: number }; ip?: { users: number; blockSeverity: number | null } },
): SignupSignals {
  const blocks = facts.domain?.blocks ?? [];
  return {
    emailDomain: emailDomainOf(row.email),
    emailDomainBlock: blocks.length === 0 ? null : blocks.some((b) => !b.allowWithApproval) ? 'block' : 'approval',
    othersOnDomain: Math.max(0, (facts.domain?.users ?? 1) - 1),
    emailDomainNew: (facts.domain?.users ?? 1) <= 1,
    othersOnIp: Math.max(0, (facts.ip?.users ?? 1) - 1),
    ipRule: facts.ip?.blockSeverity != null ? (IP_SEVERITIES[facts.ip.blockSeverity] ?? null) : null,
    confirmed: row.confirmedAt !== null,
    invited: row.inviteCode !== null,
    noReason: !row.inviteRequest || row.inviteRequest.trim() === '',
  };
}

const ID = /^-?\d{1,19}$/;
export const signupDecisionSchema = z.object({
  accountId: z.string().regex(ID, 'Not an account id.'),
  decision: z.enum(['approve', 'reject']),
});
export type SignupDecisionInput = z.input<typeof signupDecisionSchema>;

/** One bulk step's outcome, shown on its row. */
export type BulkRowState = { state: 'queued' } | { state: 'running' } | { state: 'done' } | { state: 'failed'; message: string };

/** Progress of a bulk run: how many rows have finished (done or failed) out of the total. */
export function bulkProgress(states: BulkRowState[]): { finished: number; failed: number; total: number; percent: number } {
  const finished = states.filter((s) => s.state === 'done' || s.state === 'failed').length;
  const failed = states.filter((s) => s.state === 'failed').length;
  const total = states.length;
  return { finished, failed, total, percent: total === 0 ? 100 : Math.round((finished / total) * 100) };
}
