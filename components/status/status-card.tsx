import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { Collapsible } from './collapsible';
import { MediaGallery } from './media-gallery';
import styles from './status-content.module.css';
import type { MediaPreference, StatusView } from './types';

function utc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The sanitised HTML of a post (the only place that injects it). */
export function StatusContent({ html, lang, className }: { html: string; lang?: string | null; className?: string }) {
  // `html` comes from lib/sanitize-html.ts through toStatusViews; nothing else may reach here.
  return <div className={cn(styles.content, 'text-sm', className)} dir="auto" lang={lang ?? undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * One post as a moderator needs it: author, visibility, deletion and edit state, the content
 * warning (content folded behind it, as in Mastodon's admin), media shielded until revealed, and
 * the full edit history. Server component; `actions` renders extra controls (e.g. a checkbox).
 */
export async function StatusCard({ status, mediaPreference, actions }: { status: StatusView; mediaPreference: MediaPreference; actions?: ReactNode }) {
  const t = await getTranslations('status');
  const body = (
    <>
      {status.html ? (
        <Collapsible>
          <StatusContent html={status.html} lang={status.language} />
        </Collapsible>
      ) : (
        <p className="text-sm text-zinc-600 italic dark:text-zinc-400">{t(status.reblog ? 'boostWithoutText' : 'empty')}</p>
      )}
      <MediaGallery media={status.media} preference={mediaPreference} />
    </>
  );

  return (
    <article
      className={cn(
        'rounded-lg bg-white p-4 ring-1 dark:bg-zinc-900',
        status.deletedAt ? 'ring-red-300 dark:ring-red-900' : 'ring-zinc-200 dark:ring-zinc-800',
      )}
      aria-labelledby={`status-${status.id}-author`}
      data-testid="status-card"
      data-status-id={status.id}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p id={`status-${status.id}-author`} className="truncate text-sm">
            <bdi className="font-semibold">{status.author.displayName.trim() || status.author.acct}</bdi>{' '}
            <span className="text-zinc-600 dark:text-zinc-400">@{status.author.acct}</span>
          </p>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
            <time dateTime={status.createdAt} title={utc(status.createdAt)}>
              {utc(status.createdAt)}
            </time>
            {status.inReplyToAcct ? <span>{t('replyTo', { acct: status.inReplyToAcct })}</span> : null}
            {status.language ? <span>{status.language}</span> : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          {actions}
          <Badge tone={status.visibility === 'direct' || status.visibility === 'private' ? 'indigo' : 'neutral'}>{t(`visibility.${status.visibility}`)}</Badge>
          {status.sensitive ? <Badge tone="amber">{t('sensitive')}</Badge> : null}
          {status.editedAt ? (
            <Badge tone="sky" title={utc(status.editedAt)}>
              {t('edited')}
            </Badge>
          ) : null}
          {status.deletedAt ? (
            <Badge tone="red" title={utc(status.deletedAt)}>
              {t('deleted')}
            </Badge>
          ) : null}
        </div>
      </header>

      <div className="mt-3">
        {status.spoilerText ? (
          <details className="group" data-testid="status-content-warning">
            <summary className="cursor-pointer rounded-md bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200 ring-inset dark:bg-amber-950/50 dark:ring-amber-900">
              <span className="font-semibold">{t('contentWarning')}</span> <bdi dir="auto">{status.spoilerText}</bdi>{' '}
              <span className="text-xs text-amber-900 underline group-open:hidden dark:text-amber-200">{t('showContent')}</span>
              <span className="hidden text-xs text-amber-900 underline group-open:inline dark:text-amber-200">{t('hideContent')}</span>
            </summary>
            <div className="mt-3">{body}</div>
          </details>
        ) : (
          body
        )}
      </div>

      {status.edits.length > 0 ? (
        <details className="mt-3 text-sm" data-testid="status-edit-history">
          <summary className="cursor-pointer text-xs font-medium text-sky-800 underline dark:text-sky-300">{t('history.summary', { count: status.edits.length })}</summary>
          <ol className="mt-2 space-y-3 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
            {status.edits.map((edit, index) => (
              <li key={edit.id}>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  <time dateTime={edit.createdAt}>{utc(edit.createdAt)}</time> · {index === 0 ? t('history.original') : t('history.revision', { number: index })}
                  {edit.byOther ? ` · ${t('history.byModerator')}` : ''}
                  {edit.sensitive ? ` · ${t('sensitive')}` : ''}
                </p>
                {edit.spoilerText ? (
                  <p className="mt-1 text-xs">
                    <span className="font-semibold">{t('contentWarning')}</span> <bdi dir="auto">{edit.spoilerText}</bdi>
                  </p>
                ) : null}
                {edit.html ? <StatusContent html={edit.html} className="mt-1 text-zinc-800 dark:text-zinc-200" /> : null}
                {edit.mediaDescriptions.length > 0 ? (
                  <ul className="mt-1 list-disc pl-5 text-xs text-zinc-700 dark:text-zinc-300">
                    {edit.mediaDescriptions.map((d, i) => (
                      <li key={i} dir="auto">
                        {d || t('media.noDescription')}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      {status.url ? (
        <p className="mt-3 text-xs">
          <a href={status.url} target="_blank" rel="noopener nofollow noreferrer" data-external="true" className="font-medium text-indigo-700 underline dark:text-indigo-300">
            {t(status.local ? 'viewPublic' : 'viewOriginal', { host: new URL(status.url).hostname })}
          </a>
        </p>
      ) : null}
    </article>
  );
}
