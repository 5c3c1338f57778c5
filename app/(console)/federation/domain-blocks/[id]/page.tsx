import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDatabase } from '@/db';
import { getDomainBlock } from '@/db/queries/domain-blocks';
import { displayDomain } from '@/lib/blocklist/domain';
import { env } from '@/lib/env';
import { writeMode } from '@/lib/mode';
import { requirePermission } from '@/lib/session';
import { DomainBlockEditor } from '@/components/federation/domain-block-editor';
import { Alert } from '@/components/ui/alert';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations('federation.editor');
  const block = await getDomainBlock({ db: (await getDatabase()).handle.replica, id: (await params).id }).catch(() => null);
  return { title: block ? t('editTitle', { domain: displayDomain(block.domain) }) : t('createTitle') };
}

export default async function EditDomainBlockPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('federation.editor');
  const block = await getDomainBlock({ db: (await getDatabase()).handle.db, id: (await params).id });
  if (!block) notFound();
  const saved = (await searchParams).saved;
  const apiMode = writeMode() === 'api';
  return (
    <section aria-labelledby="edit-block-title" className="space-y-4">
      <Link href="/federation" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="edit-block-title" className="text-lg font-semibold">
          {t('editTitle', { domain: displayDomain(block.domain) })}
        </h2>
        <Link href={`/federation/instances/${encodeURIComponent(block.domain)}`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {t('instancePage')}
        </Link>
      </div>
      {saved === 'created' || saved === 'updated' ? (
        <Alert tone="success" title={saved === 'created' ? t('savedCreated') : t('savedUpdated')}>
          {apiMode ? t('savedApi') : t('savedDatabase')}
        </Alert>
      ) : null}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('createdAt', { date: block.createdAt.toISOString().slice(0, 16).replace('T', ' ') })}</p>
      <DomainBlockEditor
        mode="edit"
        blockId={block.id}
        apiMode={apiMode}
        mastodonUrl={env().MASTODON_URL ?? null}
        initial={{
          domain: block.domain,
          severity: block.severity,
          rejectMedia: block.rejectMedia,
          rejectReports: block.rejectReports,
          obfuscate: block.obfuscate,
          privateComment: block.privateComment ?? '',
          publicComment: block.publicComment ?? '',
        }}
      />
    </section>
  );
}
