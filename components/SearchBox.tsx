// The manual search box: a field picker and the query. "/" or Ctrl/⌘+K focuses it from anywhere in the
// panel, Enter searches, ↑/↓ move through the results and Enter then opens one, Esc closes them.
import { useEffect, useRef } from 'preact/hooks';
import type { SearchField } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';

const FIELDS: { field: SearchField; key: Parameters<typeof t>[0] }[] = [
  { field: 'phone', key: 'searchByPhone' },
  { field: 'email', key: 'searchByEmail' },
  { field: 'nick', key: 'searchByNick' },
  { field: 'realName', key: 'searchByRealName' },
  { field: 'company', key: 'searchByCompany' },
];

interface SearchBoxProps {
  field: SearchField;
  text: string;
  busy: boolean;
  onField: (field: SearchField) => void;
  onText: (text: string) => void;
  /** Enter: search, or open the highlighted result after the arrow keys. */
  onSubmit: () => void;
  onMove: (step: 1 | -1) => void;
  onClose: () => void;
}

export function SearchBox(props: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const focus = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', focus);
    return () => document.removeEventListener('keydown', focus);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      props.onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Escape') {
      props.onClose();
    }
  };

  return (
    <form
      class="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <select class="search__field" aria-label={t('searchField')} value={props.field} onChange={(event) => props.onField(event.currentTarget.value as SearchField)}>
        {FIELDS.map(({ field, key }) => (
          <option key={field} value={field}>
            {t(key)}
          </option>
        ))}
      </select>
      <input
        ref={input}
        class="search__input"
        type="search"
        aria-label={t('searchCustomers')}
        placeholder={t('searchPlaceholder')}
        value={props.text}
        onInput={(event) => props.onText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        maxLength={120}
      />
      <button type="submit" class="button" disabled={props.busy}>
        {t('search')}
      </button>
    </form>
  );
}
