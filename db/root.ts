import fs from 'node:fs';
import path from 'node:path';

/**
 * The directory holding package.json. Next's bundles and the CLI run from different places, so
 * files shipped with Palisade (the embedded Mastodon DDL) are found from here, not from the module.
 */
export function projectRoot(): string {
  const fromEnv = process.env.PALISADE_ROOT;
  if (fromEnv) return fromEnv;
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, 'db', 'mastodon', 'schema.sql'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
