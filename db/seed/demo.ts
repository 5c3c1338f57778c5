import { canonicalEmailHash } from '../../lib/canonical-email';
import { normalizeUsername } from '../../lib/username-blocks';
import { domainToASCII } from 'node:url';
import bcrypt from 'bcryptjs';
import { demoBlurhash, demoImageSize, idPartition } from '../../lib/demo-media';
import type {
  AccountField,
  NewAccount,
  NewAccountDeletionRequest,
  NewAccountModerationNote,
  NewAccountRelationshipSeveranceEvent,
  NewAccountStat,
  NewAccountWarning,
  NewAccountWarningPreset,
  NewAdminActionLog,
  NewAppeal,
  NewCanonicalEmailBlock,
  NewDomainAllow,
  NewDomainBlock,
  NewEmailDomainBlock,
  NewFollow,
  NewFollowRequest,
  NewInstanceModerationNote,
  NewInvite,
  NewIpBlock,
  NewLoginActivity,
  NewMediaAttachment,
  NewMention,
  NewOauthApplication,
  NewRelationshipSeveranceEvent,
  NewReport,
  NewReportNote,
  NewRule,
  NewRuleTranslation,
  NewSetting,
  NewSeveredRelationship,
  NewStatus,
  NewStatusEdit,
  NewStatusStat,
  NewTombstone,
  NewUnavailableDomain,
  NewUser,
  NewUserInviteRequest,
  NewUsernameBlock,
  NewUserRole,
} from '../mastodon/types';
import * as C from './content';
import { Rng, WeightedTable } from './random';

/**
 * The demo instance `palisade.test`, built entirely in memory as the rows Mastodon itself would
 * have written over ~2.5 years of operation. Moderation history is replayed through a clock
 * (see Timeline) so that every state, strike, report and audit-log row agrees with every other.
 *
 * Only `now` varies between runs; the structure (which report id is about whom, which domain is
 * blocked, …) is identical for every `now`, so docs and tests can name report #1 or a domain.
 */

export const LOCAL_DOMAIN = 'palisade.test';
const BASE_URL = `https://${LOCAL_DOMAIN}`;
export const DEMO_PASSWORD = 'palisade-demo';
/** Devise stores `$2a$` hashes; a fixed salt keeps the seed byte-identical between runs. */
const DEMO_SALT = '$2a$10$PalisadeDemoSeedSalt..';
/** TOTP secret of the `twofactor` demo user (base32), so e2e tests can compute codes. */
export const DEMO_OTP_SECRET = 'PALISADEDEMO2FA2';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The demo instance opened this long before `now`. */
const INSTANCE_AGE = 900 * DAY;
/** Statuses are kept for this window (older ones were never fetched or were cleaned up). */
const STATUS_WINDOW = 90 * DAY;
/** Sign-ups have required approval since this long before `now`. */
const APPROVAL_MODE_SINCE = 400 * DAY;
/** Suspended accounts keep their data this long, then Mastodon purges it. */
const PURGE_AFTER = 30 * DAY;
/** Strikes can only be appealed within this window. */
const APPEAL_WINDOW = 20 * DAY;

export const ROLE_IDS = { everyone: '-99', moderator: '1', admin: '2', owner: '3' } as const;

export type DemoStaffKey = 'owner' | 'admin' | 'moderator' | 'moderator2' | 'twofactor' | 'disabled' | 'member';

export interface DemoStaffMember {
  key: DemoStaffKey;
  email: string;
  username: string;
  password: string;
  role: 'Owner' | 'Admin' | 'Moderator' | null;
  roleId: string | null;
  otpRequired: boolean;
  disabled: boolean;
  /** One line for CLIs and docs. */
  note: string;
}

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { key: 'owner', email: 'owner@palisade.test', username: 'owner', password: DEMO_PASSWORD, role: 'Owner', roleId: ROLE_IDS.owner, otpRequired: false, disabled: false, note: 'Owner role (administrator flag: every permission)' },
  { key: 'admin', email: 'admin@palisade.test', username: 'admin', password: DEMO_PASSWORD, role: 'Admin', roleId: ROLE_IDS.admin, otpRequired: false, disabled: false, note: 'Admin role' },
  { key: 'moderator', email: 'moderator@palisade.test', username: 'moderator', password: DEMO_PASSWORD, role: 'Moderator', roleId: ROLE_IDS.moderator, otpRequired: false, disabled: false, note: 'Moderator role' },
  { key: 'moderator2', email: 'moderator2@palisade.test', username: 'moderator2', password: DEMO_PASSWORD, role: 'Moderator', roleId: ROLE_IDS.moderator, otpRequired: false, disabled: false, note: 'Second moderator (reports assigned to someone else)' },
  { key: 'twofactor', email: 'twofactor@palisade.test', username: 'twofactor', password: DEMO_PASSWORD, role: 'Moderator', roleId: ROLE_IDS.moderator, otpRequired: true, disabled: false, note: `Moderator with two-factor login required (TOTP secret ${DEMO_OTP_SECRET})` },
  { key: 'disabled', email: 'disabled@palisade.test', username: 'disabled', password: DEMO_PASSWORD, role: 'Moderator', roleId: ROLE_IDS.moderator, otpRequired: false, disabled: true, note: 'Frozen moderator (users.disabled = true)' },
  { key: 'member', email: 'member@palisade.test', username: 'member', password: DEMO_PASSWORD, role: null, roleId: null, otpRequired: false, disabled: false, note: 'Ordinary user without a role' },
];

/** Days after the instance opened that each staff member signed up. */
const STAFF_JOINED: Record<DemoStaffKey, number> = { owner: 0, admin: 2, member: 10, moderator: 30, disabled: 60, twofactor: 120, moderator2: 200 };
const STAFF_PROFILE: Record<DemoStaffKey, { displayName: string; note: string; lang: C.Lang }> = {
  owner: { displayName: 'Mara Lindqvist', note: 'Runs palisade.test. Write to admin@palisade.test for anything account-related.', lang: 'en' },
  admin: { displayName: 'Jonas Weber (admin)', note: 'Admin team. Federation, blocks, server settings.', lang: 'de' },
  moderator: { displayName: 'Kim Okafor 🛡️', note: 'Moderator. I read every report, promise.', lang: 'en' },
  moderator2: { displayName: 'Adé Fernández', note: 'Moderación / moderation. ES, EN, FR.', lang: 'es' },
  twofactor: { displayName: 'Ravi Patel 🔐', note: 'Moderator on the night shift.', lang: 'en' },
  disabled: { displayName: 'Former moderator', note: '', lang: 'en' },
  member: { displayName: 'Sam Member', note: 'Just a regular member of palisade.test.', lang: 'en' },
};

// ---------------------------------------------------------------------------------------------
// Output

