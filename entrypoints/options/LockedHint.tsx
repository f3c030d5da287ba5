// What the admin's policy locks on the options page, and the hint under each locked field that says so.
// Every section of the page that has policy-set fields renders it; the lock list comes from settings.get.
import { t } from '@/lib/i18n';
import type { LockedField } from '@/lib/settings/policy';
import { saved } from './models/connection-form';

export const isLocked = (field: LockedField) => saved.value?.locked.includes(field) ?? false;

/** The id of a locked field's hint, for the field's aria-describedby; undefined when not locked. */
export const lockHintId = (field: LockedField) => (isLocked(field) ? `locked-${field}` : undefined);

/** Under every field the admin's policy sets: why it cannot be changed. */
export function LockedHint({ field }: { field: LockedField }) {
  return isLocked(field) ? (
    <p id={lockHintId(field)} class="field__hint field__hint--locked">
      {t('setByAdmin')}
    </p>
  ) : null;
}

export const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
