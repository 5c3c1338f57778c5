import type { z } from 'zod';
import { WritePathError, type WritePathErrorCode } from './write-path/types';

/** What every account/appeal/sign-up server action answers (house rule: a closed union). */
export type ActionFailure =
  | { status: 'unauthenticated' }
  | { status: 'forbidden'; message: string | null }
  | { status: 'invalid'; fieldErrors: Record<string, string[]> }
  | { status: 'error'; code: WritePathErrorCode | 'unexpected'; message: string };

export type ActionResult<T extends object = object> = ({ status: 'success' } & T) | ActionFailure;

export function invalidFrom(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { status: 'invalid', fieldErrors };
}

/**
 * A write-path refusal keeps its safe, specific detail; anything else is logged on the server and
 * reaches the moderator only as a generic message.
 */
export function failureFrom(error: unknown, context: string): ActionFailure {
  if (error instanceof WritePathError) {
    if (error.code === 'forbidden') return { status: 'forbidden', message: error.detail };
    if (error.code === 'unauthenticated') return { status: 'error', code: 'unauthenticated', message: error.detail };
    return { status: 'error', code: error.code, message: error.detail };
  }
  console.error(`[palisade] ${context} failed:`, error instanceof Error ? error.message : error);
  return { status: 'error', code: 'unexpected', message: 'The action failed unexpectedly; nothing was changed. Try again, and tell an administrator if it keeps failing.' };
}
