import type { Migration } from 'kysely';
import * as foundation from './20261121T000000Z-foundation';
import * as events from './20261122T001500Z-events';
import * as appealReplies from './20261122T001600Z-appeal-replies';
import * as reportTriage from './20261122T003000Z-report-triage';
import * as blocklistExchange from './20261123T000000Z-blocklist-exchange';

/**
 * Hand-maintained and explicit (not a directory scan) so the list survives bundling by Next and
 * the order never depends on the file system. Append; never edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '20261121T000000Z-foundation': foundation,
  '20261122T001500Z-events': events,
  '20261122T001600Z-appeal-replies': appealReplies,
  '20261122T003000Z-report-triage': reportTriage,
  '20261123T000000Z-blocklist-exchange': blocklistExchange,
};
