// The CRM's own words about a failure, folded away: the agent reads the failure in their language, and
// can still quote the CRM's code and text to an administrator. Shown only when the CRM sent a code.
import { t } from '@/lib/i18n';

export function CrmText({ error }: { error: { crmCode?: string; message: string } | undefined }) {
  if (!error?.crmCode) return null;
  return (
    <details class="crm-text">
      <summary>{t('crmSaid')}</summary>
      <p>
        <code>{error.crmCode}</code> {error.message}
      </p>
    </details>
  );
}
