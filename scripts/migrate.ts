/**
 * `npm run migrate`: brings Palisade's own schema (`palisade`) up to date on DATABASE_URL, or on
 * the embedded database. The same as `palisade migrate` (cli/commands/migrate.ts).
 */
import { main } from '../cli/main';

main(['migrate', ...process.argv.slice(2)]).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`migrate: ${error.message}`);
    process.exit(1);
  },
);
