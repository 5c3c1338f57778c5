/**
 * `npm run seed -- --scale demo|large [--force] [--now <ISO time>]`: the same as `palisade seed`
 * (cli/commands/seed.ts). With DATABASE_URL it seeds that PostgreSQL database (an empty one gets
 * Mastodon's schema first; one holding accounts Palisade did not write is refused, with or
 * without --force); without it, the embedded database.
 *
 * Exit codes: 0 seeded, 1 refused or failed, 2 bad usage.
 */
import { main } from '../cli/main';

main(['seed', ...process.argv.slice(2)]).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`seed: ${error.message}`);
    process.exit(1);
  },
);
