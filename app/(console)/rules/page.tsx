import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { listRules, type RuleRow } from '@/db/queries/rules';
import { requirePermission } from '@/lib/session';
import { RulesManager } from '@/components/rules/rules-manager';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rules'))('title') };
}

/** Mastodon's /admin/rules (manage_rules), with translations, reordering and citation counts. */
export default async function RulesPage() {
  await requirePermission('manage_rules');
  const t = await getTranslations('rules');
  let rules: RuleRow[] | null = null;
  let deleted: RuleRow[] = [];
  try {
    const db = (await getDatabase()).handle.db;
    [rules, deleted] = await Promise.all([listRules({ db }), listRules({ db, deleted: true })]);
  } catch (error) {
    console.error('[palisade] rules failed:', (error as Error).message);
  }
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('subtitle')}</p>
      </div>
      {!rules ? (
        <Alert tone="error">{t('unavailable')}</Alert>
      ) : (
        <RulesManager rules={rules.map((r) => ({ id: r.id, text: r.text, hint: r.hint, translations: r.translations.map(({ language, text, hint }) => ({ language, text, hint })), reportsTotal: r.reportsTotal, reportsOpen: r.reportsOpen }))} />
      )}
      {deleted.length ? (
        <Card>
          <h2 className="text-sm font-semibold">{t('deletedTitle')}</h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('deletedHelp')}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {deleted.map((r) => (
              <li key={r.id} data-testid="deleted-rule">
                <span className="text-zinc-700 line-through dark:text-zinc-300">{r.text}</span>{' '}
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('deletedLine', { date: r.deletedAt!.toISOString().slice(0, 10), total: r.reportsTotal })}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
