'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { heartbeatAction, leaveReportAction, type Viewer } from '@/app/(console)/reports/[id]/actions';
import { Alert } from '@/components/ui/alert';

const HEARTBEAT_MS = 30_000;

/**
 * "Others viewing": the page tells the server every 30 s that this moderator has the report open
 * (while the tab is visible) and shows who else does. Leaving the page clears the mark at once.
 */
export function ReportPresence({ reportId, initial, assignedToOther }: { reportId: string; initial: Viewer[]; assignedToOther: string | null }) {
  const t = useTranslations('reports.report');
  const [viewers, setViewers] = useState<Viewer[]>(initial);

  useEffect(() => {
    let cancelled = false;
    const beat = async () => {
      if (document.visibilityState !== 'visible') return;
      const answer = await heartbeatAction({ reportId });
      if (!cancelled && answer.status === 'success') setViewers(answer.viewers);
    };
    const timer = setInterval(beat, HEARTBEAT_MS);
    const onVisible = () => void beat();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      void leaveReportAction({ reportId });
    };
  }, [reportId]);

  if (viewers.length === 0 && !assignedToOther) return null;
  return (
    <div className="space-y-2" data-testid="report-presence" aria-live="polite">
      {assignedToOther ? <Alert tone="warning">{t('assignedToOther', { acct: `@${assignedToOther}` })}</Alert> : null}
      {viewers.length > 0 ? <Alert tone="info">{t('viewing', { names: viewers.map((v) => `@${v.acct}`).join(', '), count: viewers.length })}</Alert> : null}
    </div>
  );
}
