import { prepareDatabase } from '@/db/prepare';
import { listPublishableBlocks, type Audience } from '@/db/queries/blocklist-publishing';
import { getBlocklistSettings } from '@/db/queries/blocklist-suggestions';
import { hasLimitations } from '@/lib/blocklist/severity';
import { renderList } from '@/lib/blocklist/sources-publish';
import { flag, stringOption, type CommandSpec, type ParsedArgs } from '../args';
import type { Command } from '../command';
import { formatCount, note, printJson, writeFileAtomic, type CliContext } from '../context';
import { databaseLabel } from './migrate';
import { OUTPUT_FORMATS } from './blocklist-merge';

const spec: CommandSpec = {
  name: 'blocklist export',
  synopsis: '[--format mastodon|fediblockhole|txt|json] [--audience allies|public] [--out FILE] [--json]',
  summary:
    'Prints this instance’s blocklist exactly as Palisade’s publishing endpoints serve it (/api/blocklists/…): Mastodon’s limiting blocks in its export order, ' +
    'without blocks that came from subscriptions unless the blocklist settings publish them, public comments as the comment visibility allows, never a private comment.',
  positionals: { name: '', min: 0, max: 0 },
  options: [
    { name: 'format', type: 'string', choices: Object.keys(OUTPUT_FORMATS), value: 'mastodon|fediblockhole|txt|json', help: 'mastodon (default, Mastodon’s #-header CSV), fediblockhole, txt (suspensions only), json (Mastodon’s public API shape)' },
    { name: 'audience', type: 'string', choices: ['allies', 'public'], value: 'allies|public', help: 'what allies see (default: real domains) or what anyone sees (obfuscated blocks as Mastodon shows them)' },
    { name: 'out', type: 'string', value: 'FILE', help: 'write to FILE (atomically) instead of standard output' },
  ],
  notes: ['The endpoints’ own visibility settings (off / allies / public) decide who may fetch a format; the command line, run by an administrator, may always export.', 'Exit status: 0 exported, 1 failed, 2 bad usage.'],
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const formatName = stringOption(args, 'format') ?? 'mastodon';
  const format = OUTPUT_FORMATS[formatName]! as Parameters<typeof renderList>[0];
  const audience = (stringOption(args, 'audience') ?? 'allies') as Audience;
  const out = stringOption(args, 'out');
  const handle = await ctx.openDatabase({ mustExist: true });
  try {
    await prepareDatabase({ handle, seedDemo: false, migrate: handle.kind === 'pglite' || ctx.env.PALISADE_AUTO_MIGRATE });
    const settings = await getBlocklistSettings({ db: handle.db });
    const blocks = await listPublishableBlocks({ db: handle.db, includeSubscribed: settings.publishSubscribed });
    const body = renderList(format, blocks, audience, settings);
    if (out) writeFileAtomic(out, body);
    const published = blocks.filter((b) => hasLimitations(b)).length;
    if (flag(args, 'json')) {
      printJson(ctx, {
        ok: true,
        command: 'blocklist export',
        format: formatName,
        audience,
        database: databaseLabel(handle, ctx),
        visibility: settings.visibility[format],
        commentVisibility: settings.commentVisibility,
        includesSubscribed: settings.publishSubscribed,
        blocks: published,
        out: out ?? null,
        ...(out ? {} : { body }),
      });
    } else if (!out) {
      ctx.io.out(body);
    }
    note(ctx, `Exported ${formatCount(published)} blocks (${formatName}, for ${audience})${out ? ` → ${out}` : ''}.`);
    return 0;
  } finally {
    await handle.close().catch(() => {});
  }
}

export const blocklistExport: Command = { spec, run };
