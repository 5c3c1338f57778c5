import fs from 'node:fs';
import path from 'node:path';
import { getDomainImpact, listDomainBlocks } from '../../db/queries/domain-blocks';
import { listInstances } from '../../db/queries/instances';
import { listRules } from '../../db/queries/rules';
import { parseBlocklist } from '../../lib/blocklist/parse';
import { buildImportReview } from '../../lib/domain-block-import';
import { parseDomainBlockFilters } from '../../lib/domain-block-filters';
import type { BenchCase } from './cases';

const GARDENFENCE = fs.readFileSync(path.resolve(import.meta.dirname, '../../lib/blocklist/fixtures/gardenfence-mastodon.csv'));

/** Federation and rules (issue #4): the domain-block list, the impact preview, the import review. */
export const FEDERATION_BENCH_CASES: BenchCase[] = [
  { name: 'domain_blocks_first_page', run: (db) => listDomainBlocks({ db, filters: parseDomainBlockFilters({}) }) },
  {
    name: 'domain_blocks_strictest_deep_page',
    // Page 100 of the "strictest first" order: keyset on (rank, domain), no OFFSET.
    prepare: async (db) => {
      let cursor: string | undefined;
      for (let i = 0; i < 100; i += 1) cursor = (await listDomainBlocks({ db, filters: parseDomainBlockFilters({ sort: 'severity', ...(cursor ? { cursor } : {}) }) })).nextCursor ?? cursor;
      return cursor;
    },
    run: (db, cursor) => listDomainBlocks({ db, filters: parseDomainBlockFilters({ sort: 'severity', cursor: cursor as string }) }),
  },
  { name: 'domain_blocks_search', run: (db) => listDomainBlocks({ db, filters: parseDomainBlockFilters({ q: 'spam', severity: 'suspend' }) }) },
  {
    name: 'domain_impact_largest_domain',
    // The server with the most known accounts: the worst case of the preview.
    prepare: async (db) => (await listInstances({ db, limit: 1 })).rows[0]?.domain,
    run: (db, domain) => getDomainImpact({ db, domain: domain as string }),
  },
  {
    name: 'domain_impact_typical_domain',
    // The 200th largest server: what most previews look like.
    prepare: async (db) => {
      const page = await listInstances({ db, limit: 200 });
      return page.rows.at(-1)?.domain;
    },
    run: (db, domain) => getDomainImpact({ db, domain: domain as string }),
  },
  {
    name: 'domain_impact_existing_block',
    // Editing or removing a block: the accounts carrying its created_at are counted too.
    prepare: async (db) => (await listDomainBlocks({ db, filters: parseDomainBlockFilters({ sort: 'severity' }), limit: 1 })).rows[0],
    run: (db, block) => getDomainImpact({ db, domain: (block as { domain: string }).domain, blockId: (block as { id: string }).id }),
  },
  { name: 'import_review_gardenfence', run: (db) => buildImportReview({ db, parsed: parseBlocklist(GARDENFENCE), fileName: 'gardenfence-mastodon.csv' }) },
  { name: 'instances_first_page', run: (db) => listInstances({ db }) },
  { name: 'rules_with_report_counts', run: (db) => listRules({ db }) },
];
