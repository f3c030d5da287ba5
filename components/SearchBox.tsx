// The manual search box: a field picker and the query. "/" or Ctrl/⌘+K focuses it from anywhere in the
// panel, Enter searches, ↑/↓ move through the results and Enter then opens one, Esc closes them.
import { useEffect, useRef } from 'preact/hooks';
import type { SearchField } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';

const FIELD_LABELS: Record<SearchField, Parameters<typeof t>[0]> = {
  phone: 'searchByPhone',
  email: 'searchByEmail',
  nick: 'searchByNick',
  realName: 'searchByRealName',
  company: 'searchByCompany',
};

interface SearchBoxProps {
  /** What the backend can search by. */
  fields: SearchField[];
  field: SearchField;
  text: string;
  busy: boolean;
  onField: (field: SearchField) => void;
  onText: (text: string) => void;
  /** Enter: search, or open the highlighted result after the arrow keys. */
  onSubmit: () => void;
  onMove: (step: 1 | -1) => void;
  onClose: () => void;
  /** The results listbox's id and its highlighted option's, while results show. */
  results?: { listId: string; activeId: string };
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
      <select
        class="search__field"
        aria-label={t('searchField')}
        value={props.field}
        onChange={(event) => props.onField(event.currentTarget.value as SearchField)}
      >
        {props.fields.map((field) => (
          <option key={field} value={field}>
            {t(FIELD_LABELS[field])}
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
        aria-controls={props.results?.listId}
        aria-activedescendant={props.results?.activeId}
        maxLength={120}
      />
      <button type="submit" class="button" disabled={props.busy}>
        {t('search')}
      </button>
    </form>
  );
}
