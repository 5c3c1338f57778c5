import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { WriteMode } from '@/lib/mode';

/** Always visible: a moderator must know whether an action goes through Mastodon or straight to the database. */
export async function ModeBadge({ mode, embedded }: { mode: WriteMode; embedded: boolean }) {
  const t = await getTranslations('shell.mode');
  return (
    <div className="flex items-center gap-2" data-testid="write-mode" data-mode={mode}>
      <Badge tone={mode === 'api' ? 'emerald' : 'amber'} title={t(mode)}>
        <span aria-hidden="true" className={`size-1.5 rounded-full ${mode === 'api' ? 'bg-emerald-500' : 'bg-amber-500'}`} />
        {t(mode === 'api' ? 'apiShort' : 'databaseShort')}
        <span className="sr-only">: {t(mode)}</span>
      </Badge>
      {embedded ? <Badge tone="sky">{t('embedded')}</Badge> : null}
    </div>
  );
}
