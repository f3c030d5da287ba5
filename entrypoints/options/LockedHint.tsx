// What the admin's policy locks on the options page, and the hint under each locked field that says so.
// Every section of the page that has policy-set fields renders it; the lock list comes from settings.get,
// as the connection form loaded it.
import { t } from '@/lib/i18n';
import type { LockedField } from '@/lib/settings/policy';
import { useOptions } from './options-context';

/** Whether a field is locked, and the id of a locked field's hint for its aria-describedby (undefined when not locked). */
export function useLocks() {
  const { saved } = useOptions().connectionForm;
  const isLocked = (field: LockedField) => saved.value?.locked.includes(field) ?? false;
  const lockHintId = (field: LockedField) => (isLocked(field) ? `locked-${field}` : undefined);
  return { isLocked, lockHintId };
}

/** Under every field the admin's policy sets: why it cannot be changed. */
export function LockedHint({ field }: { field: LockedField }) {
  const { isLocked, lockHintId } = useLocks();
  return isLocked(field) ? (
    <p id={lockHintId(field)} class="field__hint field__hint--locked">
      {t('setByAdmin')}
    </p>
  ) : null;
}

export const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
