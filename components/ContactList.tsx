// The contacts detected on the followed tab, newest first; picking one looks it up. The words around
// the chosen one tell the agent which conversation it came from; one seen only in text the page hides is
// marked so (it is never looked up by itself). The chips are one Tab stop (arrows inside); past a
// handful, the rest wait behind "+N more" instead of a scroll box inside the panel.
import { useState } from 'preact/hooks';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { t } from '@/lib/i18n';
import { formatContact } from '@/lib/format';
import { moveRovingFocus, useRovingStop } from './roving-focus';

interface ContactListProps {
  contacts: TabContact[];
  activeValue: string | undefined;
  onPick: (contact: TabContact) => void;
}

const CONTEXT_ID = 'active-contact-context';
/** About two rows at 360 px. */
const CONTACTS_SHOWN = 4;

export function ContactList({ contacts, activeValue, onPick }: ContactListProps) {
  const [expanded, setExpanded] = useState(false);
  const active = contacts.find((contact) => contact.value === activeValue);
  const activeIndex = active ? contacts.indexOf(active) : -1;
  // The active contact always shows, even when it is further down than the first few.
  const shown = expanded ? contacts : contacts.filter((_, index) => index < CONTACTS_SHOWN || index === activeIndex);
  const hidden = contacts.length - shown.length;
  const roving = useRovingStop(
    shown.map((contact) => contact.value),
    activeValue,
  );
  return (
    <nav class="contacts" aria-label={t('detectedContacts')}>
      <ul onKeyDown={(event) => moveRovingFocus(event, '.contact')}>
        {shown.map((contact) => (
          <li key={`${contact.kind}:${contact.value}`}>
            <button
              type="button"
              class={`contact ${contact.value === activeValue ? 'contact--active' : ''} ${contact.hidden ? 'contact--hidden' : ''}`}
              aria-pressed={contact.value === activeValue}
              title={contact.hidden ? `${t('contactHiddenOnPage')} ${contact.context}` : contact.context}
              aria-describedby={contact === active && active.context ? CONTEXT_ID : undefined}
              tabIndex={roving.tabIndexOf(contact.value)}
              onFocus={roving.onFocusOf(contact.value)}
              onClick={() => onPick(contact)}
            >
              <span class="contact__kind">{contact.kind === 'phone' ? t('kindPhone') : t('kindEmail')}</span>
              <span class="contact__value">{formatContact(contact)}</span>
              {contact.hidden && <span class="contact__hidden">{t('contactHidden')}</span>}
            </button>
          </li>
        ))}
        {(hidden > 0 || expanded) && contacts.length > CONTACTS_SHOWN && (
          <li>
            <button type="button" class="link-button contacts__more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? t('contactsFewer') : t('contactsMore', String(hidden))}
            </button>
          </li>
        )}
      </ul>
      {active?.context && (
        <p id={CONTEXT_ID} class="contacts__context">
          <span class="contacts__context-label">{t('contactSeenIn')}</span> <q>{active.context}</q>
        </p>
      )}
    </nav>
  );
}
