import { getTranslations } from 'next-intl/server';
import type { ModeratorLoad } from '@/db/queries/metrics';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';
import { share } from '@/lib/metrics';

/**
 * Per-moderator work, for roles with view_audit_log only. Listed by name with each person's share
 * of the team's work, so it reads as a distribution to rebalance, never as a leaderboard.
 */
export async function Workload({ rows, days, auditHref }: { rows: ModeratorLoad[]; days: number; auditHref: (accountId: string) => string }) {
  const t = await getTranslations('overview.charts');
  const work = (r: ModeratorLoad) => r.resolved + r.notes + r.otherActions;
  const team = rows.reduce((a, r) => a + work(r), 0);
  return (
    <ChartFigure
      testId="chart-workload"
      title={t('workload.title')}
      description={t('workload.description', { days })}
      chart={
        rows.length === 0 ? (
          <p className="text-sm">{t('workload.empty')}</p>
        ) : (
          <BarChart
            testId="workload"
            horizontal
            stacked
            rows={rows.map((r) => {
              const href = auditHref(r.accountId);
              return { id: r.accountId, label: r.username, values: { resolved: r.resolved, notes: r.notes, other: r.otherActions }, hrefs: { resolved: href, notes: href, other: href } };
            })}
            series={[
              { key: 'resolved', label: t('workload.resolved'), color: 'blue' },
              { key: 'notes', label: t('workload.notes'), color: 'green' },
              { key: 'other', label: t('workload.other'), color: 'purple' },
            ]}
          />
        )
      }
      table={
        <FigureTable
          caption={t('workload.title')}
          testId="workload-table"
          columns={[t('workload.moderator'), t('workload.resolved'), t('workload.notes'), t('workload.other'), t('workload.assigned'), t('workload.share')]}
          rows={rows.map((r) => {
            const ratio = share(work(r), team);
            return {
              key: r.accountId,
              cells: [
                <FigureLink key="m" href={auditHref(r.accountId)}>
                  {r.username}
                </FigureLink>,
                r.resolved,
                r.notes,
                r.otherActions,
                r.assignedOpen,
                ratio === null ? t('none') : t('workload.shareValue', { share: ratio }),
              ],
            };
          })}
        />
      }
    />
  );
}
