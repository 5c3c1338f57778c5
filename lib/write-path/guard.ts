import { can, type Permission } from '@/lib/permissions';
import { WritePathError, type WriteActor } from './types';

/** Checked again at the write path, whatever the caller checked: no adapter writes for a role that may not. */
export function assertCan(actor: WriteActor, permission: Permission): void {
  if (!can(actor.permissions, permission)) {
    throw new WritePathError('forbidden', `Your role lacks the ${permission} permission.`, permission);
  }
}
