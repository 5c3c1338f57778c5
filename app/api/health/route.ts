import { NextResponse } from 'next/server';
import { getDatabase } from '@/db';
import { ping } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Liveness + database readiness; the e2e web server waits on it (it also triggers the first-start seed). */
export async function GET() {
  try {
    const prepared = await getDatabase();
    await ping(prepared.handle.db);
    return NextResponse.json({ status: 'ok', database: prepared.handle.kind, mastodon: prepared.mastodon.series });
  } catch (error) {
    return NextResponse.json({ status: 'unavailable', error: (error as Error).message }, { status: 503 });
  }
}
