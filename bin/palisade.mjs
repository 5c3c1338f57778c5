#!/usr/bin/env node
/**
 * `npx palisade …` / `npm run palisade -- …`: runs the TypeScript CLI (cli/main.ts) from a clean
 * checkout after `npm install`, with nothing to build by hand.
 *
 * The CLI is bundled on first use with the esbuild that tsx installs, into
 * node_modules/.cache/palisade-cli, and rebuilt whenever one of its source files changes: a
 * bundle starts in a fraction of the time a per-file TypeScript loader needs, which matters for
 * a command run from cron or in a shell loop. If bundling is impossible (read-only install, no
 * esbuild), or PALISADE_CLI_TSX=1, it runs the sources through the installed tsx instead.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = path.join(root, 'cli', 'main.ts');
const cacheDir = path.join(root, 'node_modules', '.cache', 'palisade-cli');
const manifestFile = path.join(cacheDir, 'manifest.json');

// Files shipped with Palisade (Mastodon's DDL for the embedded database) are found from here,
// whatever directory cron starts the command in.
process.env.PALISADE_ROOT ??= root;
// The embedded database and the generated secret live where the server keeps them: relative
// paths are relative to the Palisade directory, as for the server started there.
process.env.PALISADE_DATA_DIR = path.resolve(root, process.env.PALISADE_DATA_DIR || '.palisade');
if (process.env.PALISADE_PGLITE_DIR && process.env.PALISADE_PGLITE_DIR !== 'memory://') process.env.PALISADE_PGLITE_DIR = path.resolve(root, process.env.PALISADE_PGLITE_DIR);

function upToDate() {
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.node !== process.version) return null;
    for (const [file, stamp] of Object.entries(manifest.inputs)) {
      const stat = fs.statSync(path.join(root, file));
      if (`${stat.size}:${stat.mtimeMs}` !== stamp) return null;
    }
    const bundle = path.join(cacheDir, manifest.bundle, 'main.mjs');
    return fs.existsSync(bundle) ? bundle : null;
  } catch {
    return null;
  }
}

async function build() {
  const require = createRequire(path.join(root, 'package.json'));
  const esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  fs.mkdirSync(cacheDir, { recursive: true });
  // One directory per build: commands are split into chunks loaded only when run.
  const name = `cli-${process.pid}-${Date.now()}`;
  const result = await esbuild.build({
    entryPoints: { main: entry },
    absWorkingDir: root,
    tsconfig: path.join(root, 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outdir: path.join(cacheDir, name),
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const stat = fs.statSync(path.join(root, file));
    inputs[file] = `${stat.size}:${stat.mtimeMs}`;
  }
  const previous = (() => {
    try {
      return JSON.parse(fs.readFileSync(manifestFile, 'utf8')).bundle;
    } catch {
      return null;
    }
  })();
  const tmp = `${manifestFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ node: process.version, bundle: name, inputs }));
  fs.renameSync(tmp, manifestFile);
  // The old bundle may still be running in another process; files of an earlier day can go.
  for (const file of fs.readdirSync(cacheDir)) {
    if (file.startsWith('cli-') && file !== name && file !== previous && Date.now() - fs.statSync(path.join(cacheDir, file)).mtimeMs > 86_400_000) {
      fs.rmSync(path.join(cacheDir, file), { recursive: true, force: true });
    }
  }
  return path.join(cacheDir, name, 'main.mjs');
}

async function load() {
  if (!/^(1|true)$/i.test(process.env.PALISADE_CLI_TSX ?? '')) {
    try {
      return await import(pathToFileURL(upToDate() ?? (await build())).href);
    } catch (error) {
      if (process.env.PALISADE_DEBUG) console.error(`palisade: bundling failed, using tsx: ${error.message}`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: path.join(root, 'tsconfig.json') });
  return import(pathToFileURL(entry).href);
}

const { main } = await load();
const code = await main(process.argv.slice(2));
// Exit once standard output has drained (a large list piped into another program), without
// waiting for idle handles such as a database pool's timers.
process.stdout.write('', () => process.exit(code));
