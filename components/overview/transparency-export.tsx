import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

/** A plain GET form: the month and format travel in the URL, so the download is a link too. */
export async function TransparencyExport({ defaultMonth, maxMonth }: { defaultMonth: string; maxMonth: string }) {
  const t = await getTranslations('overview.charts.transparency');
  const button =
    'rounded-md px-3 py-2 text-sm font-semibold ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800';
  return (
    <Card>
      <h2 className="text-base font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('description')}</p>
      <form action="/overview/transparency" method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="grid gap-1 text-sm">
          <label htmlFor="transparency-month" className="font-medium">
            {t('month')}
          </label>
          <input
            id="transparency-month"
            type="month"
            name="month"
            defaultValue={defaultMonth}
            max={maxMonth}
            required
            pattern="\d{4}-\d{2}"
            className="rounded-md border-0 bg-white px-2 py-1.5 ring-1 ring-zinc-300 ring-inset dark:bg-zinc-900 dark:ring-zinc-700"
          />
        </div>
        <button type="submit" name="format" value="csv" className={button}>
          {t('csv')}
        </button>
        <button type="submit" name="format" value="json" className={button}>
          {t('json')}
        </button>
      </form>
    </Card>
  );
}
