/**
 * The server's and the CLI's settings, read from the environment and checked once. Written out by
 * hand rather than with a schema library: every CLI command reads it, and a command such as
 * `palisade blocklist merge` run from cron should not pay for loading one.
 */
export interface Env {
  DATABASE_URL: string | undefined;
  DATABASE_REPLICA_URL: string | undefined;
  /** Where Palisade keeps its embedded database, generated secret and demo media. */
  PALISADE_DATA_DIR: string;
  /** Overrides the embedded database directory (`memory://` for throwaway runs). */
  PALISADE_PGLITE_DIR: string | undefined;
  /** Base URL of the Mastodon instance; enables "Sign in with Mastodon" and the Admin API write path. */
  MASTODON_URL: string | undefined;
  /** The instance's LOCAL_DOMAIN, shown in the header; defaults to the MASTODON_URL host. */
  PALISADE_LOCAL_DOMAIN: string | undefined;
  MASTODON_CLIENT_ID: string | undefined;
  MASTODON_CLIENT_SECRET: string | undefined;
  AUTH_SECRET: string | undefined;
  NEXTAUTH_SECRET: string | undefined;
  /** Palisade's public URL (next-auth reads it too); links in exports use it, not the address a proxy forwarded to. */
  NEXTAUTH_URL: string | undefined;
  /** Blocklist subscriptions may fetch from loopback and private addresses (tests, lists on a private network). */
  PALISADE_BLOCKLIST_ALLOW_PRIVATE: boolean;
  /** Connected mode: an Admin API token for the blocklist worker's automatic changes (none: they wait for a moderator). */
  PALISADE_AUTOMATION_TOKEN: string | undefined;
  /** Where the blocklist worker runs: `auto` (inside the server with the embedded database, else `npm run worker`), `inline`, `off`. */
  PALISADE_WORKER: 'auto' | 'inline' | 'off';
  /** Run Palisade's migrations (schema `palisade` only) on start; set to false to run `npm run migrate` by hand. */
  PALISADE_AUTO_MIGRATE: boolean;
}

type Vars = Readonly<Record<string, string | undefined>>;

/** Reads the variables, collecting every problem (`NAME: what is wrong`) instead of stopping at the first. */
export function parseEnv(vars: Vars): { ok: true; env: Env } | { ok: false; issues: string[] } {
  const issues: string[] = [];

  // Empty means unset: deployment templates often carry `DATABASE_URL=`.
  const url = (name: string): string | undefined => {
    const value = vars[name]?.trim();
    if (value === undefined || value === '') return undefined;
    if (!URL.canParse(value)) issues.push(`${name}: Invalid URL`);
    return value;
  };
  const trimmed = (name: string): string | undefined => vars[name]?.trim();
  const secret = (name: string): string | undefined => {
    const value = vars[name];
    if (value !== undefined && value.length < 32) issues.push(`${name}: must be at least 32 characters`);
    return value;
  };
  const choice = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const value = vars[name];
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    issues.push(`${name}: expected one of ${choices.map((c) => `"${c}"`).join('|')}, got "${value}"`);
    return fallback;
  };

  const env: Env = {
    DATABASE_URL: url('DATABASE_URL'),
    DATABASE_REPLICA_URL: url('DATABASE_REPLICA_URL'),
    PALISADE_DATA_DIR: vars.PALISADE_DATA_DIR ?? '.palisade',
    PALISADE_PGLITE_DIR: vars.PALISADE_PGLITE_DIR,
    MASTODON_URL: url('MASTODON_URL'),
    PALISADE_LOCAL_DOMAIN: trimmed('PALISADE_LOCAL_DOMAIN'),
    MASTODON_CLIENT_ID: vars.MASTODON_CLIENT_ID,
    MASTODON_CLIENT_SECRET: vars.MASTODON_CLIENT_SECRET,
    AUTH_SECRET: secret('AUTH_SECRET'),
    NEXTAUTH_SECRET: secret('NEXTAUTH_SECRET'),
    NEXTAUTH_URL: url('NEXTAUTH_URL'),
    PALISADE_BLOCKLIST_ALLOW_PRIVATE: choice('PALISADE_BLOCKLIST_ALLOW_PRIVATE', ['true', 'false'], 'false') === 'true',
    PALISADE_AUTOMATION_TOKEN: trimmed('PALISADE_AUTOMATION_TOKEN'),
    PALISADE_WORKER: choice('PALISADE_WORKER', ['auto', 'inline', 'off'], 'auto'),
    PALISADE_AUTO_MIGRATE: choice('PALISADE_AUTO_MIGRATE', ['true', 'false'], 'true') === 'true',
  };
  return issues.length ? { ok: false, issues } : { ok: true, env };
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env);
    if (!parsed.ok) throw new Error(`Invalid environment: ${parsed.issues.join('; ')}`);
    cached = parsed.env;
  }
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
