import { getTranslations } from 'next-intl/server';
import type { ReportedDomainRow, ReportingDomainRow } from '@/db/queries/metrics';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { FigureLink, FigureTable } from '@/components/charts/figure-table';
import { displayDomain } from '@/lib/blocklist/domain';
import { share } from '@/lib/metrics';

export interface DomainLinks {
  reported: (domain: string, status: 'open' | 'resolved') => string;
  reporting: (domain: string, status: 'open' | 'resolved') => string;
}

export async function ReportedDomains({ rows, days, links }: { rows: ReportedDomainRow[]; days: number; links: DomainLinks | null }) {
  const t = await getTranslations('overview.charts');
  return (
    <ChartFigure
      testId="chart-reported-domains"
      title={t('reportedDomains.title')}
      description={t('reportedDomains.description', { days })}
      chart={
        rows.length === 0 ? (
          <p className="text-sm">{t('empty')}</p>
        ) : (
          <BarChart
            testId="reported-domains"
            horizontal
            stacked
            rows={rows.map((r) => ({
              id: r.domain,
              label: displayDomain(r.domain),
              values: { open: r.open, resolved: r.reports - r.open },
              hrefs: links ? { open: links.reported(r.domain, 'open'), resolved: links.reported(r.domain, 'resolved') } : undefined,
            }))}
            series={[
              { key: 'open', label: t('reportedDomains.open'), color: 'orange' },
              { key: 'resolved', label: t('reportedDomains.resolved'), color: 'blue' },
            ]}
          />
        )
      }
      table={
        <FigureTable
          caption={t('reportedDomains.title')}
          testId="reported-domains-table"
          columns={[t('reportedDomains.domain'), t('reportedDomains.reports'), t('reportedDomains.open'), t('reportedDomains.resolved'), t('reportedDomains.accounts')]}
          rows={rows.map((r) => ({
            key: r.domain,
            cells: [
              displayDomain(r.domain),
              r.reports,
              <FigureLink key="o" href={links && r.open > 0 ? links.reported(r.domain, 'open') : null}>
                {r.open}
              </FigureLink>,
              <FigureLink key="r" href={links && r.reports - r.open > 0 ? links.reported(r.domain, 'resolved') : null}>
                {r.reports - r.open}
              </FigureLink>,
              r.accounts,
            ],
          }))}
        />
      }
    />
  );
}

export async function ReportingDomains({ rows, days, links }: { rows: ReportingDomainRow[]; days: number; links: DomainLinks | null }) {
  const t = await getTranslations('overview.charts');
  const name = (domain: string | null) => (domain ? displayDomain(domain) : t('reportingDomains.local'));
  // Local reporters have no domain to filter the queue by.
  const href = (domain: string | null, status: 'open' | 'resolved') => (links && domain ? links.reporting(domain, status) : null);
  return (
    <ChartFigure
      testId="chart-reporting-domains"
      title={t('reportingDomains.title')}
      description={t('reportingDomains.description', { days })}
      chart={
        rows.length === 0 ? (
          <p className="text-sm">{t('empty')}</p>
        ) : (
          <BarChart
            testId="reporting-domains"
            horizontal
            stacked
            rows={rows.map((r) => ({
              id: r.domain ?? '',
              label: name(r.domain),
              values: { actioned: r.actioned, noAction: r.resolved - r.actioned, open: r.reports - r.resolved },
              hrefs: { actioned: href(r.domain, 'resolved'), noAction: href(r.domain, 'resolved'), open: href(r.domain, 'open') },
            }))}
            series={[
              { key: 'actioned', label: t('reportingDomains.actioned'), color: 'green' },
              { key: 'noAction', label: t('reportingDomains.noAction'), color: 'blue' },
              { key: 'open', label: t('reportingDomains.open'), color: 'orange' },
            ]}
          />
        )
      }
      table={
        <FigureTable
          caption={t('reportingDomains.title')}
          columns={[t('reportingDomains.source'), t('reportingDomains.reports'), t('reportingDomains.actioned'), t('reportingDomains.noAction'), t('reportingDomains.open'), t('reportingDomains.share')]}
          rows={rows.map((r) => {
            const ratio = share(r.actioned, r.resolved);
            return {
              key: r.domain ?? '',
              cells: [
                <FigureLink key="d" href={href(r.domain, 'resolved')}>
                  {name(r.domain)}
                </FigureLink>,
                r.reports,
                r.actioned,
                r.resolved - r.actioned,
                <FigureLink key="o" href={r.reports - r.resolved > 0 ? href(r.domain, 'open') : null}>
                  {r.reports - r.resolved}
                </FigureLink>,
                ratio === null ? t('none') : t('reportingDomains.shareValue', { share: ratio }),
              ],
            };
          })}
        />
      }
    />
  );
}