export interface DemoDataset {
  userRoles: NewUserRole[];
  oauthApplications: NewOauthApplication[];
  settings: NewSetting[];
  rules: NewRule[];
  ruleTranslations: NewRuleTranslation[];
  accountWarningPresets: NewAccountWarningPreset[];
  usernameBlocks: NewUsernameBlock[];
  domainBlocks: NewDomainBlock[];
  domainAllows: NewDomainAllow[];
  unavailableDomains: NewUnavailableDomain[];
  emailDomainBlocks: NewEmailDomainBlock[];
  ipBlocks: NewIpBlock[];
  accounts: NewAccount[];
  /** Applied after all accounts exist (self-referencing foreign key). */
  accountMoves: { id: string; moved_to_account_id: string }[];
  users: NewUser[];
  invites: NewInvite[];
  /** Applied after invites exist (users.invite_id and invites.user_id reference each other). */
  userInvites: { id: string; invite_id: string }[];
  userInviteRequests: NewUserInviteRequest[];
  loginActivities: NewLoginActivity[];
  statuses: NewStatus[];
  mediaAttachments: NewMediaAttachment[];
  mentions: NewMention[];
  statusStats: NewStatusStat[];
  statusEdits: NewStatusEdit[];
  tombstones: NewTombstone[];
  follows: NewFollow[];
  followRequests: NewFollowRequest[];
  relationshipSeveranceEvents: NewRelationshipSeveranceEvent[];
  severedRelationships: NewSeveredRelationship[];
  accountRelationshipSeveranceEvents: NewAccountRelationshipSeveranceEvent[];
  reports: NewReport[];
  reportNotes: NewReportNote[];
  accountWarnings: NewAccountWarning[];
  appeals: NewAppeal[];
  accountModerationNotes: NewAccountModerationNote[];
  instanceModerationNotes: NewInstanceModerationNote[];
  accountDeletionRequests: NewAccountDeletionRequest[];
  canonicalEmailBlocks: NewCanonicalEmailBlock[];
  adminActionLogs: NewAdminActionLog[];
  accountStats: NewAccountStat[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function date(ms: number): Date {
  return new Date(ms);
}

function dateOrNull(ms: number | null | undefined): Date | null {
  return ms === null || ms === undefined ? null : new Date(ms);
}

/** Snowflake ids computed like Mastodon's timestamp_id, with the sequence part from a counter. */
class Snowflakes {
  #seq = 0;
  readonly #used = new Set<string>();

  next(ms: number): string {
    for (;;) {
      // The low 15 bits only: large-scale seeding uses the upper half (0x8000…) so the two never collide.
      const id = ((BigInt(Math.floor(ms)) << 16n) | BigInt(this.#seq++ & 0x7fff)).toString();
      if (!this.#used.has(id)) {
        this.#used.add(id);
        return id;
      }
    }
  }
}

/** Replays moderation history in time order, so ids of sequence tables follow creation order. */
class Timeline {
  readonly #heap: { t: number; seq: number; run: () => void }[] = [];
  #seq = 0;

  constructor(private readonly endMs: number) {}

  at(t: number, run: () => void): void {
    // Anything scheduled after `now` simply has not happened yet.
    if (t > this.endMs) return;
    const item = { t, seq: this.#seq++, run };
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (Timeline.#less(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  run(): void {
    const heap = this.#heap;
    while (heap.length > 0) {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && Timeline.#less(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && Timeline.#less(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          [heap[m], heap[i]] = [heap[i]!, heap[m]!];
          i = m;
        }
      }
      top.run();
    }
  }

  static #less(a: { t: number; seq: number }, b: { t: number; seq: number }): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }
}

// ---------------------------------------------------------------------------------------------
// World model

type Software = 'mastodon' | 'misskey' | 'pleroma' | 'gotosocial' | 'akkoma';
type DomainKind = 'normal' | 'spam' | 'troll' | 'hostile' | 'dead';
type AccountKind = 'instance' | 'staff' | 'local' | 'pending' | 'puppet' | 'localbot' | 'remote' | 'actor' | 'spammer' | 'troll' | 'hostile';

interface Dom {
  domain: string;
  unicode: string;
  software: Software;
  kind: DomainKind;
  size: number;
  lang: C.Lang | null;
  firstSeenMs: number;
  parent: Dom | null;
  block: Blk | null;
  actor: Acc | null;
  accounts: Acc[];
}

interface Blk {
  id: number;
  dom: Dom | null;
  domain: string;
  severity: 0 | 1 | 2;
  createdMs: number;
  updatedMs: number;
  rejectMedia: boolean;
  rejectReports: boolean;
  obfuscate: boolean;
  publicComment: string | null;
  privateComment: string | null;
  by: DemoStaffKey;
}

interface MediaFile {
  fileName: string | null;
  size: number | null;
  remoteUrl: string | null;
  updatedMs: number;
}

interface Acc {
  id: string;
  kind: AccountKind;
  username: string;
  dom: Dom | null;
  lang: C.Lang;
  createdMs: number;
  updatedMs: number;
  displayName: string;
  note: string;
  fields: AccountField[] | null;
  actorType: string | null;
  locked: boolean;
  discoverable: boolean | null;
  indexable: boolean;
  avatar: MediaFile | null;
  header: MediaFile | null;
  /** Relative posting rate. */
  activity: number;
  /** Relative chance to be followed. */
  popularity: number;
  troublemaker: boolean;
  silencedMs: number | null;
  suspendedMs: number | null;
  suspensionOrigin: 0 | 1 | null;
  sensitizedMs: number | null;
  requestedDeletionMs: number | null;
  deletionRequestMs: number | null;
  memorial: boolean;
  movedTo: Acc | null;
  alsoKnownAs: string[] | null;
  purged: boolean;
  user: Usr | null;
  statuses: St[];
  remoteUid: string;
  idScheme: 0 | 1 | null;
  lastWebfingerMs: number | null;
  /** Remote servers report bigger counters than what we know locally. */
  extraStatuses: number;
  extraFollowers: number;
  extraFollowing: number;
  hasStats: boolean;
}

interface Usr {
  id: number;
  acc: Acc;
  email: string;
  createdMs: number;
  confirmedMs: number | null;
  confirmationToken: string | null;
  approved: boolean;
  rejected: boolean;
  approvedBy: { by: Acc; ms: number } | null;
  disabled: boolean;
  roleId: string | null;
  signUpIp: string;
  locale: string;
  otp: boolean;
  inviteId: number | null;
  inviteRequest: string | null;
  appId: number | null;
  chosenLanguages: string[] | null;
  timeZone: string | null;
  signIns: { ms: number; ip: string; ua: string; success: boolean; method: string; failure: string | null }[];
}

interface Med {
  id: string;
  type: number;
  createdMs: number;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  meta: Record<string, unknown> | null;
  remoteUrl: string;
  description: string | null;
  blurhash: string | null;
  storage: number | null;
  shortcode: string | null;
  processing: number | null;
}

interface St {
  id: string;
  acc: Acc;
  createdMs: number;
  text: string;
  spoiler: string;
  sensitive: boolean;
  visibility: number;
  lang: string | null;
  replyTo: St | null;
  reblogOf: St | null;
  conversationId: number;
  uri: string;
  url: string | null;
  media: Med[];
  mentions: Acc[];
  deletedMs: number | null;
  editedMs: number | null;
  edits: { ms: number; text: string; spoiler: string; sensitive: boolean; editor: Acc }[];
  /** Hard-deleted (never inserted): purged with its account, or destroyed by a moderator. */
  removed: boolean;
  removedMs: number | null;
  favs: number;
  appId: number | null;
  tag: 'normal' | 'spam' | 'troll' | 'hostile';
  boosts: St[];
  replies: St[];
}

interface Rep {
  id: number;
  reporter: Acc;
  target: Acc;
  category: 0 | 1000 | 1500 | 2000;
  comment: string;
  statuses: St[];
  ruleIds: number[] | null;
  createdMs: number;
  updatedMs: number;
  resolvedMs: number | null;
  resolvedBy: Acc | null;
  assignedTo: Acc | null;
  forwarded: boolean;
  uri: string;
  appId: number | null;
}

interface Strike {
  id: number;
  by: Acc;
  target: Acc;
  action: 0 | 1000 | 1250 | 1500 | 2000 | 3000 | 4000;
  report: Rep | null;
  statusIds: string[] | null;
  text: string;
  createdMs: number;
  updatedMs: number;
  overruledMs: number | null;
}

interface Appeal {
  id: number;
  acc: Acc;
  strike: Strike;
  text: string;
  createdMs: number;
  updatedMs: number;
  approved: { by: Acc; ms: number } | null;
  rejected: { by: Acc; ms: number } | null;
}

type Outcome = 'dismiss' | 'none' | 'disable' | 'mark' | 'delete' | 'sensitive' | 'silence' | 'suspend';

interface ReportSpec {
  r: Rng;
  createdMs: number;
  /** Chosen when the report is filed, so availability (not suspended yet, …) is judged at that moment. */
  reporter: Acc | (() => Acc | null);
  target: Acc | (() => Acc | null);
  category: 0 | 1000 | 1500 | 2000;
  comment?: string;
  statuses?: St[] | ((target: Acc, ms: number) => St[]);
  ruleIds?: number[];
  forwarded?: boolean;
  resolve?: {
    ms: number;
    outcome: Outcome;
    by?: Acc;
    text?: string;
    appeal?: 'random' | 'none' | { afterMs: number; decision: 'approve' | 'reject' | 'pending'; decideAfterMs?: number };
  };
  assign?: { ms: number; to?: Acc };
  notes?: { ms: number; by?: Acc; text?: string }[];
  reopen?: { ms: number; resolveAgainMs?: number };
  authorDeletesMs?: number;
}

const STRIKE_ACTION: Record<'none' | 'disable' | 'sensitive' | 'silence' | 'suspend', Strike['action']> = {
  none: 0,
  disable: 1000,
  sensitive: 2000,
  silence: 3000,
  suspend: 4000,
};

// ---------------------------------------------------------------------------------------------
// Builder

export function buildDemo(now: Date): DemoDataset {
  return new DemoBuilder(now.getTime()).build();
}

class DemoBuilder {
  readonly now: number;
  readonly founded: number;
  readonly root = new Rng('palisade-demo/v1');
  readonly passwordHash = bcrypt.hashSync(DEMO_PASSWORD, DEMO_SALT);

  readonly accountIds = new Snowflakes();
  readonly statusIds = new Snowflakes();
  readonly mediaIds = new Snowflakes();

  readonly domains: Dom[] = [];
  readonly domainByName = new Map<string, Dom>();
  readonly blocks: Blk[] = [];
  readonly accounts: Acc[] = [];
  readonly usernames = new Set<string>();
  readonly staff = new Map<DemoStaffKey, Acc>();
  instanceActor!: Acc;
  readonly users: Usr[] = [];
  readonly statuses: St[] = [];
  readonly follows = new Map<string, { a: Acc; b: Acc; ms: number; uri: string; reblogs: boolean; notify: boolean }>();
  readonly followRequests: { a: Acc; b: Acc; ms: number; uri: string }[] = [];
  readonly reports: Rep[] = [];
  readonly strikes: Strike[] = [];
  readonly appeals: Appeal[] = [];
  readonly logs: NewAdminActionLog[] = [];
  readonly reportNotes: NewReportNote[] = [];
  readonly accountNotes: NewAccountModerationNote[] = [];
  readonly instanceNotes: NewInstanceModerationNote[] = [];
  readonly canonicalBlocks: { hash: string; acc: Acc | null; ms: number; id: number; deleted: boolean }[] = [];
  readonly tombstones: { acc: Acc; uri: string; ms: number }[] = [];
  readonly emailBlocks: { id: number; domain: string; parent: number | null; approval: boolean; ms: number }[] = [];
  readonly ipBlocks: { id: number; ip: string; severity: number; comment: string; ms: number; expiresMs: number | null }[] = [];
  readonly domainAllows: { id: number; domain: string; ms: number }[] = [];
  readonly unavailable: { id: number; domain: string; ms: number }[] = [];
  readonly invites: { id: number; user: Usr; code: string; ms: number; expiresMs: number | null; maxUses: number | null; uses: number; autofollow: boolean; comment: string | null }[] = [];
  readonly severance: { id: number; domain: string; ms: number; rels: { local: Acc; remote: Acc; direction: 0 | 1; reblogs: boolean; notify: boolean }[] }[] = [];
  readonly rules: { id: number; text: string; hint: string; priority: number; createdMs: number; deletedMs: number | null; translations: [string, string, string][] }[] = [];
  timeline!: Timeline;
  conversationSeq = 0;
  userSeq = 0;

  constructor(now: number) {
    this.now = now;
    this.founded = now - INSTANCE_AGE;
  }

  build(): DemoDataset {
    this.buildRules();
    this.buildDomains();
    this.buildInstanceActor();
    this.buildStaff();
    this.buildLocalAccounts();
    this.buildRemoteAccounts();
    this.buildUsers();
    this.buildStatuses();
    this.buildFollows();
    this.timeline = new Timeline(this.now);
    this.scheduleFederation();
    this.scheduleSignUps();
    this.scheduleStaffEvents();
    this.scheduleReports();
    this.scheduleStandaloneStrikes();
    this.scheduleNotes();
    this.timeline.run();
    this.purge();
    return this.rows();
  }

  // ---------------------------------------------------------------------------------------
  // Small utilities

  acct(acc: Acc): string {
    return acc.dom ? `${acc.username}@${acc.dom.domain}` : acc.username;
  }

  profileUrl(acc: Acc): string {
    if (!acc.dom) return `${BASE_URL}/@${acc.username}`;
    return this.remoteUrls(acc).url;
  }

  remoteUrls(acc: Acc): { uri: string; url: string; inbox: string; outbox: string; followers: string; following: string; shared: string; featured: string | null } {
    const d = acc.dom!.domain;
    switch (acc.dom!.software) {
      case 'misskey':
        return {
          uri: `https://${d}/users/${acc.remoteUid}`,
          url: `https://${d}/@${acc.username}`,
          inbox: `https://${d}/users/${acc.remoteUid}/inbox`,
          outbox: `https://${d}/users/${acc.remoteUid}/outbox`,
          followers: `https://${d}/users/${acc.remoteUid}/followers`,
          following: `https://${d}/users/${acc.remoteUid}/following`,
          shared: `https://${d}/inbox`,
          featured: `https://${d}/users/${acc.remoteUid}/collections/featured`,
        };
      case 'pleroma':
      case 'akkoma':
        return {
          uri: `https://${d}/users/${acc.username}`,
          url: `https://${d}/users/${acc.username}`,
          inbox: `https://${d}/users/${acc.username}/inbox`,
          outbox: `https://${d}/users/${acc.username}/outbox`,
          followers: `https://${d}/users/${acc.username}/followers`,
          following: `https://${d}/users/${acc.username}/following`,
          shared: `https://${d}/inbox`,
          featured: `https://${d}/users/${acc.username}/collections/featured`,
        };
      default:
        return {
          uri: `https://${d}/users/${acc.username}`,
          url: `https://${d}/@${acc.username}`,
          inbox: `https://${d}/users/${acc.username}/inbox`,
          outbox: `https://${d}/users/${acc.username}/outbox`,
          followers: `https://${d}/users/${acc.username}/followers`,
          following: `https://${d}/users/${acc.username}/following`,
          shared: acc.dom!.software === 'gotosocial' ? '' : `https://${d}/inbox`,
          featured: acc.dom!.software === 'gotosocial' ? null : `https://${d}/users/${acc.username}/collections/featured`,
        };
    }
  }

  /** ActivityPub id of a local account (4.5+ numeric scheme for newer accounts). */
  localActorUri(acc: Acc): string {
    return acc.idScheme === 1 ? `${BASE_URL}/ap/users/${acc.id}` : `${BASE_URL}/users/${acc.username}`;
  }

  log(ms: number, actor: Acc, action: string, targetType: string, targetId: string | number | null, human: string | null, extra: { routeParam?: string; permalink?: string } = {}): void {
    this.logs.push({
      id: String(this.logs.length + 1),
      account_id: actor.id,
      action,
      target_type: targetType,
      target_id: targetId === null ? null : String(targetId),
      human_identifier: human,
      route_param: extra.routeParam ?? null,
      permalink: extra.permalink ?? null,
      created_at: date(ms),
      updated_at: date(ms),
    });
  }

  /** Staff able to act at `ms` with the given permission (roles from mastodon.md §3.8). */
  moderatorsAt(ms: number, permission: 'reports' | 'federation' | 'appeals' | 'blocks' | 'users' | 'delete_data'): [Acc, number][] {
    const admins: [DemoStaffKey, number][] = [['admin', 6], ['owner', 3]];
    const mods: [DemoStaffKey, number][] = [['moderator', 10], ['moderator2', 8], ['twofactor', 4], ['disabled', 4], ['admin', 4], ['owner', 1]];
    const candidates = permission === 'reports' || permission === 'users' ? mods : admins;
    const out: [Acc, number][] = [];
    for (const [key, weight] of candidates) {
      const acc = this.staff.get(key)!;
      if (acc.createdMs > ms) continue;
      // The frozen moderator stopped acting when the account was frozen.
      if (key === 'disabled' && ms >= this.disabledModeratorFrozenAt()) continue;
      out.push([acc, weight]);
    }
    return out.length > 0 ? out : [[this.staff.get('owner')!, 1]];
  }

  pickModerator(r: Rng, ms: number, permission: Parameters<DemoBuilder['moderatorsAt']>[1]): Acc {
    return r.weighted(this.moderatorsAt(ms, permission));
  }

  disabledModeratorFrozenAt(): number {
    return this.now - 120 * DAY;
  }

  newAccount(partial: Partial<Acc> & Pick<Acc, 'kind' | 'username' | 'dom' | 'lang' | 'createdMs'>): Acc {
    const acc: Acc = {
      id: partial.id ?? this.accountIds.next(partial.createdMs),
      displayName: '',
      note: '',
      fields: null,
      actorType: 'Person',
      locked: false,
      discoverable: null,
      indexable: false,
      avatar: null,
      header: null,
      activity: 0,
      popularity: 0,
      troublemaker: false,
      silencedMs: null,
      suspendedMs: null,
      suspensionOrigin: null,
      sensitizedMs: null,
      requestedDeletionMs: null,
      deletionRequestMs: null,
      memorial: false,
      movedTo: null,
      alsoKnownAs: null,
      purged: false,
      user: null,
      statuses: [],
      remoteUid: partial.username,
      idScheme: null,
      lastWebfingerMs: null,
      extraStatuses: 0,
      extraFollowers: 0,
      extraFollowing: 0,
      hasStats: true,
      updatedMs: partial.createdMs,
      ...partial,
    };
    this.usernames.add(`${acc.username.toLowerCase()}@${acc.dom?.domain ?? ''}`);
    this.accounts.push(acc);
    acc.dom?.accounts.push(acc);
    return acc;
  }

  uniqueUsername(r: Rng, base: string, domain: string | null, local: boolean): string {
    const clean = (s: string) => (local ? s.toLowerCase().replace(/[^a-z0-9_]/g, '') : s.replace(/[^A-Za-z0-9_.-]/g, '')).slice(0, 24) || 'user';
    let candidate = clean(base);
    for (let attempt = 0; this.usernames.has(`${candidate.toLowerCase()}@${domain ?? ''}`); attempt++) {
      candidate = clean(`${base}${attempt < 3 ? r.pick(C.USERNAME_DECOR) : ''}${attempt >= 2 ? r.int(2, 9999) : ''}`);
    }
    return candidate;
  }

  rename(r: Rng, acc: Acc, base: string): void {
    this.usernames.delete(`${acc.username.toLowerCase()}@${acc.dom?.domain ?? ''}`);
    acc.username = this.uniqueUsername(r, base, acc.dom?.domain ?? null, !acc.dom);
    acc.remoteUid = acc.username;
    this.usernames.add(`${acc.username.toLowerCase()}@${acc.dom?.domain ?? ''}`);
  }

  personName(r: Rng, lang: C.Lang): { display: string; handle: string } {
    const pool = C.NAMES[lang];
    // Handles are listed in the same order as given names, so "Anna Schmidt" is usually @anna….
    const index = r.int(0, pool.given.length - 1);
    const given = pool.given[index]!;
    const family = r.pick(pool.family);
    const handle = r.chance(0.85) ? pool.handles[index % pool.handles.length]! : r.pick(pool.handles);
    const eastAsian = lang === 'ja' || lang === 'zh' || lang === 'ko';
    let display: string;
    const style = r.next();
    if (style < 0.5) display = eastAsian ? `${family}${lang === 'ko' ? ' ' : ''}${given}` : `${given} ${family}`;
    else if (style < 0.75) display = given;
    else if (style < 0.85) display = '';
    else display = `${given}${r.pick(C.NAME_SUFFIXES)}`;
    const handleStyle = r.next();
    const familyAscii = r.pick(C.NAMES.en.family).toLowerCase();
    const base = handleStyle < 0.4 ? handle : handleStyle < 0.7 ? `${handle}${r.pick(C.USERNAME_DECOR)}` : handleStyle < 0.85 ? `${handle}_${familyAscii}` : `${handle}${r.int(1, 99)}`;
    return { display, handle: base };
  }

  avatarFile(r: Rng, acc: Acc, kind: 'avatars' | 'headers', ms: number): MediaFile {
    const ext = r.chance(0.8) ? 'png' : 'jpeg';
    const fileName = `${r.hex(16)}.${ext}`;
    let remoteUrl: string | null = null;
    if (acc.dom) {
      const d = acc.dom.domain;
      remoteUrl =
        acc.dom.software === 'misskey'
          ? `https://${d}/files/webpublic-${r.uuid()}`
          : `https://files.${d}/accounts/${kind}/${idPartition(String(BigInt(ms) << 16n))}/original/${r.hex(16)}.${ext}`;
    }
    const cached = !acc.dom || !this.rejectsMedia(acc.dom, ms);
    return { fileName: cached ? fileName : null, size: r.int(8_000, 480_000), remoteUrl, updatedMs: ms };
  }

  /** reject_media (and suspension) also clears media cached before the block. */
  rejectsMedia(dom: Dom, _ms?: number): boolean {
    const b = this.effectiveBlock(dom);
    return Boolean(b && (b.rejectMedia || b.severity === 1));
  }

  /** Last moment an account could post or follow: moves, suspensions and domain suspensions end it. */
  activeUntil(acc: Acc): number {
    let end = this.now - MIN;
    if (acc.movedTo) end = Math.min(end, acc.updatedMs);
    if (acc.suspensionOrigin === 1 && acc.suspendedMs !== null) end = Math.min(end, acc.suspendedMs - MIN);
    const block = acc.dom ? this.effectiveBlock(acc.dom) : null;
    if (block?.severity === 1) end = Math.min(end, block.createdMs - MIN);
    return end;
  }

  /** The block that applies to a domain: its own, or its parent's. */
  effectiveBlock(dom: Dom): Blk | null {
    return dom.block ?? dom.parent?.block ?? null;
  }

  // ---------------------------------------------------------------------------------------
  // Rules

  buildRules(): void {
    const r = this.root.fork('rules');
    const created = this.founded + 1 * DAY;
    const deletedRuleCreated = this.founded + 100 * DAY;
    const deletedAt = this.now - 150 * DAY;
    let id = 0;
    let priority = 0;
    for (const [i, rule] of C.RULES.entries()) {
      // The crypto rule was added in between and later deleted; rule 6 and 7 came after it.
      if (i === 5) {
        this.rules.push({ id: ++id, text: C.DELETED_RULE.text, hint: C.DELETED_RULE.hint, priority: 5, createdMs: deletedRuleCreated, deletedMs: deletedAt, translations: [['de', 'Keine Beiträge über Kryptowährungen oder NFTs auf der lokalen Zeitleiste.', '']] });
      }
      const createdMs = i < 5 ? created + i * MIN : i === 5 ? this.founded + 250 * DAY : this.founded + 500 * DAY;
      const translations = Object.entries(rule.translations)
        .filter(() => r.chance(0.9))
        .map(([lang, [text, hint]]) => [lang, text, hint] as [string, string, string]);
      this.rules.push({ id: ++id, text: rule.text, hint: rule.hint, priority: priority++, createdMs, deletedMs: null, translations });
    }
  }

  ruleIdsAt(ms: number): number[] {
    return this.rules.filter((rule) => rule.createdMs <= ms && (rule.deletedMs === null || rule.deletedMs > ms)).map((rule) => rule.id);
  }

  // ---------------------------------------------------------------------------------------
  // Servers

  buildDomains(): void {
    const r = this.root.fork('domains');
    const firstSeen = () => this.founded + r.int(0, 700) * DAY + r.int(0, DAY - 1);
    const add = (unicode: string, opts: Partial<Dom> = {}): Dom => {
      const domain = domainToASCII(unicode) || unicode;
      const existing = this.domainByName.get(domain);
      if (existing) return existing;
      const tld = domain.split('.').pop() ?? '';
      const langByTld: Record<string, C.Lang> = { de: 'de', at: 'de', ch: 'de', fr: 'fr', be: 'fr', jp: 'ja', br: 'pt', es: 'es', it: 'it', nl: 'nl', pl: 'pl', se: 'sv', fi: 'fi' };
      const dom: Dom = {
        domain,
        unicode,
        software: r.weighted(C.SOFTWARE),
        kind: 'normal',
        size: 1 + r.pareto(80, 0.95),
        lang: langByTld[tld] ?? null,
        firstSeenMs: firstSeen(),
        parent: null,
        block: null,
        actor: null,
        accounts: [],
        ...opts,
      };
      this.domains.push(dom);
      this.domainByName.set(domain, dom);
      return dom;
    };

    // Named servers first, so their place in every list is stable.
    add(C.SPECIAL_DOMAINS.flagger, { software: 'mastodon', size: 45, lang: 'en', firstSeenMs: this.founded + 3 * DAY });
    const parent = add(C.SPECIAL_DOMAINS.parent, { software: 'mastodon', size: 0, firstSeenMs: this.founded + 200 * DAY });
    add(C.SPECIAL_DOMAINS.subdomain, { software: 'mastodon', size: 14, parent, firstSeenMs: this.founded + 150 * DAY });
    add(C.SPECIAL_DOMAINS.spam, { software: 'mastodon', kind: 'spam', size: 3, firstSeenMs: this.now - 7 * HOUR });
    add(C.SPECIAL_DOMAINS.harassment, { software: 'pleroma', kind: 'troll', size: 16, firstSeenMs: this.founded + 40 * DAY });
    add(C.SPECIAL_DOMAINS.hostile, { software: 'mastodon', kind: 'hostile', size: 6, firstSeenMs: this.now - 60 * DAY });
    // Big general-purpose servers most of our users talk to.
    for (const [name, size] of [['mastodon.bitforge.social', 240], ['social.nordlicht.de', 150], ['toot.lighthouse.town', 120], ['fedi.orbit.space', 90], ['mstdn.sakura.jp', 80]] as const) {
      add(name, { software: 'mastodon', size, firstSeenMs: this.founded + r.int(0, 5) * DAY });
    }
    for (const unicode of C.IDN_DOMAINS) add(unicode, { size: r.int(2, 22), software: 'mastodon' });
    for (const name of C.SPAM_DOMAIN_NAMES) add(name, { kind: 'spam', size: r.int(0, 7) });
    for (const name of C.TROLL_DOMAIN_NAMES) add(name, { kind: 'troll', size: r.int(0, 10) });
    add('oldtown.social', { kind: 'dead', size: 9, software: 'mastodon' });
    add('shutdown.example', { kind: 'dead', size: 3, software: 'pleroma' });

    let guard = 0;
    while (this.domains.length < 300 && guard++ < 10_000) {
      const style = r.next();
      const word = r.pick(C.DOMAIN_WORDS);
      const tld = r.weighted(C.TLDS);
      let name: string;
      if (style < 0.35) name = `${r.pick(C.DOMAIN_PREFIXES)}.${word}.${tld}`;
      else if (style < 0.6) name = `${word}${r.pick(C.DOMAIN_SUFFIXES)}`;
      else if (style < 0.8) name = `${word}-${r.pick(C.DOMAIN_WORDS)}.${tld}`;
      else name = `${word}.${tld}`;
      add(name);
    }
    // A handful of single-user servers (one person, one domain).
    for (const d of this.domains) if (d.kind === 'normal' && d.size === 1 && r.chance(0.3)) d.software = r.pick(['gotosocial', 'akkoma', 'mastodon'] as const);
    this.planDomainBlocks();
  }

  /**
   * Which servers are blocked and since when is decided up front: accounts, posts and follows
   * must respect it (nobody from a suspended server is known after its block). The blocks are
   * "created" later by the timeline, which also applies them to accounts.
   */
  planDomainBlocks(): void {
    const r = this.root.fork('domain-blocks');
    const plan = (dom: Dom | null, domain: string, severity: 0 | 1 | 2, createdMs: number, opts: Partial<Blk> = {}): Blk => {
      const kind = severity === 1 ? 'suspend' : severity === 0 ? 'silence' : 'noop';
      const comments = C.DOMAIN_BLOCK_COMMENTS[kind];
      const blk: Blk = {
        id: 0,
        dom,
        domain,
        severity,
        createdMs: Math.floor(Math.min(createdMs, this.now - HOUR)),
        updatedMs: 0,
        rejectMedia: severity === 2 ? r.chance(0.6) : severity === 0 && r.chance(0.3),
        rejectReports: severity === 2 ? r.chance(0.5) : severity === 0 && r.chance(0.2),
        obfuscate: false,
        publicComment: r.chance(0.85) ? r.pick(comments.public) || null : null,
        privateComment: r.chance(0.7) ? r.pick(comments.private) : null,
        by: r.chance(0.65) ? 'admin' : 'owner',
        ...opts,
      };
      if (blk.severity === 2 && !blk.rejectMedia && !blk.rejectReports) blk.rejectMedia = true;
      blk.updatedMs = r.chance(0.15) ? Math.min(this.now - MIN, blk.createdMs + r.int(1, 60) * DAY) : blk.createdMs;
      if (dom) dom.block = blk;
      this.blocks.push(blk);
      return blk;
    };
    const after = (dom: Dom, minDays: number, maxDays: number) => Math.min(this.now - DAY, dom.firstSeenMs + r.int(minDays, maxDays) * DAY + r.int(0, DAY));
    const byName = (name: string) => this.domainByName.get(name)!;
    const idn = (unicode: string) => byName(domainToASCII(unicode));

    plan(byName(C.SPECIAL_DOMAINS.harassment), C.SPECIAL_DOMAINS.harassment, 1, this.founded + 60 * DAY, { publicComment: 'Harassment, hate speech', privateComment: 'Coordinated harassment of local users. Admin is the main harasser. See the reports from the first months.' });
    C.TROLL_DOMAIN_NAMES.forEach((name, i) => {
      const dom = byName(name);
      const severity = i < 8 ? 1 : i < 11 ? 0 : 2;
      plan(dom, name, severity, after(dom, 2, 120), { obfuscate: i % 3 === 0, ...(severity === 2 ? { rejectReports: true } : {}) });
    });
    C.SPAM_DOMAIN_NAMES.forEach((name, i) => {
      if (i === 9) return; // not blocked (yet)
      const dom = byName(name);
      plan(dom, name, i < 7 ? 1 : 0, after(dom, 0, 30), { publicComment: 'Spam' });
    });
    plan(byName(C.SPECIAL_DOMAINS.parent), C.SPECIAL_DOMAINS.parent, 0, this.founded + 300 * DAY, { publicComment: 'Poorly moderated', privateComment: 'Covers social.example.org and every other subdomain. Revisit when they get a moderation team.', rejectMedia: false, rejectReports: false });
    plan(idn('соцсеть.example'), domainToASCII('соцсеть.example'), 0, after(idn('соцсеть.example'), 5, 200));
    plan(idn('mastodón.example'), domainToASCII('mastodón.example'), 2, after(idn('mastodón.example'), 5, 200), { rejectMedia: true, rejectReports: false, publicComment: 'Media rejected: unmarked explicit media' });
    plan(idn('طيور.example'), domainToASCII('طيور.example'), 1, after(idn('طيور.example'), 5, 200), { obfuscate: true });
    plan(idn('ñandú.example'), domainToASCII('ñandú.example'), 2, after(idn('ñandú.example'), 5, 200), { rejectMedia: false, rejectReports: true, publicComment: 'Reports ignored: report spam' });
    // Mid-sized general servers; the big partners and the allow-listed ones stay unblocked.
    const normal = this.domains.filter((d) => d.kind === 'normal' && !d.block && !d.parent && d.size >= 2 && d.size <= 60 && d.domain !== C.SPECIAL_DOMAINS.flagger && !d.domain.startsWith('xn--'));
    const picked = r.sample(normal, 10);
    picked.forEach((dom, i) => plan(dom, dom.domain, i < 6 ? 0 : i < 9 ? 2 : 1, after(dom, 10, 400)));
    // Imported from a shared blocklist in one go: servers nobody here has seen.
    const importMs = this.now - 210 * DAY;
    const seen = new Set(this.domains.map((d) => d.domain));
    for (let i = 0; i < 15; i++) {
      let name = '';
      do name = `${r.pick(['hate', 'raid', 'doxx', 'grift', 'chud', 'bot', 'spam', 'edge', 'kiwi', 'slur'])}${r.pick(['zone', 'hub', 'base', 'den', 'pit', 'farm', 'haven', 'land'])}.${r.pick(['xyz', 'club', 'online', 'site', 'top', 'example', 'social'])}`;
      while (seen.has(name));
      seen.add(name);
      plan(null, name, 1, importMs + i * 2_000, { publicComment: r.pick(['Harassment', 'Hate speech', 'Spam', 'CSAM']), privateComment: `Imported from oliphant-tier0.csv on ${new Date(importMs).toISOString().slice(0, 10)}`, obfuscate: i % 4 === 0, by: 'admin', updatedMs: importMs + i * 2_000 });
    }
    // Zero-account servers blocked preemptively or with media/report flags only.
    for (let i = 0; i < 8; i++) {
      let name = '';
      do name = `${r.pick(C.DOMAIN_WORDS)}-${r.pick(['bots', 'nsfw', 'relay', 'mirror', 'archive', 'scraper'])}.${r.weighted(C.TLDS)}`;
      while (seen.has(name));
      seen.add(name);
      plan(null, name, i < 4 ? 0 : 2, this.now - r.int(20, 600) * DAY);
    }
    // Keep block timestamps unique: the account linkage relies on equality with created_at.
    const times = new Set<number>();
    for (const b of this.blocks) {
      while (times.has(b.createdMs)) b.createdMs += 1000;
      times.add(b.createdMs);
      if (b.updatedMs < b.createdMs) b.updatedMs = b.createdMs;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Accounts

  buildInstanceActor(): void {
    this.instanceActor = this.newAccount({
      id: '-99',
      kind: 'instance',
      username: 'mastodon.internal',
      dom: null,
      lang: 'en',
      createdMs: this.founded,
      actorType: 'Application',
      locked: true,
      discoverable: false,
      hasStats: false,
    });
  }

  buildStaff(): void {
    const r = this.root.fork('staff');
    for (const member of DEMO_STAFF) {
      const profile = STAFF_PROFILE[member.key];
      const createdMs = this.founded + STAFF_JOINED[member.key] * DAY + r.int(1, 8 * HOUR);
      const acc = this.newAccount({
        kind: 'staff',
        username: member.username,
        dom: null,
        lang: profile.lang,
        createdMs,
        displayName: profile.displayName,
        note: profile.note,
        activity: member.key === 'disabled' ? 0.5 : 3,
        popularity: member.key === 'owner' ? 12 : 4,
        discoverable: true,
        indexable: true,
        idScheme: 0,
        fields: member.key === 'owner' ? [{ name: 'Contact', value: 'admin@palisade.test' }, { name: 'Pronouns', value: 'she/her' }] : null,
      });
      acc.avatar = member.key === 'disabled' ? null : this.avatarFile(r, acc, 'avatars', createdMs + HOUR);
      if (member.key === 'owner' || member.key === 'admin') acc.header = this.avatarFile(r, acc, 'headers', createdMs + HOUR);
      this.staff.set(member.key, acc);
    }
  }

  localCreatedAt(r: Rng): number {
    const roll = r.next();
    let ms: number;
    if (roll < 0.45) ms = this.founded + r.next() * (INSTANCE_AGE - 21 * DAY);
    else if (roll < 0.7) ms = this.founded + 90 * DAY + (r.next() - 0.5) * 40 * DAY;
    else ms = this.now - 380 * DAY + (r.next() - 0.5) * 60 * DAY;
    return Math.floor(Math.min(Math.max(ms, this.founded + DAY), this.now - 21 * DAY));
  }

  buildLocalAccounts(): void {
    const r = this.root.fork('local-accounts');
    const make = (kind: AccountKind, createdMs: number, lang: C.Lang = r.weighted(C.LOCAL_LANGS)): Acc => {
      const name = this.personName(r, lang);
      const username = this.uniqueUsername(r, name.handle, null, true);
      const bioRoll = r.next();
      const acc = this.newAccount({
        kind,
        username,
        dom: null,
        lang,
        createdMs,
        displayName: name.display,
        note: bioRoll < 0.7 ? r.pick(C.BIOS[lang]) : '',
        locked: r.chance(0.1),
        discoverable: r.chance(0.6),
        indexable: r.chance(0.4),
        activity: r.chance(0.22) ? 0 : 0.3 + r.pareto(30, 1.3),
        popularity: 0.5 + r.pareto(40, 1.2),
        idScheme: createdMs < this.now - 380 * DAY ? 0 : 1,
      });
      if (r.chance(0.3)) {
        const names = r.sample(C.PROFILE_FIELD_NAMES, r.int(1, 3));
        acc.fields = names.map((fieldName) => ({
          name: fieldName,
          value: fieldName === 'Website' || fieldName === 'Blog' ? `https://${r.pick(C.DOMAIN_WORDS)}.example/${acc.username}` : fieldName === 'GitHub' ? `https://github.com/${acc.username}` : r.pick(C.PROFILE_FIELD_VALUES[fieldName] ?? ['—']),
          verified_at: fieldName === 'Website' && r.chance(0.5) ? date(createdMs + DAY).toISOString() : null,
        }));
      }
      if (kind !== 'pending' && r.chance(0.85)) acc.avatar = this.avatarFile(r, acc, 'avatars', createdMs + r.int(1, 48) * HOUR);
      if (kind !== 'pending' && r.chance(0.4)) acc.header = this.avatarFile(r, acc, 'headers', createdMs + r.int(1, 72) * HOUR);
      return acc;
    };

    const regular = 560;
    for (let i = 0; i < regular; i++) make('local', this.localCreatedAt(r));
    // Local bots: marked as bots (actor_type Service), posting unlisted.
    for (const [handle, display] of [['weatherbot', 'Weather in Leipzig 🌦️'], ['bikerepairbot', 'Repair Café Bot'], ['rssfeed', 'City Council RSS'], ['dailyquotes', 'Daily Quotes']] as const) {
      const acc = make('localbot', this.founded + r.int(30, 600) * DAY, 'en');
      this.rename(r, acc, handle);
      acc.displayName = display;
      acc.actorType = 'Service';
      acc.activity = 6;
      acc.note = 'Automated account. Operated by @admin.';
    }
    // A sock-puppet cluster: same sign-up IP, created within a few days.
    const clusterStart = this.now - 45 * DAY;
    for (let i = 0; i < 6; i++) {
      const acc = make('puppet', clusterStart + r.int(0, 3 * DAY), 'en');
      acc.activity = 4;
      acc.troublemaker = true;
      acc.note = i % 2 === 0 ? 'Crypto enthusiast. Not financial advice.' : '';
    }
    // Pending sign-ups (approval mode).
    for (let i = 0; i < 25; i++) {
      const ageMs = i < 8 ? r.int(10 * MIN, 2 * DAY) : i < 18 ? r.int(2 * DAY, 7 * DAY) : r.int(7 * DAY, 20 * DAY);
      const acc = make('pending', this.now - ageMs);
      acc.activity = 0;
      acc.popularity = 0;
      acc.hasStats = false;
      if (i >= 19) this.rename(r, acc, r.pick(['bestseo', 'cryptoking', 'followers4u', 'promo_deals', 'airdrop_hub', 'winbig']));
    }

    const locals = this.accounts.filter((a) => a.kind === 'local');
    for (const acc of r.sample(locals, 22)) {
      acc.troublemaker = true;
      acc.activity = Math.max(acc.activity, 3) * 2;
    }
    const memorial = locals.find((a) => a.createdMs < this.now - 500 * DAY && !a.troublemaker)!;
    memorial.memorial = true;
    memorial.activity = 0;
  }

  buildRemoteAccounts(): void {
    const r = this.root.fork('remote-accounts');
    for (const dom of this.domains) {
      const lang = (): C.Lang => dom.lang && r.chance(0.75) ? dom.lang : r.weighted(C.REMOTE_LANGS);
      for (let i = 0; i < dom.size; i++) {
        const l = lang();
        const name = this.personName(r, l);
        const kind: AccountKind = dom.kind === 'spam' ? 'spammer' : dom.kind === 'troll' ? 'troll' : dom.kind === 'hostile' ? 'hostile' : 'remote';
        let createdMs = dom.firstSeenMs + r.next() * Math.max(DAY, this.now - DAY - dom.firstSeenMs);
        if (dom.kind === 'spam' && dom.domain === C.SPECIAL_DOMAINS.spam) createdMs = this.now - 7 * HOUR + r.int(0, 40 * MIN);
        // A suspended server's accounts can only be known from before the block.
        const block = this.effectiveBlock(dom);
        if (block?.severity === 1) createdMs = dom.firstSeenMs + r.next() * Math.max(HOUR, block.createdMs - HOUR - dom.firstSeenMs);
        createdMs = Math.floor(createdMs);
        const base = kind === 'spammer' ? r.pick(['promo', 'deals', 'airdrop', 'growth', 'followers', 'crypto', 'bonus', 'winner']) + r.int(10, 999) : name.handle;
        const username = this.uniqueUsername(r, dom.software === 'misskey' && r.chance(0.3) ? base.charAt(0).toUpperCase() + base.slice(1) : base, dom.domain, false);
        const acc = this.newAccount({
          kind,
          username,
          dom,
          lang: l,
          createdMs,
          displayName: kind === 'spammer' ? r.pick(['💰 Crypto News 💰', 'Free Followers', 'Promo Bot', 'Growth Hacker', 'Giveaway 🎁']) : name.display,
          note: '',
          locked: r.chance(0.08),
          discoverable: r.chance(0.5) ? true : r.chance(0.5) ? false : null,
          indexable: r.chance(0.35),
          activity: kind === 'spammer' ? 5 : kind === 'troll' ? 4 : kind === 'hostile' ? 1 : r.chance(0.35) ? 0 : 0.2 + r.pareto(25, 1.3),
          popularity: kind === 'remote' ? 0.3 + r.pareto(60, 1.1) + dom.size / 60 : 0.05,
          remoteUid: dom.software === 'misskey' ? r.token(10) : username,
          lastWebfingerMs: createdMs + r.int(0, 30) * DAY,
          extraStatuses: r.pareto(20_000, 0.9),
          extraFollowers: r.pareto(5_000, 0.9),
          extraFollowing: r.pareto(2_000, 1.0),
          hasStats: r.chance(0.95),
        });
        if (acc.lastWebfingerMs! > this.now) acc.lastWebfingerMs = this.now - r.int(1, 24) * HOUR;
        const bio = C.BIOS[l];
        if (kind === 'remote' && r.chance(0.75)) acc.note = `<p>${escapeHtml(r.pick(bio))}</p>${r.chance(0.3) ? `<p><a href="https://${r.pick(C.DOMAIN_WORDS)}.example/" target="_blank" rel="nofollow noopener me" translate="no"><span class="invisible">https://</span><span class="">${r.pick(C.DOMAIN_WORDS)}.example/</span></a></p>` : ''}`;
        if (kind === 'spammer') acc.note = '<p>Best deals on the fediverse! <a href="https://free-followers.xyz/">free-followers.xyz</a></p>';
        if (kind === 'troll') acc.note = r.pick(['<p>Free speech absolutist. Blocked by every instance that matters.</p>', '<p>I say what you are afraid to say.</p>', '', '<p>🐸</p>']);
        if (r.chance(0.25)) {
          acc.fields = [{ name: r.pick(['Pronouns', 'Website', 'Location']), value: r.chance(0.5) ? r.pick(['she/her', 'he/him', 'they/them']) : `<a href="https://${r.pick(C.DOMAIN_WORDS)}.example" target="_blank" rel="nofollow noopener me" translate="no"><span class="invisible">https://</span><span class="">${r.pick(C.DOMAIN_WORDS)}.example</span></a>` }];
        }
        const bot = r.next();
        if (kind === 'spammer' || bot < 0.05) acc.actorType = 'Service';
        else if (bot < 0.06) acc.actorType = 'Group';
        else if (bot < 0.065) acc.actorType = 'Organization';
        if (r.chance(0.8)) acc.avatar = this.avatarFile(r, acc, 'avatars', createdMs);
        if (r.chance(0.35)) acc.header = this.avatarFile(r, acc, 'headers', createdMs);
      }
      // Other servers' instance actors: the big ones, every server that flags us, and some others.
      const needsActor = dom.domain === C.SPECIAL_DOMAINS.flagger || dom.size >= 20 || (dom.kind === 'normal' && r.chance(0.15));
      if (needsActor && dom.size > 0) {
        const username = dom.software === 'misskey' ? 'instance.actor' : dom.software === 'pleroma' || dom.software === 'akkoma' ? 'internal.fetch' : dom.domain === C.SPECIAL_DOMAINS.flagger || r.chance(0.6) ? dom.domain : 'mastodon.internal';
        dom.actor = this.newAccount({
          kind: 'actor',
          username,
          dom,
          lang: 'en',
          createdMs: dom.firstSeenMs,
          actorType: 'Application',
          locked: true,
          discoverable: false,
          remoteUid: dom.software === 'misskey' ? r.token(10) : username,
          lastWebfingerMs: dom.firstSeenMs,
          hasStats: false,
        });
      }
    }

    // Troublemakers and spammers on otherwise normal servers.
    const normal = this.accounts.filter((a) => a.kind === 'remote');
    for (const acc of r.sample(normal, 40)) {
      acc.troublemaker = true;
      acc.activity = Math.max(acc.activity, 2) * 2;
    }
    for (const acc of r.sample(normal.filter((a) => !a.troublemaker), 12)) {
      acc.kind = 'spammer';
      acc.actorType = 'Service';
      acc.activity = 4;
      acc.displayName = r.pick(['Deals Daily', 'Airdrop Alerts', 'SEO Boost', 'Crypto Signals']);
    }
    // Hostile display names on the hostile server (the console must render them inertly).
    const hostile = this.accounts.filter((a) => a.kind === 'hostile');
    hostile.forEach((acc, i) => {
      acc.displayName = C.HOSTILE_DISPLAY_NAMES[i % C.HOSTILE_DISPLAY_NAMES.length]!;
      acc.note = '<p><script>alert("bio")</script>Just a normal bio <img src=x onerror=alert(1)></p>';
      acc.activity = 1;
    });
    // A few remote accounts were suspended by their own servers (suspension_origin = remote).
    for (const acc of r.sample(normal.filter((a) => !a.troublemaker && a.kind === 'remote'), 14)) {
      acc.suspendedMs = Math.max(acc.createdMs + DAY, this.now - r.int(1, 200) * DAY);
      acc.suspensionOrigin = 1;
      acc.updatedMs = acc.suspendedMs;
    }
    // Account migrations: a local user moved away, and a remote user moved between servers.
    const mover = this.accounts.find((a) => a.kind === 'local' && !a.troublemaker && !a.memorial && a.createdMs < this.now - 300 * DAY)!;
    const newHome = r.pick(normal.filter((a) => !a.troublemaker && a.suspendedMs === null && a.kind === 'remote'));
    mover.movedTo = newHome;
    mover.updatedMs = this.now - 40 * DAY;
    mover.activity = 0;
    newHome.alsoKnownAs = [this.localActorUri(mover)];
    const remoteMovers = r.sample(normal.filter((a) => a.kind === 'remote' && a.suspendedMs === null && a !== newHome && !a.troublemaker), 2);
    const [from, to] = remoteMovers as [Acc, Acc];
    from.movedTo = to;
    from.updatedMs = this.now - 12 * DAY;
    to.alsoKnownAs = [this.remoteUrls(from).uri];
  }

  // ---------------------------------------------------------------------------------------
  // Users

  ip(r: Rng): string {
    // Reserved benchmarking (198.18.0.0/15) and documentation (2001:db8::/32) ranges only.
    if (r.chance(0.35)) return `2001:db8:${r.hex(4)}:${r.hex(4)}::${r.int(1, 0xfff).toString(16)}`;
    return `198.${r.int(18, 19)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }

  buildUsers(): void {
    const r = this.root.fork('users');
    const locals = this.accounts.filter((a) => !a.dom && a.kind !== 'instance');
    const emails = new Set<string>();
    const timeZones = ['Europe/Berlin', 'Europe/Paris', 'Europe/London', 'America/New_York', 'America/Sao_Paulo', 'Asia/Tokyo', 'Europe/Amsterdam', null];
    const makeUser = (acc: Acc, approved: boolean): Usr => {
      let email = '';
      const staff = DEMO_STAFF.find((s) => s.username === acc.username && acc.kind === 'staff');
      if (staff) email = staff.email;
      else {
        const provider = acc.kind === 'pending' && r.chance(0.3) ? r.pick(C.BLOCKED_EMAIL_DOMAINS.filter((b) => b.allowWithApproval)).domain : r.weighted(C.EMAIL_PROVIDERS);
        const local = `${acc.username.replace(/_+/g, '.').replace(/^\.+|\.+$/g, '') || 'user'}${r.chance(0.4) ? r.int(1, 99) : ''}`;
        email = `${local}@${provider}`;
        while (emails.has(email)) email = `${local}${r.int(100, 999)}@${provider}`;
      }
      emails.add(email);
      const pending = acc.kind === 'pending';
      const confirmedMs = pending && r.chance(0.35) ? null : acc.createdMs + r.int(2, 90) * MIN;
      const usr: Usr = {
        id: 0,
        acc,
        email,
        createdMs: acc.createdMs,
        confirmedMs,
        confirmationToken: confirmedMs === null ? r.token(20, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_') : null,
        approved,
        rejected: false,
        approvedBy: null,
        disabled: false,
        roleId: staff?.roleId ?? null,
        signUpIp: this.ip(r),
        locale: C.UI_LOCALE[acc.lang],
        otp: staff ? staff.otpRequired : r.chance(0.06),
        inviteId: null,
        inviteRequest: null,
        appId: !staff && r.chance(0.12) ? r.int(2, 5) : null,
        chosenLanguages: r.chance(0.15) ? [acc.lang, 'en'].filter((v, i, a) => a.indexOf(v) === i) : null,
        timeZone: r.pick(timeZones),
        signIns: [],
      };
      acc.user = usr;
      return usr;
    };

    // Rejected sign-ups existed too: their ids are gaps in users.id, the audit log still names them.
    const rejected: Usr[] = [];
    for (let i = 0; i < 14; i++) {
      const createdMs = this.now - APPROVAL_MODE_SINCE + r.int(5, 390) * DAY;
      const fake = {
        ...this.placeholderAccount(r, createdMs),
      };
      const usr = makeUser(fake, false);
      usr.rejected = true;
      rejected.push(usr);
    }

    const all = [...locals.map((acc) => makeUser(acc, acc.kind !== 'pending')), ...rejected].sort((a, b) => a.createdMs - b.createdMs || a.acc.username.localeCompare(b.acc.username));
    for (const usr of all) usr.id = ++this.userSeq;
    this.users.push(...all);

    // Sock puppets share one IP; pending sign-ups partly come from the VPN range with an approval IP block.
    for (const acc of locals.filter((a) => a.kind === 'puppet')) acc.user!.signUpIp = '203.0.113.77';
    const pending = locals.filter((a) => a.kind === 'pending');
    pending.slice(0, 6).forEach((acc) => (acc.user!.signUpIp = `198.51.100.${r.int(2, 250)}`));
    const approvalDomains = C.BLOCKED_EMAIL_DOMAINS.filter((b) => b.allowWithApproval).map((b) => b.domain);
    pending.forEach((acc, i) => {
      const u = acc.user!;
      // Every fourth comes from a mail domain whose sign-ups need approval.
      if (i % 4 === 3 && !approvalDomains.includes(u.email.split('@')[1] ?? '')) {
        emails.delete(u.email);
        u.email = `${u.email.split('@')[0]}@${approvalDomains[i % approvalDomains.length]}`;
        while (emails.has(u.email)) u.email = `${u.email.split('@')[0]}${r.int(1, 9)}@${approvalDomains[i % approvalDomains.length]}`;
        emails.add(u.email);
      }
      // About a third never clicked the confirmation link.
      if (i % 3 === 1) {
        u.confirmedMs = null;
        u.confirmationToken ??= r.token(20, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_');
      } else if (u.confirmedMs === null) {
        u.confirmedMs = u.createdMs + r.int(2, 90) * MIN;
        u.confirmationToken = null;
      }
      u.inviteRequest = i === 0 ? C.INVITE_REQUESTS.hostile : i >= 19 ? r.pick(C.INVITE_REQUESTS.spammy) : i % 5 === 4 ? null : r.pick(C.INVITE_REQUESTS.genuine);
    });
    // Sign-ups in approval mode have their reason recorded too.
    for (const u of this.users) if (!u.rejected && u.acc.kind === 'local' && u.createdMs > this.now - APPROVAL_MODE_SINCE && r.chance(0.6)) u.inviteRequest = r.pick(C.INVITE_REQUESTS.genuine);

    // Sign-in history.
    for (const u of this.users) {
      if (u.rejected || u.confirmedMs === null) continue;
      const acc = u.acc;
      const active = acc.kind === 'staff' || acc.activity > 0 || r.chance(0.3);
      const count = acc.kind === 'staff' ? r.int(20, 60) : active ? r.int(1, 25) : r.int(0, 2);
      const ua = r.pick(C.USER_AGENTS);
      const homeIp = r.chance(0.7) ? u.signUpIp : this.ip(r);
      let ms = acc.createdMs;
      const span = this.now - acc.createdMs;
      for (let i = 0; i < count; i++) {
        ms = Math.min(this.now - MIN, ms + r.next() * (span / Math.max(1, count)) * 2);
        const failed = r.chance(0.06);
        u.signIns.push({
          ms: Math.floor(ms),
          ip: r.chance(0.75) ? homeIp : this.ip(r),
          ua: r.chance(0.8) ? ua : r.pick(C.USER_AGENTS),
          success: !failed,
          method: u.otp && !failed && r.chance(0.7) ? 'otp' : 'password',
          failure: failed ? r.pick(['invalid', 'invalid_otp_attempt', 'not_found_in_database']) : null,
        });
      }
      if (acc.kind === 'staff') u.signIns.push({ ms: this.now - r.int(5, 600) * MIN, ip: homeIp, ua, success: true, method: u.otp ? 'otp' : 'password', failure: null });
    }
    // A brute-force attempt on the owner account.
    const owner = this.staff.get('owner')!.user!;
    for (let i = 0; i < 12; i++) owner.signIns.push({ ms: this.now - 3 * DAY + i * 7_000, ip: '192.0.2.66', ua: 'python-requests/2.32.3', success: false, method: 'password', failure: 'invalid' });

    // Invites: some users invited friends.
    const inviters = r.sample(this.users.filter((u) => !u.rejected && u.acc.kind !== 'pending' && u.acc.kind !== 'puppet' && u.confirmedMs !== null), 18);
    inviters.sort((a, b) => a.createdMs - b.createdMs);
    let inviteId = 0;
    for (const inviter of inviters) {
      const ms = inviter.createdMs + r.int(1, 60) * DAY;
      if (ms > this.now - DAY) continue;
      const maxUses = r.pick([1, 1, 5, 10, null]);
      const expires = r.pick([null, 7 * DAY, 30 * DAY, 7 * DAY]);
      this.invites.push({ id: ++inviteId, user: inviter, code: r.token(8, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'), ms, expiresMs: expires === null ? null : ms + expires, maxUses, uses: 0, autofollow: r.chance(0.4), comment: r.chance(0.3) ? r.pick(['for my book club', 'Family', 'Hackspace folks', 'Conference']) : null });
    }
    // The member's book-club invite, used by some of the pending sign-ups.
    const club = { id: 0, user: this.staff.get('member')!.user!, code: r.token(8, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'), ms: this.now - 25 * DAY, expiresMs: null, maxUses: 25, uses: 0, autofollow: true, comment: 'Book club' };
    this.invites.push(club);
    this.invites.sort((a, b) => a.ms - b.ms);
    this.invites.forEach((inv, i) => (inv.id = i + 1));
    for (const u of this.users) {
      if (u.rejected || u.acc.kind === 'staff') continue;
      const usable = this.invites.filter((inv) => inv.ms < u.createdMs && (inv.expiresMs === null || inv.expiresMs > u.createdMs) && (inv.maxUses === null || inv.uses < inv.maxUses) && inv.user !== u);
      const wanted = u.acc.kind !== 'pending' && r.chance(0.03);
      if (usable.length > 0 && wanted) {
        const inv = r.pick(usable);
        inv.uses++;
        u.inviteId = inv.id;
      }
    }
    this.accounts.filter((a) => a.kind === 'pending').forEach((acc, i) => {
      if (i % 8 !== 2 || !acc.user) return;
      acc.user.inviteId = club.id;
      club.uses++;
    });
  }

  /** A local account that existed only until its sign-up was rejected (never inserted). */
  placeholderAccount(r: Rng, createdMs: number): Acc {
    const name = this.personName(r, r.weighted(C.LOCAL_LANGS));
    const username = this.uniqueUsername(r, r.chance(0.5) ? name.handle : r.pick(['seo', 'casino', 'loans', 'promo', 'bot']) + r.int(1, 999), null, true);
    this.usernames.add(`${username}@`);
    return {
      id: this.accountIds.next(createdMs),
      kind: 'pending',
      username,
      dom: null,
      lang: 'en',
      createdMs,
      updatedMs: createdMs,
      displayName: '',
      note: '',
      fields: null,
      actorType: 'Person',
      locked: false,
      discoverable: null,
      indexable: false,
      avatar: null,
      header: null,
      activity: 0,
      popularity: 0,
      troublemaker: false,
      silencedMs: null,
      suspendedMs: null,
      suspensionOrigin: null,
      sensitizedMs: null,
      requestedDeletionMs: null,
      deletionRequestMs: null,
      memorial: false,
      movedTo: null,
      alsoKnownAs: null,
      purged: false,
      user: null,
      statuses: [],
      remoteUid: username,
      idScheme: 1,
      lastWebfingerMs: null,
      extraStatuses: 0,
      extraFollowers: 0,
      extraFollowing: 0,
      hasStats: false,
    };
  }

  // ---------------------------------------------------------------------------------------
  // Statuses

  mentionText(author: Acc, target: Acc): string {
    if (!author.dom) return target.dom ? `@${target.username}@${target.dom.domain}` : `@${target.username}`;
    return `<span class="h-card" translate="no"><a href="${this.profileUrl(target)}" class="u-url mention">@<span>${escapeHtml(target.username)}</span></a></span>`;
  }

  /** Local statuses store the plain source text; remote ones store (sanitised) HTML, as Mastodon does. */
  compose(author: Acc, parts: { mentions: Acc[]; body: string; tags: string[]; link: string | null; html?: boolean }): string {
    if (!author.dom) {
      return [parts.mentions.map((m) => this.mentionText(author, m)).join(' '), parts.body, parts.tags.map((t) => `#${t}`).join(' '), parts.link ?? '']
        .filter((s) => s !== '')
        .join(' ');
    }
    const host = author.dom.domain;
    const mentions = parts.mentions.map((m) => this.mentionText(author, m)).join(' ');
    const body = parts.html ? parts.body : escapeHtml(parts.body);
    const first = parts.html && parts.body.startsWith('<') ? `${mentions ? `<p>${mentions}</p>` : ''}${body}` : `<p>${mentions ? `${mentions} ` : ''}${body}</p>`;
    const tags = parts.tags.map((t) => `<a href="https://${host}/tags/${encodeURIComponent(t)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(t)}</span></a>`);
    let link = '';
    if (parts.link) {
      const shown = parts.link.replace(/^https:\/\//, '');
      link =
        shown.length > 30
          ? `<a href="${parts.link}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="ellipsis">${shown.slice(0, 30)}</span><span class="invisible">${shown.slice(30)}</span></a>`
          : `<a href="${parts.link}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="">${shown}</span></a>`;
    }
    const second = [...tags, link].filter(Boolean).join(' ');
    return second ? `${first}<p>${second}</p>` : first;
  }

  statusUris(r: Rng, acc: Acc, id: string, ms: number, boost: boolean): { uri: string; url: string | null } {
    if (!acc.dom) {
      const actor = this.localActorUri(acc);
      if (boost) return { uri: `${actor}/statuses/${id}/activity`, url: null };
      return { uri: `${actor}/statuses/${id}`, url: `${BASE_URL}/@${acc.username}/${id}` };
    }
    const d = acc.dom.domain;
    switch (acc.dom.software) {
      case 'misskey': {
        const aid = `${ms.toString(36)}${r.token(2)}`;
        return boost ? { uri: `https://${d}/notes/${aid}/activity`, url: null } : { uri: `https://${d}/notes/${aid}`, url: `https://${d}/notes/${aid}` };
      }
      case 'pleroma':
      case 'akkoma':
        return boost ? { uri: `https://${d}/activities/${r.uuid()}`, url: null } : { uri: `https://${d}/objects/${r.uuid()}`, url: `https://${d}/notice/${r.token(18, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}` };
      case 'gotosocial': {
        const ulid = `01${r.token(24, '0123456789ABCDEFGHJKMNPQRSTVWXYZ')}`;
        return boost ? { uri: `https://${d}/users/${acc.username}/statuses/${ulid}/activity`, url: null } : { uri: `https://${d}/users/${acc.username}/statuses/${ulid}`, url: `https://${d}/@${acc.username}/statuses/${ulid}` };
      }
      default: {
        const rid = ((BigInt(Math.floor(ms)) << 16n) | BigInt(r.int(0, 0xffff))).toString();
        const actor = this.remoteUrls(acc).uri;
        return boost ? { uri: `${actor}/statuses/${rid}/activity`, url: null } : { uri: `${actor}/statuses/${rid}`, url: `https://${d}/@${acc.username}/${rid}` };
      }
    }
  }

  makeMedia(r: Rng, st: St, forceType?: number, sensitiveHint = false): Med {
    const acc = st.acc;
    let type = forceType ?? r.weighted<number>([[0, 86], [1, 5], [2, 5], [4, 2], [3, 2]]);
    // "Unknown" only happens to remote media that could not be fetched.
    if (type === 3 && !acc.dom) type = 0;
    const createdMs = st.createdMs - r.int(5_000, 10 * MIN);
    const id = this.mediaIds.next(createdMs);
    const local = !acc.dom;
    const ext = type === 0 ? 'png' : type === 4 ? 'mp3' : 'mp4';
    const contentType = type === 0 ? 'image/png' : type === 4 ? 'audio/mpeg' : 'video/mp4';
    const descLang = C.ALT_TEXTS[acc.lang] ? acc.lang : 'en';
    const description = r.chance(type === 0 ? 0.78 : 0.5) ? r.pick(C.ALT_TEXTS[descLang]!) : null;
    const size = demoImageSize('media', id, 'original');
    const small = demoImageSize('media', id, 'small');
    const aspect = Math.round((size.width / size.height) * 1000) / 1000;
    let meta: Record<string, unknown> | null;
    if (type === 0) meta = { original: { width: size.width, height: size.height, size: `${size.width}x${size.height}`, aspect }, small: { width: small.width, height: small.height, size: `${small.width}x${small.height}`, aspect }, focus: { x: 0, y: 0 } };
    else if (type === 1 || type === 2) {
      const duration = type === 1 ? r.int(2, 9) + r.int(0, 9) / 10 : r.int(8, 240) + r.int(0, 9) / 10;
      meta = { original: { width: size.width, height: size.height, frame_rate: '30/1', duration, bitrate: r.int(300_000, 2_500_000) }, small: { width: small.width, height: small.height, size: `${small.width}x${small.height}`, aspect } };
    } else if (type === 4) meta = { original: { duration: r.int(30, 600) + 0.5, bitrate: 128_000 }, colors: { background: '#1b1f2a', foreground: '#e0e4ef', accent: '#6364ff' } };
    else meta = null;
    const blurhash = type === 0 || type === 1 || type === 2 ? demoBlurhash('media', id) : null;
    const fileName = `${r.hex(16)}.${ext}`;
    if (local) {
      return { id, type, createdMs, fileName, contentType, size: r.int(40_000, type === 2 ? 9_000_000 : 1_800_000), meta, remoteUrl: '', description, blurhash, storage: null, shortcode: r.token(19, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'), processing: 2 };
    }
    const d = acc.dom!.domain;
    const remoteUrl = acc.dom!.software === 'misskey' ? `https://${d}/files/${r.uuid()}` : `https://files.${d}/media_attachments/files/${idPartition(((BigInt(createdMs) << 16n) | BigInt(r.int(0, 0xffff))).toString())}/original/${r.hex(16)}.${ext}`;
    // Unknown = the remote file could not be fetched or processed; nothing is stored locally.
    if (type === 3) return { id, type, createdMs, fileName: null, contentType: null, size: null, meta: null, remoteUrl, description, blurhash: null, storage: null, shortcode: null, processing: null };
    const cached = !this.rejectsMedia(acc.dom!, createdMs) && !sensitiveHint;
    return { id, type, createdMs, fileName: cached ? fileName : null, contentType: cached ? contentType : null, size: cached ? r.int(40_000, 2_000_000) : null, meta: cached ? meta : null, remoteUrl, description, blurhash, storage: cached ? 1 : null, shortcode: null, processing: null };
  }

  newStatus(r: Rng, acc: Acc, ms: number, fields: Partial<St>): St {
    const id = this.statusIds.next(ms);
    const boost = Boolean(fields.reblogOf);
    const { uri, url } = this.statusUris(r, acc, id, ms, boost);
    const st: St = {
      id,
      acc,
      createdMs: ms,
      text: '',
      spoiler: '',
      sensitive: false,
      visibility: 0,
      lang: null,
      replyTo: null,
      reblogOf: null,
      conversationId: 0,
      uri,
      url,
      media: [],
      mentions: [],
      deletedMs: null,
      editedMs: null,
      edits: [],
      removed: false,
      removedMs: null,
      favs: 0,
      appId: acc.dom ? null : r.chance(0.6) ? 1 : r.int(2, 5),
      tag: 'normal',
      boosts: [],
      replies: [],
      ...fields,
    };
    st.conversationId = st.replyTo ? st.replyTo.conversationId : ++this.conversationSeq;
    if (st.replyTo) st.replyTo.replies.push(st);
    if (st.reblogOf) st.reblogOf.boosts.push(st);
    acc.statuses.push(st);
    this.statuses.push(st);
    return st;
  }

  buildStatuses(): void {
    const r = this.root.fork('statuses');
    const windowStart = this.now - STATUS_WINDOW;
    const scripted = new Set<Acc>();
    const drafts: { acc: Acc; ms: number; script?: 'spam' | 'hostile'; body?: string }[] = [];

    // Scripted: the spam wave (three accounts on spam-wave.example, within the last hours).
    const wave = this.domainByName.get(C.SPECIAL_DOMAINS.spam)!.accounts.filter((a) => a.kind === 'spammer');
    for (const acc of wave) {
      scripted.add(acc);
      acc.displayName = r.pick(['Free Followers 🚀', 'Airdrop Bot', 'Growth Deals']);
      const n = r.int(7, 10);
      for (let i = 0; i < n; i++) drafts.push({ acc, ms: this.now - 6.5 * HOUR + i * 30 * MIN + r.int(0, 10 * MIN), script: 'spam' });
    }
    // Scripted: hostile markup from xss.example.
    const hostile = this.domainByName.get(C.SPECIAL_DOMAINS.hostile)!.accounts.filter((a) => a.kind === 'hostile');
    hostile.forEach((acc, i) => {
      scripted.add(acc);
      const bodies = i === 0 ? C.HOSTILE_POSTS.slice(0, 9) : i === 1 ? C.HOSTILE_POSTS.slice(9) : r.sample(C.HOSTILE_POSTS, 3);
      bodies.forEach((body, j) => drafts.push({ acc, ms: this.now - (40 - i * 5) * DAY + j * 3 * HOUR + r.int(0, HOUR), script: 'hostile', body }));
    });

    const authors = this.accounts.filter(
      (a) => a.activity > 0 && !scripted.has(a) && (a.kind === 'staff' || a.kind === 'local' || a.kind === 'localbot' || a.kind === 'puppet' || a.kind === 'remote' || a.kind === 'spammer' || a.kind === 'troll'),
    );
    const table = new WeightedTable(authors.map((a) => [a, a.activity] as const));
    const target = 22_000;
    for (let i = 0; i < target; i++) {
      const acc = table.draw(r);
      const start = Math.max(windowStart, acc.createdMs + 10 * MIN);
      const end = this.activeUntil(acc);
      if (end <= start) continue;
      drafts.push({ acc, ms: Math.floor(start + r.next() * (end - start)) });
    }
    drafts.sort((a, b) => a.ms - b.ms);

    const locals = this.accounts.filter((a) => !a.dom && (a.kind === 'local' || a.kind === 'staff'));
    const recentOriginals: St[] = [];
    const recentThreadable: St[] = [];
    const pickRecent = (list: St[], author: Acc, window: number): St | null => {
      for (let attempt = 0; attempt < 6; attempt++) {
        const from = Math.max(0, list.length - window);
        if (list.length === 0) return null;
        const candidate = list[from + Math.floor(r.next() * (list.length - from))]!;
        if (candidate.acc !== author || r.chance(0.15)) return candidate;
      }
      return null;
    };

    for (const draft of drafts) {
      const acc = draft.acc;
      const ms = draft.ms;
      const lang: C.Lang = r.chance(0.15) ? 'en' : acc.lang;
      if (draft.script === 'spam') {
        const mentions = r.sample(locals, r.int(2, 4));
        const body = r.pick(C.SPAM_POSTS).replace('{n}', r.token(6));
        const st = this.newStatus(r, acc, ms, { visibility: r.chance(0.7) ? 0 : 1, lang: 'en', mentions, tag: 'spam', text: this.compose(acc, { mentions, body, tags: ['Fediverse', 'Crypto'], link: null }) });
        if (r.chance(0.3)) st.media.push(this.makeMedia(r, st, 0));
        continue;
      }
      if (draft.script === 'hostile') {
        const st = this.newStatus(r, acc, ms, { visibility: 0, lang: 'en', tag: 'hostile', text: this.compose(acc, { mentions: [], body: draft.body!, tags: [], link: null, html: true }) });
        if (r.chance(0.35)) {
          st.sensitive = true;
          st.media.push(this.makeMedia(r, st, 0));
        }
        continue;
      }

      const roll = r.next();
      const isSpammer = acc.kind === 'spammer' || acc.kind === 'puppet';
      if (!isSpammer && roll < 0.14) {
        const original = pickRecent(recentOriginals, acc, 2500);
        if (original && original.createdMs < ms && original.visibility <= 1) {
          this.newStatus(r, acc, ms, { reblogOf: original, visibility: original.visibility, lang: null });
          continue;
        }
      }
      let replyTo: St | null = null;
      if (roll >= 0.14 && roll < 0.4) {
        const parent = pickRecent(recentThreadable, acc, 3000);
        if (parent && parent.createdMs < ms) replyTo = parent;
      }
      const direct = !replyTo && !isSpammer && r.chance(0.03);
      let visibility = direct ? 3 : r.weighted<number>([[0, 68], [1, 17], [2, 13], [4, acc.dom ? 0.5 : 0]]);
      if (acc.kind === 'localbot') visibility = 1;
      if (replyTo) visibility = Math.min(3, Math.max(visibility, replyTo.visibility));
      const mentions: Acc[] = [];
      if (replyTo && replyTo.acc !== acc) mentions.push(replyTo.acc);
      if (direct || (!replyTo && r.chance(isSpammer ? 0.9 : 0.08))) {
        const pool = isSpammer || !acc.dom ? locals : authors;
        for (const m of r.sample(pool, isSpammer ? r.int(1, 3) : r.int(1, 2))) if (m !== acc && !mentions.includes(m)) mentions.push(m);
      }
      let body: string;
      let tag: St['tag'] = 'normal';
      if (isSpammer) {
        body = acc.kind === 'puppet' ? r.pick(['🚀 $PLSD to the moon, get in early: https://crypto-airdrop.click/p', 'Passive income with staking, ask me how 💸', 'Airdrop for early Palisade users, claim now: https://crypto-airdrop.click/claim']) : r.pick(C.SPAM_POSTS).replace('{n}', r.token(6));
        tag = 'spam';
      } else if ((acc.kind === 'troll' || acc.troublemaker) && r.chance(0.45)) {
        body = r.pick(C.TROLL_POSTS);
        tag = 'troll';
      } else {
        const sentences = C.SENTENCES[lang];
        body = r.sample(sentences, r.weighted<number>([[1, 60], [2, 30], [3, 10]])).join(' ');
      }
      const tags = !isSpammer && r.chance(0.25) ? r.sample(C.HASHTAGS[lang], r.int(1, 2)) : [];
      const link = !isSpammer && r.chance(0.08) ? r.pick(C.LINKS) : null;
      const spoiler = !isSpammer && r.chance(0.07) ? r.pick(C.CONTENT_WARNINGS) : '';
      const st = this.newStatus(r, acc, ms, {
        replyTo,
        visibility,
        lang: acc.dom && r.chance(0.05) ? null : lang,
        mentions,
        spoiler,
        sensitive: spoiler !== '',
        tag,
        text: this.compose(acc, { mentions, body, tags, link }),
      });
      if (r.chance(acc.kind === 'troll' ? 0.15 : 0.1) && visibility !== 3) {
        const count = r.weighted<number>([[1, 62], [2, 18], [3, 9], [4, 11]]);
        const type = r.chance(0.9) ? undefined : r.weighted<number>([[1, 1], [2, 1], [4, 1], [3, 1]]);
        for (let i = 0; i < count; i++) st.media.push(this.makeMedia(r, st, i === 0 ? type : 0));
        if (!st.sensitive && r.chance(acc.troublemaker || acc.kind === 'troll' ? 0.35 : 0.08)) st.sensitive = true;
      }
      if (visibility !== 3) {
        const reach = st.media.length > 0 ? 60 : 25;
        st.favs = visibility <= 1 ? r.pareto(acc.dom ? reach * 4 : reach, 1.4) : r.pareto(5, 1.5);
      }
      if (replyTo === null && visibility <= 1) recentOriginals.push(st);
      if (visibility <= 2) recentThreadable.push(st);

      // Edits: an earlier revision is the original, each later revision a snapshot.
      if (!isSpammer && r.chance(0.03)) {
        const editMs = Math.min(this.now - MIN, ms + r.int(MIN, 2 * DAY));
        const firstText = st.text.replace(/\.( |<\/p>|$)/, ',$1').replace('the', 'teh');
        st.edits.push({ ms, text: firstText, spoiler: '', sensitive: st.sensitive && st.spoiler === '', editor: acc });
        if (r.chance(0.3)) {
          const midMs = ms + Math.floor((editMs - ms) / 2);
          st.edits.push({ ms: midMs, text: st.text.replace('.', '!'), spoiler: '', sensitive: st.sensitive, editor: acc });
        }
        st.edits.push({ ms: editMs, text: st.text, spoiler: st.spoiler, sensitive: st.sensitive, editor: acc });
        st.editedMs = editMs;
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Follows

  followKey(a: Acc, b: Acc): string {
    return `${a.id}>${b.id}`;
  }

  addFollow(r: Rng, a: Acc, b: Acc, minMs?: number): boolean {
    if (a === b || this.follows.has(this.followKey(a, b))) return false;
    const start = Math.max(a.createdMs, b.createdMs, minMs ?? 0) + MIN;
    // Nobody on a suspended server can follow or be followed after the block.
    const end = Math.min(this.activeUntil(a), this.activeUntil(b));
    if (end <= start) return false;
    const ms = Math.floor(start + r.next() * (end - start));
    if (b.locked && r.chance(0.15) && !a.dom) {
      this.followRequests.push({ a, b, ms, uri: `${BASE_URL}/${r.uuid()}` });
      return false;
    }
    const uri = a.dom ? `https://${a.dom.domain}/${r.uuid()}` : `${BASE_URL}/${r.uuid()}`;
    this.follows.set(this.followKey(a, b), { a, b, ms, uri, reblogs: r.chance(0.93), notify: r.chance(0.04) });
    return true;
  }

  buildFollows(): void {
    const r = this.root.fork('follows');
    const locals = this.accounts.filter((a) => !a.dom && (a.kind === 'local' || a.kind === 'staff' || a.kind === 'localbot' || a.kind === 'puppet') && !a.memorial);
    const remotes = this.accounts.filter((a) => a.dom && (a.kind === 'remote' || a.kind === 'troll' || a.kind === 'hostile' || (a.kind === 'spammer' && r.chance(0.2))));
    const localTable = new WeightedTable(locals.map((a) => [a, a.popularity + (a.kind === 'staff' ? 5 : 0)] as const));
    const remoteTable = new WeightedTable(remotes.map((a) => [a, a.popularity] as const));
    for (const a of locals) {
      if (a.kind === 'puppet') {
        for (const b of locals.filter((x) => x.kind === 'puppet')) this.addFollow(r, a, b);
        continue;
      }
      const following = a.activity === 0 ? r.int(0, 6) : r.int(5, 24) + r.pareto(500, 0.9);
      for (let i = 0; i < following; i++) this.addFollow(r, a, r.chance(0.42) ? localTable.draw(r) : remoteTable.draw(r));
      const remoteFollowers = a.activity === 0 ? r.int(0, 4) : r.int(2, 14) + r.pareto(500, 0.9) + (a.kind === 'staff' ? 60 : 0);
      for (let i = 0; i < remoteFollowers; i++) this.addFollow(r, remoteTable.draw(r), a);
    }
    // Every server with a block still has someone here following someone there, or being followed.
    for (const dom of this.domains) {
      if (!dom.block && !dom.parent?.block) continue;
      const people = dom.accounts.filter((a) => a.kind !== 'actor');
      for (const b of r.sample(people, Math.min(people.length, r.int(2, 6)))) {
        this.addFollow(r, r.pick(locals), b);
        if (r.chance(0.5)) this.addFollow(r, b, r.pick(locals));
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Moderation primitives (each mirrors one Mastodon service; see mastodon.md §5)

  reportSeq = 0;
  strikeSeq = 0;
  appealSeq = 0;
  canonicalSeq = 0;

  suspendedAt(acc: Acc, ms: number): boolean {
    if (acc.suspendedMs !== null && acc.suspendedMs <= ms) return true;
    const block = acc.dom ? this.effectiveBlock(acc.dom) : null;
    return Boolean(block && block.severity === 1 && block.createdMs <= ms);
  }

  /** Account suspension by this server (Admin::AccountAction suspend / BlockDomainService). */
  suspend(ms: number, acc: Acc, viaDomainBlock = false): void {
    acc.suspendedMs = ms;
    acc.suspensionOrigin = 0;
    acc.updatedMs = Math.max(acc.updatedMs, ms);
    if (viaDomainBlock) {
      // BlockDomainService purges right away and keeps no deletion request.
      acc.purged = true;
      return;
    }
    if (ms > this.now - PURGE_AFTER) acc.deletionRequestMs = ms;
    else acc.purged = true;
    if (acc.user) this.canonicalBlocks.push({ id: ++this.canonicalSeq, hash: canonicalEmailHash(acc.user.email), acc, ms, deleted: false });
  }

  unsuspend(acc: Acc): void {
    acc.suspendedMs = null;
    acc.suspensionOrigin = null;
    acc.deletionRequestMs = null;
    acc.purged = false;
    for (const b of this.canonicalBlocks) if (b.acc === acc) b.deleted = true;
  }

  resolveReport(ms: number, by: Acc, rep: Rep): void {
    this.log(ms, by, 'resolve', 'Report', rep.id, String(rep.id));
    rep.resolvedMs = ms;
    rep.resolvedBy = by;
    rep.updatedMs = Math.max(rep.updatedMs, ms);
  }

  createStrike(ms: number, by: Acc, target: Acc, action: Strike['action'], report: Rep | null, statusIds: string[] | null, text: string): Strike {
    const strike: Strike = { id: ++this.strikeSeq, by, target, action, report, statusIds, text, createdMs: ms, updatedMs: ms, overruledMs: null };
    this.strikes.push(strike);
    return strike;
  }

  /** Admin::AccountAction: state change, strike, audit log, and report resolution. */
  accountAction(ms: number, by: Acc, target: Acc, type: 'none' | 'disable' | 'sensitive' | 'silence' | 'suspend', opts: { report?: Rep | null; includeStatuses?: boolean; text?: string } = {}): Strike {
    const acct = this.acct(target);
    switch (type) {
      case 'disable':
        target.user!.disabled = true;
        this.log(ms, by, 'disable', 'User', target.user!.id, acct, { routeParam: target.id });
        break;
      case 'sensitive':
        target.sensitizedMs = ms;
        this.log(ms, by, 'sensitive', 'Account', target.id, acct);
        break;
      case 'silence':
        target.silencedMs = ms;
        this.log(ms, by, 'silence', 'Account', target.id, acct);
        break;
      case 'suspend':
        this.suspend(ms, target);
        this.log(ms, by, 'suspend', 'Account', target.id, acct);
        break;
      case 'none':
        break;
    }
    target.updatedMs = Math.max(target.updatedMs, ms);
    const report = opts.report ?? null;
    const statusIds = opts.includeStatuses && report ? report.statuses.map((st) => st.id) : null;
    const strike = this.createStrike(ms, by, target, STRIKE_ACTION[type], report, statusIds, opts.text ?? '');
    if (type === 'none' && strike.text !== '') this.log(ms, by, 'create', 'AccountWarning', strike.id, acct);
    if (type === 'none') {
      if (report && report.resolvedMs === null) this.resolveReport(ms, by, report);
    } else {
      for (const rep of this.reports) if (rep.target === target && rep.resolvedMs === null && rep.createdMs <= ms) this.resolveReport(ms, by, rep);
    }
    return strike;
  }

  /** Admin::StatusBatchAction from a report: delete posts or mark them sensitive. */
  statusBatch(ms: number, by: Acc, rep: Rep, kind: 'delete' | 'mark', text: string): Strike | null {
    const target = rep.target;
    const acct = this.acct(target);
    const affected = rep.statuses.filter((st) => !st.removed && (st.deletedMs === null || st.deletedMs > ms) && (kind === 'delete' || st.media.length > 0));
    if (affected.length === 0) return null;
    for (const st of affected) {
      if (kind === 'delete') {
        if (target.dom) {
          // Remote posts are destroyed at once; a tombstone stops them being fetched again.
          st.removed = true;
          st.removedMs = ms;
          for (const b of st.boosts) {
            b.removed = true;
            b.removedMs = ms;
          }
          this.tombstones.push({ acc: target, uri: st.uri, ms });
        } else {
          // Local posts stay soft-deleted for 30 days so the strike and the appeal can show them.
          st.deletedMs = ms;
          for (const b of st.boosts) if (b.deletedMs === null) b.deletedMs = ms;
        }
        this.log(ms, by, 'destroy', 'Status', st.id, acct, { permalink: st.uri });
      } else {
        if (!target.dom) {
          // Local posts are edited by the instance actor, which records a revision.
          if (st.edits.length === 0) st.edits.push({ ms: st.createdMs, text: st.text, spoiler: st.spoiler, sensitive: st.sensitive, editor: target });
          st.edits.push({ ms, text: st.text, spoiler: st.spoiler, sensitive: true, editor: this.instanceActor });
          st.editedMs = ms;
        }
        st.sensitive = true;
        this.log(ms, by, 'update', 'Status', st.id, acct, { permalink: st.uri });
      }
    }
    if (rep.resolvedMs === null) this.resolveReport(ms, by, rep);
    return this.createStrike(ms, by, target, kind === 'delete' ? 1500 : 1250, rep, affected.map((st) => st.id), text);
  }

  fileAppeal(r: Rng, strike: Strike, createdMs: number, decision: 'approve' | 'reject' | 'pending', decideAfterMs?: number): void {
    this.timeline.at(createdMs, () => {
      if (strike.overruledMs !== null || createdMs - strike.createdMs > APPEAL_WINDOW) return;
      if (this.appeals.some((a) => a.strike === strike)) return;
      const appeal: Appeal = { id: ++this.appealSeq, acc: strike.target, strike, text: r.pick(C.APPEAL_TEXTS).slice(0, 2000), createdMs, updatedMs: createdMs, approved: null, rejected: null };
      this.appeals.push(appeal);
      if (decision === 'pending') return;
      const decideMs = createdMs + (decideAfterMs ?? r.int(2 * HOUR, 6 * DAY));
      this.timeline.at(decideMs, () => {
        if (appeal.approved || appeal.rejected) return;
        const by = this.pickModerator(r, decideMs, 'appeals');
        let approve = decision === 'approve';
        // A purged suspension cannot be undone any more.
        if (approve && strike.action === 4000 && strike.target.purged) approve = false;
        if (approve) this.approveAppeal(decideMs, by, appeal);
        else {
          appeal.rejected = { by, ms: decideMs };
          appeal.updatedMs = decideMs;
          this.log(decideMs, by, 'reject', 'Appeal', appeal.id, this.acct(appeal.acc), { routeParam: String(strike.id) });
        }
      });
    });
  }

  approveAppeal(ms: number, by: Acc, appeal: Appeal): void {
    const strike = appeal.strike;
    const target = strike.target;
    appeal.approved = { by, ms };
    appeal.updatedMs = ms;
    strike.overruledMs = ms;
    strike.updatedMs = ms;
    switch (strike.action) {
      case 1000:
        target.user!.disabled = false;
        break;
      case 1250:
        for (const st of target.statuses) if (strike.statusIds?.includes(st.id) && st.deletedMs === null && !st.removed) st.sensitive = false;
        break;
      case 2000:
        target.sensitizedMs = null;
        break;
      case 3000:
        target.silencedMs = null;
        break;
      case 4000:
        this.unsuspend(target);
        break;
      default:
        // Warnings and removed posts cannot be undone; the strike is only marked overruled.
        break;
    }
    target.updatedMs = Math.max(target.updatedMs, ms);
    this.log(ms, by, 'approve', 'Appeal', appeal.id, this.acct(appeal.acc), { routeParam: String(strike.id) });
  }

  strikeText(r: Rng): string {
    const roll = r.next();
    if (roll < 0.35) return '';
    const preset = r.pick(C.WARNING_PRESETS).text;
    return roll < 0.7 ? preset : `${preset}\n\n${r.pick(C.STRIKE_CUSTOM_TEXTS)}`;
  }

  // ---------------------------------------------------------------------------------------
  // Timeline: federation and sign-up administration

  scheduleFederation(): void {
    const r = this.root.fork('federation');
    let blockSeq = 0;
    for (const blk of [...this.blocks].sort((a, b) => a.createdMs - b.createdMs)) {
      this.timeline.at(blk.createdMs, () => {
        blk.id = ++blockSeq;
        this.log(blk.createdMs, this.staff.get(blk.by)!, 'create', 'DomainBlock', blk.id, blk.domain);
        if (blk.severity === 2) return;
        // BlockDomainService: every account of the domain and its subdomains gets the block's timestamp.
        for (const acc of this.accounts) {
          const d = acc.dom?.domain;
          if (!d || (d !== blk.domain && !d.endsWith(`.${blk.domain}`))) continue;
          if (blk.severity === 0 && acc.silencedMs === null) {
            acc.silencedMs = blk.createdMs;
            acc.updatedMs = Math.max(acc.updatedMs, blk.createdMs);
          }
          if (blk.severity === 1 && acc.suspendedMs === null) this.suspend(blk.createdMs, acc, true);
        }
      });
    }
    // Domain allows (kept from a trial of limited-federation mode).
    const allowed = ['mastodon.bitforge.social', 'mstdn.sakura.jp', 'friends-of-palisade.example'];
    allowed.forEach((domain, i) => {
      const ms = this.founded + (20 + i) * DAY + r.int(0, HOUR);
      this.timeline.at(ms, () => {
        const row = { id: this.domainAllows.length + 1, domain, ms };
        this.domainAllows.push(row);
        this.log(ms, this.staff.get('admin')!, 'create', 'DomainAllow', row.id, domain);
      });
    });
    // Stop delivery to two dead servers.
    for (const [domain, days] of [['oldtown.social', 75], ['shutdown.example', 20]] as const) {
      const ms = this.now - days * DAY - r.int(0, DAY);
      this.timeline.at(ms, () => {
        const row = { id: this.unavailable.length + 1, domain, ms };
        this.unavailable.push(row);
        this.log(ms, this.pickModerator(r, ms, 'federation'), 'create', 'UnavailableDomain', row.id, domain);
      });
    }
    // E-mail domain blocks, with rows for their MX hosts (one audit entry each).
    C.BLOCKED_EMAIL_DOMAINS.forEach((b, i) => {
      const ms = this.now - (520 - i * 55) * DAY - r.int(0, DAY);
      this.timeline.at(ms, () => {
        const by = this.pickModerator(r, ms, 'blocks');
        const parent = { id: this.emailBlocks.length + 1, domain: b.domain, parent: null, approval: b.allowWithApproval, ms };
        this.emailBlocks.push(parent);
        this.log(ms, by, 'create', 'EmailDomainBlock', parent.id, b.domain);
        for (const mx of b.mx ?? []) {
          const child = { id: this.emailBlocks.length + 1, domain: mx, parent: parent.id, approval: b.allowWithApproval, ms };
          this.emailBlocks.push(child);
          this.log(ms, by, 'create', 'EmailDomainBlock', child.id, mx);
        }
      });
    });
    // IP rules: every severity, some expiring.
    const ipRules: { ip: string; severity: 5000 | 5500 | 9999; agoDays: number; expiresInDays: number | null }[] = [
      { ip: '198.51.100.0/24', severity: 5000, agoDays: 300, expiresInDays: null },
      { ip: '198.19.200.0/22', severity: 5000, agoDays: 90, expiresInDays: 180 },
      { ip: '2001:db8:cafe::/48', severity: 5000, agoDays: 30, expiresInDays: 14 },
      { ip: '203.0.113.0/24', severity: 5500, agoDays: 39, expiresInDays: 60 },
      { ip: '198.18.250.0/24', severity: 5500, agoDays: 240, expiresInDays: null },
      { ip: '2001:db8:bad::/48', severity: 5500, agoDays: 120, expiresInDays: 365 },
      { ip: '192.0.2.66/32', severity: 9999, agoDays: 2.9, expiresInDays: 14 },
      { ip: '2001:db8:dead::/48', severity: 9999, agoDays: 410, expiresInDays: null },
      { ip: '192.0.2.128/25', severity: 9999, agoDays: 95, expiresInDays: 365 },
    ];
    for (const rule of ipRules) {
      const ms = Math.floor(this.now - rule.agoDays * DAY);
      this.timeline.at(ms, () => {
        const row = { id: this.ipBlocks.length + 1, ip: rule.ip, severity: rule.severity, comment: r.pick(C.IP_BLOCK_COMMENTS[rule.severity]), ms, expiresMs: rule.expiresInDays === null ? null : ms + rule.expiresInDays * DAY };
        this.ipBlocks.push(row);
        const [addr, prefix] = rule.ip.split('/');
        this.log(ms, this.pickModerator(r, ms, 'blocks'), 'create', 'IpBlock', row.id, `${addr}/${prefix}`);
      });
    }
    // Canonical e-mail blocks made through the API (not tied to a suspension).
    for (const [i, email] of ['ban.evader@gmail.com', 'troll+alt@proton.me'].entries()) {
      const ms = this.now - (160 - i * 70) * DAY;
      this.timeline.at(ms, () => {
        const row = { id: ++this.canonicalSeq, hash: canonicalEmailHash(email), acc: null, ms, deleted: false };
        this.canonicalBlocks.push(row);
        this.log(ms, this.pickModerator(r, ms, 'blocks'), 'create', 'CanonicalEmailBlock', row.id, row.hash);
      });
    }
  }

  scheduleSignUps(): void {
    const r = this.root.fork('sign-ups');
    for (const u of this.users) {
      if (u.createdMs < this.now - APPROVAL_MODE_SINCE || (u.acc.kind === 'pending' && !u.rejected) || u.acc.kind === 'staff') continue;
      const ms = u.createdMs + r.int(10 * MIN, 40 * HOUR);
      if (u.rejected) {
        this.timeline.at(ms, () => this.log(ms, this.pickModerator(r, ms, 'users'), 'reject', 'User', u.id, u.acc.username, { routeParam: u.acc.id }));
        continue;
      }
      this.timeline.at(ms, () => {
        const by = this.pickModerator(r, ms, 'users');
        u.approvedBy = { by, ms };
        this.log(ms, by, 'approve', 'User', u.id, u.acc.username, { routeParam: u.acc.id });
      });
    }
  }

  scheduleStaffEvents(): void {
    const r = this.root.fork('staff-events');
    const owner = this.staff.get('owner')!;
    const frozen = this.staff.get('disabled')!;
    const frozenAt = this.disabledModeratorFrozenAt();
    this.timeline.at(frozenAt, () => this.accountAction(frozenAt, owner, frozen, 'disable', { text: 'Your account was frozen after your credentials showed up in a phishing campaign. Contact the owner to restore access.' }));

    const memorial = this.accounts.find((a) => a.memorial)!;
    const memorialMs = this.now - 100 * DAY;
    this.timeline.at(memorialMs, () => {
      memorial.updatedMs = memorialMs;
      this.log(memorialMs, this.staff.get('admin')!, 'memorialize', 'Account', memorial.id, this.acct(memorial));
    });

    // One person on a limited server was individually un-limited after review.
    const limited = this.domains.filter((d) => d.block?.severity === 0 && d.accounts.length > 2 && d.block.createdMs < this.now - 60 * DAY);
    const dom = r.pick(limited);
    const lucky = dom.accounts.find((a) => a.kind !== 'actor')!;
    const unsilenceMs = Math.max(dom.block!.createdMs + 5 * DAY, this.now - 50 * DAY);
    this.timeline.at(unsilenceMs, () => {
      lucky.silencedMs = null;
      lucky.updatedMs = unsilenceMs;
      this.log(unsilenceMs, this.pickModerator(r, unsilenceMs, 'users'), 'unsilence', 'Account', lucky.id, this.acct(lucky));
    });

    // Self-deletions (4.7: requested_deletion_at, purge pending for 30 days).
    const leavers = r.sample(this.accounts.filter((a) => a.kind === 'local' && !a.troublemaker && !a.memorial && !a.movedTo), 3);
    leavers.forEach((acc, i) => {
      const ms = this.now - (3 + i * 9) * DAY - r.int(0, DAY);
      this.timeline.at(ms, () => {
        acc.requestedDeletionMs = ms;
        acc.deletionRequestMs = ms;
        acc.updatedMs = ms;
      });
    });
  }

  // ---------------------------------------------------------------------------------------
  // Timeline: reports

  /** Accounts set aside for the scripted strike/appeal cases; random reports leave them alone. */
  readonly reserved = new Set<Acc>();

  reportable(acc: Acc, ms: number): boolean {
    return (
      acc.createdMs < ms - 5 * MIN &&
      !this.suspendedAt(acc, ms) &&
      !(acc.requestedDeletionMs !== null && acc.requestedDeletionMs <= ms) &&
      !this.reserved.has(acc) &&
      !acc.memorial &&
      acc.kind !== 'pending' &&
      acc.kind !== 'instance' &&
      acc.kind !== 'actor' &&
      acc.kind !== 'staff'
    );
  }

  visibleStatuses(acc: Acc, ms: number): St[] {
    return acc.statuses.filter(
      (st) => st.createdMs < ms && !st.reblogOf && st.visibility <= 2 && !(st.removedMs !== null && st.removedMs <= ms) && !(st.deletedMs !== null && st.deletedMs <= ms),
    );
  }

  pickReportStatuses(r: Rng, target: Acc, ms: number, category: Rep['category']): St[] {
    const visible = this.visibleStatuses(target, ms);
    if (visible.length === 0) return [];
    const recent = visible.slice(-30);
    const preferred = recent.filter((st) => (category === 1000 ? st.tag === 'spam' : st.tag === 'troll' || st.tag === 'hostile' || st.media.length > 0));
    const pool = preferred.length > 0 && r.chance(0.8) ? preferred : recent;
    const n = r.weighted<number>(category === 0 ? [[0, 30], [1, 50], [2, 20]] : [[0, 10], [1, 40], [2, 25], [3, 15], [4, 6], [5, 4]]);
    return r.sample(pool, n).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  addReportNote(ms: number, by: Acc, rep: Rep, content: string): void {
    this.reportNotes.push({ id: String(this.reportNotes.length + 1), account_id: by.id, report_id: String(rep.id), content, created_at: date(ms), updated_at: date(ms) });
    rep.updatedMs = Math.max(rep.updatedMs, ms);
  }

  scheduleReport(spec: ReportSpec): void {
    const r = spec.r;
    this.timeline.at(spec.createdMs, () => {
      const ms = spec.createdMs;
      const reporter = typeof spec.reporter === 'function' ? spec.reporter() : spec.reporter;
      const target = typeof spec.target === 'function' ? spec.target() : spec.target;
      if (!reporter || !target || reporter === target) return;
      const statuses = typeof spec.statuses === 'function' ? spec.statuses(target, ms) : spec.statuses ?? this.pickReportStatuses(r, target, ms, spec.category);
      const remoteReporter = Boolean(reporter.dom);
      const ruleIds = spec.category === 2000 ? spec.ruleIds ?? r.sample(this.ruleIdsAt(ms), r.weighted<number>([[1, 70], [2, 25], [3, 5]])).sort((a, b) => a - b) : null;
      let comment = spec.comment;
      if (comment === undefined) {
        const key = ({ 0: 'other', 1000: 'spam', 1500: 'legal', 2000: 'violation' } as const)[spec.category];
        comment = remoteReporter ? r.pick(C.REMOTE_REPORT_COMMENTS) : r.chance(0.15) ? '' : r.pick(C.REPORT_COMMENTS[key]);
      }
      const rep: Rep = {
        id: ++this.reportSeq,
        reporter,
        target,
        category: spec.category,
        comment: comment.slice(0, remoteReporter ? 5000 : 1000),
        statuses,
        ruleIds: ruleIds && ruleIds.length > 0 ? ruleIds : spec.category === 2000 ? [this.ruleIdsAt(ms)[0]!] : null,
        createdMs: ms,
        updatedMs: ms,
        resolvedMs: null,
        resolvedBy: null,
        assignedTo: null,
        // Forwarding is only recorded for local reports about remote accounts.
        forwarded: !remoteReporter && Boolean(target.dom) ? spec.forwarded ?? r.chance(0.55) : false,
        uri: remoteReporter ? `https://${reporter.dom!.domain}/${r.uuid()}` : `${BASE_URL}/${r.uuid()}`,
        appId: remoteReporter ? null : r.chance(0.7) ? 1 : r.int(2, 5),
      };
      this.reports.push(rep);

      if (spec.assign) {
        const assign = spec.assign;
        this.timeline.at(assign.ms, () => {
          if (rep.resolvedMs !== null) return;
          const to = assign.to ?? this.pickModerator(r, assign.ms, 'reports');
          rep.assignedTo = to;
          rep.updatedMs = Math.max(rep.updatedMs, assign.ms);
          this.log(assign.ms, to, 'assigned_to_self', 'Report', rep.id, String(rep.id));
        });
      }
      for (const note of spec.notes ?? []) {
        this.timeline.at(note.ms, () => this.addReportNote(note.ms, note.by ?? rep.assignedTo ?? this.pickModerator(r, note.ms, 'reports'), rep, note.text ?? r.pick(C.REPORT_NOTES)));
      }
      if (spec.authorDeletesMs !== undefined) {
        const delMs = spec.authorDeletesMs;
        this.timeline.at(delMs, () => {
          // Deleting a reported post only discards it: Mastodon keeps it for the report.
          const st = rep.statuses.find((s) => s.deletedMs === null && !s.removed);
          if (!st) return;
          st.deletedMs = delMs;
          for (const b of st.boosts) if (b.deletedMs === null) b.deletedMs = delMs;
        });
      }
      if (spec.resolve) {
        const resolve = spec.resolve;
        this.timeline.at(resolve.ms, () => this.resolveWithOutcome(r, rep, resolve));
      }
      if (spec.reopen) {
        const reopen = spec.reopen;
        this.timeline.at(reopen.ms, () => {
          if (rep.resolvedMs === null) return;
          const by = this.pickModerator(r, reopen.ms, 'reports');
          rep.resolvedMs = null;
          rep.resolvedBy = null;
          rep.updatedMs = Math.max(rep.updatedMs, reopen.ms);
          this.log(reopen.ms, by, 'reopen', 'Report', rep.id, String(rep.id));
          this.addReportNote(reopen.ms + 30_000, by, rep, 'Reopening: the account posted more of the same after we closed this.');
          if (reopen.resolveAgainMs !== undefined) {
            const againMs = reopen.resolveAgainMs;
            this.timeline.at(againMs, () => this.resolveWithOutcome(r, rep, { ms: againMs, outcome: 'dismiss' }));
          }
        });
      }
    });
  }

  resolveWithOutcome(r: Rng, rep: Rep, resolve: NonNullable<ReportSpec['resolve']>): void {
    const ms = resolve.ms;
    if (rep.resolvedMs !== null) return;
    const target = rep.target;
    const assignee = rep.assignedTo;
    const by = resolve.by ?? (assignee && r.chance(0.8) && this.moderatorsAt(ms, 'reports').some(([m]) => m === assignee) ? assignee : this.pickModerator(r, ms, 'reports'));
    let outcome = resolve.outcome;
    const local = !target.dom;
    if (this.suspendedAt(target, ms)) outcome = 'dismiss';
    if (!local && outcome === 'none') outcome = 'dismiss';
    if (!local && outcome === 'disable') outcome = 'silence';
    if (outcome === 'silence' && target.silencedMs !== null) outcome = 'dismiss';
    if (outcome === 'sensitive' && target.sensitizedMs !== null) outcome = 'dismiss';
    if (outcome === 'disable' && target.user?.disabled) outcome = 'dismiss';
    const text = resolve.text ?? this.strikeText(r);
    let strike: Strike | null = null;
    if (outcome === 'delete' || outcome === 'mark') {
      strike = this.statusBatch(ms, by, rep, outcome, text);
      if (!strike) outcome = local ? 'none' : 'dismiss';
    }
    if (outcome === 'dismiss') this.resolveReport(ms, by, rep);
    else if (!strike && outcome !== 'delete' && outcome !== 'mark') strike = this.accountAction(ms, by, target, outcome, { report: rep, includeStatuses: rep.statuses.length > 0, text });
    if (!strike || !local) return;
    const appeal = resolve.appeal ?? 'random';
    if (appeal === 'none') return;
    if (appeal === 'random') {
      if (r.chance(0.3)) this.fileAppeal(r, strike, ms + r.int(HOUR, 19 * DAY), r.weighted<'approve' | 'reject' | 'pending'>([['approve', 35], ['reject', 45], ['pending', 20]]));
    } else this.fileAppeal(r, strike, ms + appeal.afterMs, appeal.decision, appeal.decideAfterMs);
  }

  scheduleReports(): void {
    const r = this.root.fork('reports');
    const localReporters = this.accounts.filter((a) => !a.dom && (a.kind === 'local' || (a.kind === 'staff' && a.username === 'member')) && a.user?.approved && !a.memorial);
    const reporterTable = new WeightedTable(localReporters.map((a) => [a, r.chance(0.05) ? 25 : a.activity > 0 ? 1 : 0.2] as const));
    const flaggerDomains = this.domains.filter((d) => d.actor && d.kind === 'normal');
    const flaggerTable = new WeightedTable(flaggerDomains.map((d) => [d, d.domain === C.SPECIAL_DOMAINS.flagger ? 40 : 1 + d.size / 25] as const));
    const remoteTrolls = this.accounts.filter((a) => a.dom && (a.kind === 'troll' || (a.kind === 'remote' && a.troublemaker)));
    const remoteSpam = this.accounts.filter((a) => a.dom && a.kind === 'spammer' && a.dom.domain !== C.SPECIAL_DOMAINS.spam);
    const remoteAny = this.accounts.filter((a) => a.dom && a.kind === 'remote');
    const localTrouble = this.accounts.filter((a) => !a.dom && (a.troublemaker || a.kind === 'puppet'));
    const localAny = this.accounts.filter((a) => !a.dom && (a.kind === 'local' || a.kind === 'localbot'));

    const pickFrom = (rr: Rng, pools: [Acc[], number][], ms: number, needStatuses: boolean): Acc | null => {
      for (let attempt = 0; attempt < 30; attempt++) {
        const pool = rr.weighted(pools.filter(([p]) => p.length > 0));
        const acc = rr.pick(pool);
        if (!this.reportable(acc, ms)) continue;
        if (needStatuses && this.visibleStatuses(acc, ms).length === 0) continue;
        return acc;
      }
      return null;
    };
    const localReporter = (rr: Rng, ms: number) => () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const acc = reporterTable.draw(rr);
        if (acc.createdMs < ms && !this.suspendedAt(acc, ms) && !(acc.user?.disabled)) return acc;
      }
      return null;
    };
    const remoteReporter = (rr: Rng, ms: number) => () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const dom = flaggerTable.draw(rr);
        const block = this.effectiveBlock(dom);
        // Flags from suspended servers or servers whose reports we reject never arrive.
        if (block && block.createdMs <= ms && (block.severity === 1 || block.rejectReports)) continue;
        if (dom.actor && dom.actor.createdMs < ms) return dom.actor;
      }
      return null;
    };

    // Random reports over the last six months, denser recently.
    for (let i = 0; i < 395; i++) {
      const rr = r.fork(`random:${i}`);
      const bucket = rr.next();
      const age = bucket < 0.22 ? rr.int(5 * MIN, 2 * DAY) : bucket < 0.52 ? rr.int(2 * DAY, 14 * DAY) : bucket < 0.8 ? rr.int(14 * DAY, 60 * DAY) : rr.int(60 * DAY, 180 * DAY);
      const createdMs = this.now - age;
      const origin = rr.weighted<'lr' | 'll' | 'rl' | 'rr'>([['lr', 55], ['ll', 20], ['rl', 20], ['rr', 5]]);
      const category: Rep['category'] = origin === 'rl' || origin === 'rr' ? rr.weighted<Rep['category']>([[0, 85], [1000, 15]]) : rr.weighted<Rep['category']>([[1000, 33], [2000, 37], [0, 18], [1500, 12]]);
      const resolveChance = age < 6 * HOUR ? 0.05 : age < DAY ? 0.2 : age < 3 * DAY ? 0.4 : age < 7 * DAY ? 0.5 : age < 14 * DAY ? 0.6 : age < 30 * DAY ? 0.7 : age < 60 * DAY ? 0.8 : 1;
      const resolved = rr.chance(resolveChance);
      const delay = Math.min(age - MIN, Math.floor(Math.exp(rr.float(Math.log(5 * MIN), Math.log(9 * DAY)))));
      const resolveMs = resolved ? createdMs + delay : null;
      const outcome = rr.weighted<Outcome>(
        category === 1000 ? [['suspend', 45], ['silence', 15], ['dismiss', 30], ['delete', 10]]
          : category === 2000 ? [['dismiss', 33], ['none', 15], ['delete', 15], ['mark', 8], ['sensitive', 5], ['silence', 12], ['suspend', 9], ['disable', 3]]
            : category === 1500 ? [['delete', 40], ['suspend', 15], ['dismiss', 45]]
              : [['dismiss', 70], ['none', 10], ['silence', 10], ['suspend', 10]],
      );
      const targetPools: [Acc[], number][] =
        origin === 'lr' || origin === 'rr'
          ? category === 1000 ? [[remoteSpam, 80], [remoteAny, 20]] : [[remoteTrolls, 70], [remoteAny, 30]]
          : category === 1000 ? [[localTrouble.filter((a) => a.kind === 'puppet' || a.kind === 'localbot'), 50], [localTrouble, 30], [localAny, 20]] : [[localTrouble, 65], [localAny, 35]];
      const noteCount = rr.chance(0.28) ? rr.weighted<number>([[1, 60], [2, 25], [3, 10], [4, 5]]) : 0;
      const end = resolveMs ?? this.now;
      const notes = Array.from({ length: noteCount }, () => ({ ms: Math.min(this.now - MIN, createdMs + rr.int(MIN, Math.max(2 * MIN, end - createdMs + DAY))) })).sort((a, b) => a.ms - b.ms);
      const assignRoll = rr.next();
      const assign = resolveMs === null ? (assignRoll < 0.45 ? { ms: createdMs + rr.int(2 * MIN, Math.max(3 * MIN, Math.min(2 * DAY, age - MIN))) } : undefined) : assignRoll < 0.5 ? { ms: createdMs + Math.floor(delay * rr.float(0.05, 0.6)) } : undefined;
      const reopen = resolveMs !== null && rr.chance(0.025) ? { ms: resolveMs + rr.int(HOUR, 3 * DAY), ...(rr.chance(0.4) ? { resolveAgainMs: resolveMs + 4 * DAY + rr.int(0, 3 * DAY) } : {}) } : undefined;
      this.scheduleReport({
        r: rr,
        createdMs,
        reporter: origin === 'rl' || origin === 'rr' ? remoteReporter(rr, createdMs) : localReporter(rr, createdMs),
        target: () => pickFrom(rr, targetPools, createdMs, category !== 0),
        category,
        ...(resolveMs !== null ? { resolve: { ms: resolveMs, outcome } } : {}),
        ...(assign ? { assign } : {}),
        notes,
        ...(reopen ? { reopen } : {}),
        ...(rr.chance(0.1) ? { authorDeletesMs: createdMs + rr.int(10 * MIN, 5 * DAY) } : {}),
      });
    }

    this.scheduleScriptedReports(r.fork('scripted'), localReporter, remoteTrolls);
  }

  scheduleScriptedReports(r: Rng, localReporter: (rr: Rng, ms: number) => () => Acc | null, remoteTrolls: Acc[]): void {
    const mod = this.staff.get('moderator')!;
    const mod2 = this.staff.get('moderator2')!;
    const admin = this.staff.get('admin')!;
    const used = new Set<Acc>();
    const distinctReporter = (rr: Rng, ms: number) => () => {
      const pick = localReporter(rr, ms);
      for (let i = 0; i < 30; i++) {
        const acc = pick();
        if (acc && !used.has(acc)) {
          used.add(acc);
          return acc;
        }
      }
      return pick();
    };

    // The spam wave: 30 reports within an hour against three accounts on spam-wave.example.
    const wave = this.domainByName.get(C.SPECIAL_DOMAINS.spam)!.accounts.filter((a) => a.kind === 'spammer');
    const waveStart = this.now - 5 * HOUR;
    const [a, b, c] = wave as [Acc, Acc, Acc];
    const counts: [Acc, number][] = [[a, 12], [b, 10], [c, 8]];
    let k = 0;
    for (const [target, n] of counts) {
      for (let i = 0; i < n; i++, k++) {
        const rr = r.fork(`wave:${k}`);
        const ms = waveStart + k * 2 * MIN + rr.int(0, 60_000);
        this.scheduleReport({
          r: rr,
          createdMs: ms,
          reporter: distinctReporter(rr, ms),
          target,
          category: 1000,
          statuses: (t, at) => rr.sample(this.visibleStatuses(t, at), rr.int(1, 3)).sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1)),
          ...(target === b && i < 4 ? { assign: { ms: this.now - 2 * HOUR + i * MIN, to: mod2 } } : {}),
          notes: target === c && i === 0 ? [{ ms: this.now - 90 * MIN, by: mod, text: 'Same pattern as the accounts we suspended last week. Whole server looks like a spam operation — should we block spam-wave.example?' }] : [],
        });
      }
    }
    const suspendMs = this.now - 3 * HOUR;
    this.timeline.at(suspendMs, () => {
      const first = this.reports.find((rep) => rep.target === a && rep.resolvedMs === null) ?? null;
      this.accountAction(suspendMs, mod, a, 'suspend', { report: first, includeStatuses: true, text: C.WARNING_PRESETS[2]!.text });
    });

    // Hostile markup, for the console's sanitising to prove itself.
    const hostile = this.domainByName.get(C.SPECIAL_DOMAINS.hostile)!.accounts.filter((x) => x.kind === 'hostile');
    const [h0, h1, h2, h3] = hostile as [Acc, Acc, Acc, Acc];
    const h = (label: string) => r.fork(`hostile:${label}`);
    let rr = h('h0');
    this.scheduleReport({ r: rr, createdMs: this.now - 2 * DAY, reporter: distinctReporter(rr, this.now - 2 * DAY), target: h0, category: 2000, ruleIds: [1, 2], comment: 'Every post from this account tries to run scripts. Please do not click the links.', statuses: (t, at) => this.visibleStatuses(t, at), assign: { ms: this.now - DAY, to: mod2 }, notes: [{ ms: this.now - 23 * HOUR, by: mod2, text: 'Looked at it in a sandbox: it is an XSS probe against admin tools. Do not open the links.' }] });
    rr = h('h1');
    this.scheduleReport({ r: rr, createdMs: this.now - 6 * HOUR, reporter: distinctReporter(rr, this.now - 6 * HOUR), target: h1, category: 0, comment: C.HOSTILE_REPORT_COMMENT, statuses: (t, at) => this.visibleStatuses(t, at).slice(0, 5) });
    rr = h('h2');
    this.scheduleReport({ r: rr, createdMs: this.now - 20 * DAY, reporter: distinctReporter(rr, this.now - 20 * DAY), target: h2, category: 2000, ruleIds: [4], statuses: (t, at) => this.visibleStatuses(t, at), resolve: { ms: this.now - 19 * DAY, outcome: 'suspend', by: mod, text: '' } });
    const flagger = this.domainByName.get(C.SPECIAL_DOMAINS.flagger)!.actor!;
    rr = h('h3');
    this.scheduleReport({ r: rr, createdMs: this.now - 3 * DAY, reporter: flagger, target: h3, category: 0, comment: 'Forwarded from our moderation team: this account sends script payloads to our users.', statuses: (t, at) => this.visibleStatuses(t, at) });

    // Long comments, local (≤ 1000 characters) and received from another server (≤ 5000).
    const troll = r.pick(remoteTrolls.filter((x) => !this.effectiveBlock(x.dom!)));
    rr = r.fork('long-local');
    const longLocal = `I have been keeping a log of this. ${'Every evening this account shows up under posts from trans people on our server, replies with the same three "jokes", and when blocked, comes back with a new alt. '.repeat(6)}`.slice(0, 995);
    this.scheduleReport({ r: rr, createdMs: this.now - 9 * DAY, reporter: distinctReporter(rr, this.now - 9 * DAY), target: () => (this.reportable(troll, this.now - 9 * DAY) ? troll : null), category: 2000, ruleIds: [1, 2], comment: longLocal, notes: [{ ms: this.now - 8 * DAY, by: mod }, { ms: this.now - 7 * DAY, by: mod2 }, { ms: this.now - 6 * DAY, by: admin, text: 'Waiting for their admin to answer before we decide.' }] });
    rr = r.fork('long-remote');
    const localTarget = r.pick(this.accounts.filter((x) => !x.dom && x.troublemaker && x.kind === 'local'));
    const longRemote = `Report forwarded by the moderation team of ${C.SPECIAL_DOMAINS.flagger}.\n\n${'Several of our members received unsolicited direct messages from your user over the past two weeks. The messages are sexual in nature and continued after being told to stop. Screenshots are available on request. '.repeat(22)}`.slice(0, 4800);
    this.scheduleReport({ r: rr, createdMs: this.now - 15 * DAY, reporter: flagger, target: () => (this.reportable(localTarget, this.now - 15 * DAY) ? localTarget : null), category: 0, comment: longRemote, resolve: { ms: this.now - 14 * DAY, outcome: 'dismiss', by: mod } });

    // Reports that reference the rule deleted 150 days ago.
    for (let i = 0; i < 3; i++) {
      rr = r.fork(`deleted-rule:${i}`);
      const ms = this.now - (230 - i * 25) * DAY;
      // Their posts are older than the 90 days of statuses kept here, so the reports list none.
      this.scheduleReport({ r: rr, createdMs: ms, reporter: distinctReporter(rr, ms), target: () => {
        const pool = this.accounts.filter((x) => !x.dom && x.kind === 'local' && this.reportable(x, ms));
        return pool.length > 0 ? rr.pick(pool) : null;
      }, category: 2000, ruleIds: [4, 6], statuses: [], comment: 'Crypto shilling on the local timeline again.', resolve: { ms: ms + rr.int(HOUR, DAY), outcome: i === 0 ? 'none' : 'dismiss', appeal: 'none' } });
    }

    // The sock-puppet cluster gets reported and mostly suspended.
    const puppets = this.accounts.filter((x) => x.kind === 'puppet');
    puppets.slice(0, 3).forEach((p, i) => {
      rr = r.fork(`puppet:${i}`);
      const ms = this.now - 38 * DAY + i * 3 * HOUR;
      this.scheduleReport({ r: rr, createdMs: ms, reporter: distinctReporter(rr, ms), target: p, category: 1000, resolve: { ms: ms + (i + 1) * DAY, outcome: i === 2 ? 'silence' : 'suspend', by: admin, text: '' }, notes: [{ ms: ms + HOUR, by: mod, text: 'Shares the sign-up IP 203.0.113.77 with five other accounts created the same week.' }] });
    });

    // An open legal report nobody picked up for almost two months.
    rr = r.fork('stale');
    this.scheduleReport({ r: rr, createdMs: this.now - 58 * DAY, reporter: distinctReporter(rr, this.now - 58 * DAY), target: () => {
      const pool = this.accounts.filter((x) => x.dom && x.kind === 'remote' && this.reportable(x, this.now - 58 * DAY) && this.visibleStatuses(x, this.now - 58 * DAY).length > 0);
      return rr.pick(pool);
    }, category: 1500, comment: 'DMCA: this is my photo, posted without permission. I am the copyright holder.' });
  }

  // ---------------------------------------------------------------------------------------
  // Timeline: strikes from the account page, with appeals in every state

  scheduleStandaloneStrikes(): void {
    const r = this.root.fork('strikes');
    const candidates = this.accounts.filter(
      (a) => a.kind === 'local' && !a.troublemaker && !a.memorial && !a.movedTo && a.user?.approved && a.createdMs < this.now - 120 * DAY && this.visibleStatuses(a, this.now).length >= 3,
    );
    const targets = r.sample(candidates, 10);
    for (const t of targets) this.reserved.add(t);
    const [warned, frozen, sensitized, silenced, suspended, limited, quiet, marked, deleted, purged] = targets as [Acc, Acc, Acc, Acc, Acc, Acc, Acc, Acc, Acc, Acc];
    const staff = (k: DemoStaffKey) => this.staff.get(k)!;
    const at = (days: number) => this.now - days * DAY - r.int(0, 6 * HOUR);
    type Case = { target: Acc; days: number; by: DemoStaffKey; type: 'none' | 'disable' | 'sensitive' | 'silence' | 'suspend'; text?: string; appeal?: { afterDays: number; decision: 'approve' | 'reject' | 'pending'; decideAfterDays?: number } };
    const cases: Case[] = [
      { target: warned, days: 5, by: 'moderator', type: 'none', text: C.WARNING_PRESETS[0]!.text, appeal: { afterDays: 3, decision: 'pending' } },
      { target: frozen, days: 18, by: 'admin', type: 'disable', text: 'Your account is frozen while we look into the login activity from several countries at once.', appeal: { afterDays: 6, decision: 'pending' } },
      { target: sensitized, days: 45, by: 'moderator2', type: 'sensitive', text: C.WARNING_PRESETS[0]!.text, appeal: { afterDays: 5, decision: 'approve', decideAfterDays: 2 } },
      { target: silenced, days: 60, by: 'moderator', type: 'silence', text: `${C.WARNING_PRESETS[1]!.text}\n\n${C.STRIKE_CUSTOM_TEXTS[0]}`, appeal: { afterDays: 5, decision: 'approve', decideAfterDays: 5 } },
      { target: suspended, days: 20, by: 'admin', type: 'suspend', text: C.WARNING_PRESETS[3]!.text, appeal: { afterDays: 4, decision: 'reject', decideAfterDays: 2 } },
      { target: limited, days: 25, by: 'twofactor', type: 'silence', text: '', appeal: { afterDays: 16, decision: 'pending' } },
      { target: quiet, days: 70, by: 'moderator', type: 'none', text: '' },
      { target: purged, days: 200, by: 'admin', type: 'suspend', text: C.WARNING_PRESETS[2]!.text },
    ];
    for (const c of cases) {
      const ms = at(c.days);
      const rr = r.fork(`case:${c.target.username}`);
      this.timeline.at(ms, () => {
        const strike = this.accountAction(ms, staff(c.by), c.target, c.type, { text: c.text ?? '' });
        if (c.appeal) this.fileAppeal(rr, strike, ms + c.appeal.afterDays * DAY, c.appeal.decision, c.appeal.decideAfterDays === undefined ? undefined : c.appeal.decideAfterDays * DAY);
      });
    }
    // Post removal and marking as sensitive come from reports.
    const withMedia = (acc: Acc, ms: number) => this.visibleStatuses(acc, ms).filter((st) => st.media.length > 0);
    const markMs = at(30);
    const markTarget = withMedia(marked, markMs).length > 0 ? marked : this.accounts.find((a) => a.kind === 'local' && !this.reserved.has(a) && !a.troublemaker && withMedia(a, markMs).length > 0)!;
    this.reserved.add(markTarget);
    let rr = r.fork('mark');
    this.scheduleReport({ r: rr, createdMs: markMs, reporter: () => this.staff.get('member')!, target: markTarget, category: 2000, ruleIds: [3], comment: 'Graphic photo without a content warning.', statuses: (t, ms) => withMedia(t, ms).slice(-2), resolve: { ms: markMs + 20 * HOUR, outcome: 'mark', by: staff('moderator2'), text: C.WARNING_PRESETS[0]!.text, appeal: { afterMs: 2 * DAY, decision: 'reject', decideAfterMs: DAY } } });
    const deleteMs = at(50);
    rr = r.fork('delete');
    this.scheduleReport({ r: rr, createdMs: deleteMs, reporter: () => this.staff.get('member')!, target: deleted, category: 2000, ruleIds: [2], comment: 'Pile-on in the replies, see the two posts.', statuses: (t, ms) => this.visibleStatuses(t, ms).slice(-2), resolve: { ms: deleteMs + 5 * HOUR, outcome: 'delete', by: staff('moderator'), text: C.WARNING_PRESETS[1]!.text, appeal: { afterMs: 2 * DAY, decision: 'approve', decideAfterMs: DAY } } });

    // Strikes against remote accounts (only sensitive/silence/suspend apply to them).
    const remoteTargets = r.sample(this.accounts.filter((a) => a.dom && a.kind === 'remote' && !a.troublemaker && !this.effectiveBlock(a.dom) && a.suspendedMs === null && a.createdMs < this.now - 100 * DAY), 3);
    remoteTargets.forEach((target, i) => {
      this.reserved.add(target);
      const type = (['silence', 'suspend', 'sensitive'] as const)[i]!;
      const ms = at([80, 33, 15][i]!);
      this.timeline.at(ms, () => this.accountAction(ms, this.pickModerator(r, ms, 'reports'), target, type, { text: i === 1 ? C.STRIKE_CUSTOM_TEXTS[6]! : '' }));
    });
  }

  // ---------------------------------------------------------------------------------------
  // Timeline: moderation notes

  scheduleNotes(): void {
    const r = this.root.fork('notes');
    const subjects = [
      ...this.accounts.filter((a) => a.troublemaker || a.kind === 'puppet' || a.kind === 'troll'),
      ...r.sample(this.accounts.filter((a) => a.kind === 'remote' || a.kind === 'local'), 15),
    ];
    for (let i = 0; i < 50; i++) {
      const target = r.pick(subjects);
      const ms = Math.floor(target.createdMs + r.next() * (this.now - target.createdMs - MIN));
      this.timeline.at(ms, () => {
        const by = this.pickModerator(r, ms, 'reports');
        this.accountNotes.push({ id: String(this.accountNotes.length + 1), account_id: by.id, target_account_id: target.id, content: r.pick(C.ACCOUNT_NOTES), created_at: date(ms), updated_at: date(ms) });
      });
    }
    const noted = [
      this.domainByName.get(C.SPECIAL_DOMAINS.spam)!,
      this.domainByName.get(C.SPECIAL_DOMAINS.flagger)!,
      this.domainByName.get(C.SPECIAL_DOMAINS.hostile)!,
      ...r.sample(this.domains.filter((d) => d.block), 8),
      ...r.sample(this.domains.filter((d) => !d.block && d.kind === 'normal'), 4),
    ];
    noted.forEach((dom, i) => {
      const ms = dom.domain === C.SPECIAL_DOMAINS.spam ? this.now - 2 * HOUR : Math.floor(dom.firstSeenMs + r.next() * Math.max(HOUR, this.now - dom.firstSeenMs - HOUR));
      this.timeline.at(ms, () => {
        const by = this.pickModerator(r, ms, 'federation');
        const content = dom.domain === C.SPECIAL_DOMAINS.spam ? 'Spam wave this afternoon from three brand-new accounts. Open registrations, no visible admin.' : i === 1 ? 'Their admin team is responsive; they forward reports as the instance actor.' : r.pick(C.INSTANCE_NOTES);
        this.instanceNotes.push({ id: String(this.instanceNotes.length + 1), account_id: by.id, domain: dom.domain, content, created_at: date(ms), updated_at: date(ms) });
      });
    });
  }

  // ---------------------------------------------------------------------------------------
  // What Mastodon's purges leave behind

  purge(): void {
    const openReported = new Set<St>();
    for (const rep of this.reports) if (rep.resolvedMs === null) for (const st of rep.statuses) openReported.add(st);
    const endOf = (acc: Acc): number => Math.min(acc.suspendedMs ?? Infinity, acc.requestedDeletionMs ?? Infinity);
    for (const acc of this.accounts) {
      const end = endOf(acc);
      for (const st of acc.statuses) {
        // Nothing is posted while suspended or after deleting one's account.
        if (st.createdMs > end) st.removed = true;
        // DeleteAccountService spares only statuses of unresolved reports.
        else if (acc.purged && !openReported.has(st)) st.removed = true;
      }
      if (acc.purged) {
        acc.displayName = '';
        acc.note = '';
        acc.fields = null;
        acc.avatar = null;
        acc.header = null;
      }
    }
    for (const st of this.statuses) if (st.reblogOf?.removed) st.removed = true;

    const severanceByDomain = new Map<string, (typeof this.severance)[number]>();
    for (const [key, f] of this.follows) {
      const rejectedByRemoteSuspension = (x: Acc, y: Acc) => Boolean(x.dom && x.suspensionOrigin === 0 && x.suspendedMs !== null && !y.dom);
      const gone = f.a.purged || f.b.purged || rejectedByRemoteSuspension(f.a, f.b) || f.ms > endOf(f.a) || f.ms > endOf(f.b);
      if (!gone) continue;
      this.follows.delete(key);
      const remote = f.a.dom ? f.a : f.b;
      const local = f.a.dom ? f.b : f.a;
      const block = remote.dom ? this.effectiveBlock(remote.dom) : null;
      // Severed-relationship records exist since 4.3; older domain suspensions left none.
      if (!block || block.severity !== 1 || local.dom || block.createdMs < this.now - 400 * DAY || f.ms > block.createdMs) continue;
      let event = severanceByDomain.get(block.domain);
      if (!event) {
        event = { id: 0, domain: block.domain, ms: block.createdMs, rels: [] };
        severanceByDomain.set(block.domain, event);
      }
      event.rels.push({ local, remote, direction: f.a === local ? 1 : 0, reblogs: f.reblogs, notify: f.notify });
    }
    this.severance.push(...[...severanceByDomain.values()].sort((a, b) => a.ms - b.ms));
    this.severance.forEach((e, i) => (e.id = i + 1));
  }

  // ---------------------------------------------------------------------------------------
  // Rows

  rows(): DemoDataset {
    const r = this.root.fork('rows');
    const founded = date(this.founded);
    const out: DemoDataset = {
      userRoles: [
        { id: ROLE_IDS.everyone, name: '', position: -1, permissions: '65536', highlighted: false, created_at: founded, updated_at: founded },
        { id: ROLE_IDS.moderator, name: 'Moderator', position: 10, permissions: '1049884', highlighted: true, created_at: founded, updated_at: founded },
        { id: ROLE_IDS.admin, name: 'Admin', position: 100, permissions: '2031612', highlighted: true, created_at: founded, updated_at: founded },
        { id: ROLE_IDS.owner, name: 'Owner', position: 1000, permissions: '1', highlighted: true, created_at: founded, updated_at: founded },
      ],
      oauthApplications: C.OAUTH_APPS.map((app, i) => ({
        id: String(i + 1),
        name: app.name,
        uid: r.token(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
        secret: r.token(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
        redirect_uri: app.redirect,
        scopes: 'read write follow push',
        website: app.website,
        superapp: i === 0,
        confidential: true,
        created_at: date(this.founded + i * 30 * DAY),
        updated_at: date(this.founded + i * 30 * DAY),
      })),
      settings: (
        [
          ['site_title', 'Palisade Demo'],
          ['site_contact_username', 'owner'],
          ['site_contact_email', 'admin@palisade.test'],
          ['site_short_description', 'A demo Mastodon server for Palisade, the moderation console.'],
          ['registrations_mode', 'approved'],
          ['require_invite_text', 'false'],
          ['show_domain_blocks', 'users'],
          ['show_domain_blocks_rationale', 'users'],
        ] as const
      ).map(([variable, value], i) => ({
        id: String(i + 1),
        var: variable,
        // Values are YAML documents, exactly as rails-settings-cached stores them.
        value: `--- ${value}\n`,
        created_at: date(variable === 'registrations_mode' ? this.now - APPROVAL_MODE_SINCE : this.founded + i * MIN),
        updated_at: date(variable === 'registrations_mode' ? this.now - APPROVAL_MODE_SINCE : this.founded + i * MIN),
      })),
      rules: this.rules.map((rule) => ({ id: String(rule.id), text: rule.text, hint: rule.hint, priority: rule.priority, created_at: date(rule.createdMs), updated_at: date(rule.deletedMs ?? rule.createdMs), deleted_at: dateOrNull(rule.deletedMs) })),
      ruleTranslations: [],
      accountWarningPresets: C.WARNING_PRESETS.map((p, i) => ({ id: String(i + 1), title: p.title, text: p.text, created_at: date(this.founded + (5 + i * 40) * DAY), updated_at: date(this.founded + (5 + i * 40) * DAY) })),
      usernameBlocks: [],
      domainBlocks: [...this.blocks]
        .filter((b) => b.id > 0)
        .sort((a, b) => a.id - b.id)
        .map((b) => ({
          id: String(b.id),
          domain: b.domain,
          severity: b.severity,
          reject_media: b.rejectMedia,
          reject_reports: b.rejectReports,
          obfuscate: b.obfuscate,
          private_comment: b.privateComment,
          public_comment: b.publicComment,
          created_at: date(b.createdMs),
          updated_at: date(b.updatedMs),
        })),
      domainAllows: this.domainAllows.map((a) => ({ id: String(a.id), domain: a.domain, created_at: date(a.ms), updated_at: date(a.ms) })),
      unavailableDomains: this.unavailable.map((u) => ({ id: String(u.id), domain: u.domain, created_at: date(u.ms), updated_at: date(u.ms) })),
      emailDomainBlocks: this.emailBlocks.map((b) => ({ id: String(b.id), domain: b.domain, parent_id: b.parent === null ? null : String(b.parent), allow_with_approval: b.approval, created_at: date(b.ms), updated_at: date(b.ms) })),
      ipBlocks: this.ipBlocks.map((b) => ({ id: String(b.id), ip: b.ip, severity: b.severity, comment: b.comment, created_at: date(b.ms), updated_at: date(b.ms), expires_at: dateOrNull(b.expiresMs) })),
      accounts: [],
      accountMoves: [],
      users: [],
      invites: this.invites.map((inv) => ({ id: String(inv.id), user_id: String(inv.user.id), code: inv.code, created_at: date(inv.ms), updated_at: date(inv.ms), expires_at: dateOrNull(inv.expiresMs), max_uses: inv.maxUses, uses: inv.uses, autofollow: inv.autofollow, comment: inv.comment })),
      userInvites: [],
      userInviteRequests: [],
      loginActivities: [],
      statuses: [],
      mediaAttachments: [],
      mentions: [],
      statusStats: [],
      statusEdits: [],
      tombstones: this.tombstones.map((t, i) => ({ id: String(i + 1), account_id: t.acc.id, uri: t.uri, by_moderator: true, created_at: date(t.ms), updated_at: date(t.ms) })),
      follows: [],
      followRequests: [],
      relationshipSeveranceEvents: this.severance.map((e) => ({ id: String(e.id), type: 0, target_name: e.domain, purged: false, created_at: date(e.ms), updated_at: date(e.ms) })),
      severedRelationships: [],
      accountRelationshipSeveranceEvents: [],
      reports: this.reports.map((rep) => ({
        id: String(rep.id),
        account_id: rep.reporter.id,
        target_account_id: rep.target.id,
        category: rep.category,
        comment: rep.comment,
        status_ids: rep.statuses.map((st) => st.id),
        rule_ids: rep.ruleIds ? rep.ruleIds.map(String) : null,
        forwarded: rep.forwarded,
        uri: rep.uri,
        application_id: rep.appId === null ? null : String(rep.appId),
        assigned_account_id: rep.assignedTo?.id ?? null,
        action_taken_at: dateOrNull(rep.resolvedMs),
        action_taken_by_account_id: rep.resolvedBy?.id ?? null,
        created_at: date(rep.createdMs),
        updated_at: date(rep.updatedMs),
      })),
      reportNotes: this.reportNotes,
      accountWarnings: this.strikes.map((s) => ({
        id: String(s.id),
        account_id: s.by.id,
        target_account_id: s.target.id,
        action: s.action,
        report_id: s.report ? String(s.report.id) : null,
        status_ids: s.statusIds,
        text: s.text,
        overruled_at: dateOrNull(s.overruledMs),
        created_at: date(s.createdMs),
        updated_at: date(s.updatedMs),
      })),
      appeals: this.appeals.map((a) => ({
        id: String(a.id),
        account_id: a.acc.id,
        account_warning_id: String(a.strike.id),
        text: a.text,
        approved_at: dateOrNull(a.approved?.ms),
        approved_by_account_id: a.approved?.by.id ?? null,
        rejected_at: dateOrNull(a.rejected?.ms),
        rejected_by_account_id: a.rejected?.by.id ?? null,
        created_at: date(a.createdMs),
        updated_at: date(a.updatedMs),
      })),
      accountModerationNotes: this.accountNotes,
      instanceModerationNotes: this.instanceNotes,
      accountDeletionRequests: this.accounts
        .filter((a) => a.deletionRequestMs !== null)
        .sort((a, b) => a.deletionRequestMs! - b.deletionRequestMs!)
        .map((a, i) => ({ id: String(i + 1), account_id: a.id, created_at: date(a.deletionRequestMs!), updated_at: date(a.deletionRequestMs!) })),
      canonicalEmailBlocks: this.canonicalBlocks.filter((b) => !b.deleted).map((b) => ({ id: String(b.id), canonical_email_hash: b.hash, reference_account_id: b.acc?.id ?? null, created_at: date(b.ms), updated_at: date(b.ms) })),
      adminActionLogs: this.logs,
      accountStats: [],
    };

    let translationId = 0;
    for (const rule of this.rules) {
      for (const [language, text, hint] of rule.translations) {
        const ms = Math.max(rule.createdMs, this.now - 480 * DAY) + translationId * MIN;
        out.ruleTranslations.push({ id: String(++translationId), rule_id: String(rule.id), language, text, hint, created_at: date(ms), updated_at: date(ms) });
      }
    }
    const exact = ['abuse', 'account', 'accounts', 'admin', 'administration', 'administrator', 'admins', 'help', 'helpdesk', 'instance', 'mod', 'moderator', 'moderators', 'mods', 'owner', 'root', 'security', 'server', 'staff', 'support', 'webmaster'];
    // Mastodon seeds these on new installs; 4.5 added the table, after this demo opened.
    const seededAt = date(Math.max(this.founded, this.now - 380 * DAY));
    out.usernameBlocks = [...exact.map((u) => [u, true] as const), ['mastodon', false] as const, ['mastadon', false] as const].map(([username, isExact], i) => ({
      id: String(i + 1),
      username,
      normalized_username: normalizeUsername(username),
      exact: isExact,
      allow_with_approval: false,
      created_at: seededAt,
      updated_at: seededAt,
    }));

    // Accounts
    for (const acc of this.accounts) {
      const remote = acc.dom ? this.remoteUrls(acc) : null;
      const av = acc.avatar;
      const hd = acc.header;
      const avatarType = (f: MediaFile) => (f.fileName?.endsWith('.png') ? 'image/png' : 'image/jpeg');
      out.accounts.push({
        id: acc.id,
        username: acc.username,
        domain: acc.dom?.domain ?? null,
        display_name: acc.displayName,
        note: acc.note,
        fields: acc.fields ? JSON.stringify(acc.fields) : null,
        uri: remote?.uri ?? null,
        url: remote?.url ?? null,
        inbox_url: remote?.inbox ?? '',
        outbox_url: remote?.outbox ?? '',
        shared_inbox_url: remote?.shared ?? '',
        followers_url: remote?.followers ?? '',
        following_url: remote?.following ?? '',
        featured_collection_url: remote?.featured ?? null,
        protocol: acc.dom ? 1 : 0,
        actor_type: acc.actorType,
        locked: acc.locked,
        memorial: acc.memorial,
        discoverable: acc.discoverable,
        indexable: acc.indexable,
        trendable: null,
        also_known_as: acc.alsoKnownAs,
        silenced_at: dateOrNull(acc.silencedMs),
        suspended_at: dateOrNull(acc.suspendedMs),
        suspension_origin: acc.suspensionOrigin,
        sensitized_at: dateOrNull(acc.sensitizedMs),
        requested_deletion_at: dateOrNull(acc.requestedDeletionMs),
        avatar_file_name: av?.fileName ?? null,
        avatar_content_type: av?.fileName ? avatarType(av) : null,
        avatar_file_size: av?.fileName ? av.size : null,
        avatar_updated_at: av?.fileName ? date(av.updatedMs) : null,
        avatar_remote_url: av?.remoteUrl ?? (acc.dom ? '' : null),
        avatar_storage_schema_version: av?.fileName && acc.dom ? 1 : null,
        header_file_name: hd?.fileName ?? null,
        header_content_type: hd?.fileName ? avatarType(hd) : null,
        header_file_size: hd?.fileName ? hd.size : null,
        header_updated_at: hd?.fileName ? date(hd.updatedMs) : null,
        header_remote_url: hd?.remoteUrl ?? '',
        header_storage_schema_version: hd?.fileName && acc.dom ? 1 : null,
        last_webfingered_at: dateOrNull(acc.lastWebfingerMs),
        // Remote rows get the column default (1) spelled out: bulk inserts need uniform rows.
        id_scheme: acc.dom ? 1 : (acc.idScheme ?? 1),
        created_at: date(acc.createdMs),
        updated_at: date(acc.updatedMs),
      });
      if (acc.movedTo) out.accountMoves.push({ id: acc.id, moved_to_account_id: acc.movedTo.id });
    }

    // Users
    for (const u of this.users) {
      if (u.rejected) continue;
      const ok = u.signIns.filter((s) => s.success).sort((a, b) => a.ms - b.ms);
      const current = ok[ok.length - 1];
      const last = ok[ok.length - 2] ?? current;
      out.users.push({
        id: String(u.id),
        account_id: u.acc.id,
        email: u.email,
        encrypted_password: this.passwordHash,
        created_at: date(u.createdMs),
        updated_at: date(Math.max(u.createdMs, current?.ms ?? 0, u.approvedBy?.ms ?? 0)),
        confirmed_at: dateOrNull(u.confirmedMs),
        confirmation_sent_at: date(u.createdMs),
        confirmation_token: u.confirmationToken,
        approved: u.approved,
        disabled: u.disabled,
        role_id: u.roleId,
        sign_up_ip: u.signUpIp,
        sign_in_count: ok.length,
        current_sign_in_at: dateOrNull(current?.ms),
        last_sign_in_at: dateOrNull(last?.ms),
        locale: u.locale,
        chosen_languages: u.chosenLanguages,
        time_zone: u.timeZone,
        otp_required_for_login: u.otp,
        otp_secret: u.otp ? (u.acc.username === 'twofactor' ? DEMO_OTP_SECRET : r.token(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')) : null,
        created_by_application_id: u.appId === null ? null : String(u.appId),
      });
      if (u.inviteId !== null) out.userInvites.push({ id: String(u.id), invite_id: String(u.inviteId) });
      if (u.inviteRequest !== null) out.userInviteRequests.push({ id: String(out.userInviteRequests.length + 1), user_id: String(u.id), text: u.inviteRequest, created_at: date(u.createdMs), updated_at: date(u.createdMs) });
    }
    const signIns = this.users.filter((u) => !u.rejected).flatMap((u) => u.signIns.map((s) => ({ u, s }))).sort((a, b) => a.s.ms - b.s.ms || a.u.id - b.u.id);
    signIns.forEach(({ u, s }, i) =>
      out.loginActivities.push({ id: String(i + 1), user_id: String(u.id), authentication_method: s.method, provider: null, success: s.success, failure_reason: s.failure, ip: s.ip, user_agent: s.ua, created_at: date(s.ms) }),
    );

    // Statuses and everything hanging off them
    const kept = this.statuses.filter((st) => !st.removed);
    const edits: { st: St; e: St['edits'][number] }[] = [];
    for (const st of kept) {
      const media = st.media;
      out.statuses.push({
        id: st.id,
        account_id: st.acc.id,
        uri: st.uri,
        url: st.url,
        text: st.reblogOf ? '' : st.text,
        spoiler_text: st.spoiler,
        sensitive: st.sensitive,
        visibility: st.visibility,
        language: st.lang,
        local: !st.acc.dom,
        reply: st.replyTo !== null,
        in_reply_to_id: st.replyTo && !st.replyTo.removed ? st.replyTo.id : null,
        in_reply_to_account_id: st.replyTo?.acc.id ?? null,
        reblog_of_id: st.reblogOf?.id ?? null,
        conversation_id: String(st.conversationId),
        application_id: st.appId === null ? null : String(st.appId),
        ordered_media_attachment_ids: media.length > 0 ? media.map((m) => m.id) : null,
        edited_at: dateOrNull(st.editedMs),
        deleted_at: dateOrNull(st.deletedMs),
        created_at: date(st.createdMs),
        updated_at: date(Math.max(st.createdMs, st.editedMs ?? 0, st.deletedMs ?? 0)),
      });
      for (const m of media) {
        out.mediaAttachments.push({
          id: m.id,
          status_id: st.id,
          account_id: st.acc.id,
          type: m.type,
          file_file_name: m.fileName,
          file_content_type: m.contentType,
          file_file_size: m.size,
          file_updated_at: m.fileName ? date(m.createdMs) : null,
          file_meta: m.meta ? JSON.stringify(m.meta) : null,
          file_storage_schema_version: m.storage,
          remote_url: m.remoteUrl,
          description: m.description,
          blurhash: m.blurhash,
          processing: m.processing,
          shortcode: m.shortcode,
          created_at: date(m.createdMs),
          updated_at: date(st.createdMs),
        });
      }
      const seen = new Set<Acc>();
      for (const acc of st.mentions) {
        if (seen.has(acc)) continue;
        seen.add(acc);
        out.mentions.push({ id: String(out.mentions.length + 1), status_id: st.id, account_id: acc.id, silent: false, created_at: date(st.createdMs), updated_at: date(st.createdMs) });
      }
      if (!st.reblogOf) {
        const replies = st.replies.filter((x) => !x.removed && x.deletedMs === null && x.visibility < 3);
        const boosts = st.boosts.filter((x) => !x.removed && x.deletedMs === null);
        if (replies.length > 0 || boosts.length > 0 || st.favs > 0) {
          const touched = [...replies, ...boosts].reduce((max, x) => Math.max(max, x.createdMs), st.createdMs + r.int(MIN, HOUR));
          out.statusStats.push({
            id: String(out.statusStats.length + 1),
            status_id: st.id,
            replies_count: String(replies.length),
            reblogs_count: String(boosts.length),
            favourites_count: String(st.favs),
            created_at: date(st.createdMs + MIN),
            updated_at: date(Math.min(this.now, touched)),
          });
        }
      }
      for (const e of st.edits) edits.push({ st, e });
    }
    edits.sort((a, b) => a.e.ms - b.e.ms || (BigInt(a.st.id) < BigInt(b.st.id) ? -1 : 1));
    edits.forEach(({ st, e }, i) =>
      out.statusEdits.push({
        id: String(i + 1),
        status_id: st.id,
        account_id: e.editor.id,
        text: e.text,
        spoiler_text: e.spoiler,
        sensitive: e.sensitive,
        ordered_media_attachment_ids: st.media.length > 0 ? st.media.map((m) => m.id) : null,
        media_descriptions: st.media.length > 0 ? st.media.map((m) => m.description ?? '') : null,
        created_at: date(e.ms),
        updated_at: date(e.ms),
      }),
    );

    // Follows
    const follows = [...this.follows.values()].sort((a, b) => a.ms - b.ms || (a.a.id < b.a.id ? -1 : 1));
    const followers = new Map<Acc, number>();
    const following = new Map<Acc, number>();
    follows.forEach((f, i) => {
      following.set(f.a, (following.get(f.a) ?? 0) + 1);
      followers.set(f.b, (followers.get(f.b) ?? 0) + 1);
      out.follows.push({ id: String(i + 1), account_id: f.a.id, target_account_id: f.b.id, uri: f.uri, show_reblogs: f.reblogs, notify: f.notify, languages: null, created_at: date(f.ms), updated_at: date(f.ms) });
    });
    const requestKeys = new Set<string>();
    for (const fr of [...this.followRequests].sort((a, b) => a.ms - b.ms)) {
      const key = this.followKey(fr.a, fr.b);
      if (requestKeys.has(key) || this.follows.has(key) || fr.a.purged || fr.b.purged) continue;
      requestKeys.add(key);
      out.followRequests.push({ id: String(out.followRequests.length + 1), account_id: fr.a.id, target_account_id: fr.b.id, uri: fr.uri, show_reblogs: true, notify: false, languages: null, created_at: date(fr.ms), updated_at: date(fr.ms) });
    }
    for (const e of this.severance) {
      const perLocal = new Map<Acc, { followers: number; following: number }>();
      for (const rel of e.rels) {
        out.severedRelationships.push({ id: String(out.severedRelationships.length + 1), relationship_severance_event_id: String(e.id), local_account_id: rel.local.id, remote_account_id: rel.remote.id, direction: rel.direction, show_reblogs: rel.reblogs, notify: rel.notify, languages: null, created_at: date(e.ms), updated_at: date(e.ms) });
        const counts = perLocal.get(rel.local) ?? { followers: 0, following: 0 };
        if (rel.direction === 1) counts.following++;
        else counts.followers++;
        perLocal.set(rel.local, counts);
      }
      for (const [local, counts] of perLocal) {
        out.accountRelationshipSeveranceEvents.push({ id: String(out.accountRelationshipSeveranceEvents.length + 1), account_id: local.id, relationship_severance_event_id: String(e.id), followers_count: counts.followers, following_count: counts.following, created_at: date(e.ms), updated_at: date(e.ms) });
      }
    }

    // Counters (account_stats rows only where Mastodon would have created one)
    for (const acc of [...this.accounts].sort((a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1))) {
      if (!acc.hasStats) continue;
      const posts = acc.statuses.filter((st) => !st.removed && st.deletedMs === null);
      const last = posts.reduce<number | null>((max, st) => (max === null || st.createdMs > max ? st.createdMs : max), null);
      const extra = acc.dom && !acc.purged;
      out.accountStats.push({
        id: String(out.accountStats.length + 1),
        account_id: acc.id,
        statuses_count: String(posts.length + (extra ? acc.extraStatuses : 0)),
        followers_count: String((followers.get(acc) ?? 0) + (extra ? acc.extraFollowers : 0)),
        following_count: String((following.get(acc) ?? 0) + (extra ? acc.extraFollowing : 0)),
        last_status_at: dateOrNull(last),
        created_at: date(acc.createdMs),
        updated_at: date(Math.max(acc.createdMs, last ?? 0)),
      });
    }
    return out;
  }
}
