import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { writeMode } from '@/lib/mode';
import { requirePermission } from '@/lib/session';
import { DomainBlockEditor } from '@/components/federation/domain-block-editor';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('federation.editor'))('createTitle') };
}

/** Mastodon's /admin/domain_blocks/new, with the impact preview for every severity. `?domain=` pre-fills. */
export default async function NewDomainBlockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('manage_federation');
  const t = await getTranslations('federation.editor');
  const params = await searchParams;
  const domain = typeof params.domain === 'string' ? params.domain.slice(0, 300) : '';
  return (
    <section aria-labelledby="new-block-title" className="space-y-4">
      <Link href="/federation" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← {t('back')}
      </Link>
      <h2 id="new-block-title" className="text-lg font-semibold">
        {t('createTitle')}
      </h2>
      <DomainBlockEditor
        mode="create"
        blockId={null}
        apiMode={writeMode() === 'api'}
        mastodonUrl={env().MASTODON_URL ?? null}
        initial={{ domain, severity: 'silence', rejectMedia: false, rejectReports: false, obfuscate: false, privateComment: '', publicComment: '' }}
      />
    </section>
  );
}
