// The customer's custom fields, each rendered by its type; unset fields are collapsed behind a toggle so
// the card stays short.
import { displayFields } from '@/lib/crm/custom-fields';
import type { CustomFieldDefinition, CustomFieldValue } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';

export function CustomFieldList({ definitions, values }: { definitions: CustomFieldDefinition[]; values: CustomFieldValue[] }) {
  const fields = displayFields(definitions, values);
  const filled = fields.filter((field) => field.text);
  return (
    <details class="custom-fields" open={filled.length > 0}>
      <summary>{t('customFields', String(filled.length))}</summary>
      <dl class="facts">
        {fields.map((field) => (
          <div class="fact" key={field.id}>
            <dt title={field.name}>{field.name}</dt>
            <dd class={field.type === 'textarea' ? 'fact--multiline' : undefined}>{field.text || <span class="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
