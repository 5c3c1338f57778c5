import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('gives the defaults for an empty environment', () => {
    expect(parseEnv({})).toEqual({
      ok: true,
      env: expect.objectContaining({
        DATABASE_URL: undefined,
        PALISADE_DATA_DIR: '.palisade',
        PALISADE_BLOCKLIST_ALLOW_PRIVATE: false,
        PALISADE_WORKER: 'auto',
        PALISADE_AUTO_MIGRATE: true,
      }),
    });
  });

  it('treats an empty or blank URL as unset and trims the others', () => {
    const parsed = parseEnv({ DATABASE_URL: '', DATABASE_REPLICA_URL: '   ', MASTODON_URL: ' https://mastodon.example ' });
    expect(parsed.ok && parsed.env).toMatchObject({ DATABASE_URL: undefined, DATABASE_REPLICA_URL: undefined, MASTODON_URL: 'https://mastodon.example' });
  });

  it('reads the switches', () => {
    const parsed = parseEnv({ PALISADE_BLOCKLIST_ALLOW_PRIVATE: 'true', PALISADE_AUTO_MIGRATE: 'false', PALISADE_WORKER: 'off', PALISADE_LOCAL_DOMAIN: ' social.example ' });
    expect(parsed.ok && parsed.env).toMatchObject({ PALISADE_BLOCKLIST_ALLOW_PRIVATE: true, PALISADE_AUTO_MIGRATE: false, PALISADE_WORKER: 'off', PALISADE_LOCAL_DOMAIN: 'social.example' });
  });

  it('names every bad variable', () => {
    const parsed = parseEnv({ DATABASE_URL: 'not a url', PALISADE_WORKER: 'sometimes', AUTH_SECRET: 'short', PALISADE_BLOCKLIST_ALLOW_PRIVATE: 'yes' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      'DATABASE_URL: Invalid URL',
      'AUTH_SECRET: must be at least 32 characters',
      'PALISADE_BLOCKLIST_ALLOW_PRIVATE: expected one of "true"|"false", got "yes"',
      'PALISADE_WORKER: expected one of "auto"|"inline"|"off", got "sometimes"',
    ]);
  });

  it('accepts a PostgreSQL URL with credentials and options', () => {
    const parsed = parseEnv({ DATABASE_URL: 'postgres://palisade:s%40cret@db.internal:5433/mastodon_production?sslmode=require' });
    expect(parsed.ok).toBe(true);
  });
});
