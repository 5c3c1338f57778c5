import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const EnvSchema = z.object({
  DATABASE_URL: optionalUrl,
  DATABASE_REPLICA_URL: optionalUrl,
  /** Where Palisade keeps its embedded database, generated secret and demo media. */
  PALISADE_DATA_DIR: z.string().default('.palisade'),
  /** Overrides the embedded database directory (`memory://` for throwaway runs). */
  PALISADE_PGLITE_DIR: z.string().optional(),
  /** Base URL of the Mastodon instance; enables "Sign in with Mastodon" and the Admin API write path. */
  MASTODON_URL: optionalUrl,
  /** The instance's LOCAL_DOMAIN, shown in the header; defaults to the MASTODON_URL host. */
  PALISADE_LOCAL_DOMAIN: z.string().trim().optional(),
  MASTODON_CLIENT_ID: z.string().optional(),
  MASTODON_CLIENT_SECRET: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** Palisade's public URL (next-auth reads it too); links in exports use it, not the address a proxy forwarded to. */
  NEXTAUTH_URL: optionalUrl,
  /** Blocklist subscriptions may fetch from loopback and private addresses (tests, lists on a private network). */
  PALISADE_BLOCKLIST_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Connected mode: an Admin API token for the blocklist worker's automatic changes (none: they wait for a moderator). */
  PALISADE_AUTOMATION_TOKEN: z.string().trim().optional(),
  /** Where the blocklist worker runs: `auto` (inside the server with the embedded database, else `npm run worker`), `inline`, `off`. */
  PALISADE_WORKER: z.enum(['auto', 'inline', 'off']).default('auto'),
  /** Run Palisade's migrations (schema `palisade` only) on start; set to false to run `npm run migrate` by hand. */
  PALISADE_AUTO_MIGRATE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
