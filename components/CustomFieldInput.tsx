// One custom field's input, chosen by its type: text, multi-line, date, time, number, a dropdown, radio
// buttons, checkboxes, or a cascade as linked selects (one per level, each offering only the options
// under the one chosen above it; the path is stored comma-joined).
import { cascadeLevels, chooseCascadeLevel } from '@/lib/crm/custom-fields';
import type { CustomFieldDefinition } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';

interface CustomFieldInputProps {
  field: CustomFieldDefinition;
  value: string;
  invalid: boolean;
  describedBy?: string;
  onChange: (value: string) => void;
}

function CascadeSelects({ field, value, invalid, describedBy, onChange }: CustomFieldInputProps) {
  const id = `field-${field.id}`;
  const levels = cascadeLevels(field.cascade?.tree ?? [], value);
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} class="cascade">
      {levels.map((level, index) => (
        <select
          key={index}
          id={index === 0 ? id : `${id}-${index + 1}`}
          aria-label={t('cascadeLevel', [field.name, String(index + 1)])}
          aria-invalid={invalid}
          aria-required={field.required && index === 0}
          value={level.chosen}
          onChange={(event) => onChange(chooseCascadeLevel(value, index, event.currentTarget.value))}
        >
          <option value="">{t('notChosen')}</option>
          {level.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.name}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}

export function CustomFieldInput({ field, value, invalid, describedBy, onChange }: CustomFieldInputProps) {
  const id = `field-${field.id}`;
  const common = { id, 'aria-invalid': invalid, 'aria-describedby': describedBy, 'aria-required': field.required };
  switch (field.type) {
    case 'textarea':
      return <textarea {...common} rows={3} maxLength={2000} value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
    case 'select':
      return (
        <select {...common} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          <option value="">{t('notChosen')}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.name}
            </option>
          ))}
        </select>
      );
    case 'cascade':
      if (field.cascade) return <CascadeSelects field={field} value={value} invalid={invalid} describedBy={describedBy} onChange={onChange} />;
      return <input {...common} type="text" maxLength={2000} value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
    case 'radio':
    case 'checkbox': {
      const chosen = new Set(value.split(',').filter(Boolean));
      const multiple = field.type === 'checkbox';
      const toggle = (optionValue: string, on: boolean) => {
        if (!multiple) return onChange(on ? optionValue : '');
        const next = field.options.map((option) => option.value).filter((candidate) => (candidate === optionValue ? on : chosen.has(candidate)));
        onChange(next.join(','));
      };
      return (
        <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} class="choice-group">
          {field.options.map((option) => (
            <label key={option.value} class="checkbox">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                checked={chosen.has(option.value)}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />
              {option.name}
            </label>
          ))}
        </div>
      );
    }
    case 'date':
      return <input {...common} type="date" value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
    case 'time':
      return <input {...common} type="time" value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
    case 'number':
      return <input {...common} type="number" inputMode="decimal" value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
    default:
      return <input {...common} type="text" maxLength={2000} value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
  }
}
