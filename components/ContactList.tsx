// The contacts detected on the followed tab, newest first; picking one looks it up. The words around
// each one tell the agent which conversation it came from; one seen only in text the page hides is
// marked so (it is never looked up by itself).
import type { TabContact } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { formatContact } from '@/lib/format';

interface ContactListProps {
  contacts: TabContact[];
  activeValue: string | undefined;
  onPick: (contact: TabContact) => void;
}

const CONTEXT_ID = 'active-contact-context';

export function ContactList({ contacts, activeValue, onPick }: ContactListProps) {
  const active = contacts.find((contact) => contact.value === activeValue);
  return (
    <nav class="contacts" aria-label={t('detectedContacts')}>
      <ul>
        {contacts.map((contact) => (
          <li key={`${contact.kind}:${contact.value}`}>
            <button
              type="button"
              class={`contact ${contact.value === activeValue ? 'contact--active' : ''} ${contact.hidden ? 'contact--hidden' : ''}`}
              aria-pressed={contact.value === activeValue}
              title={contact.hidden ? `${t('contactHiddenOnPage')} ${contact.context}` : contact.context}
              aria-describedby={contact === active && active.context ? CONTEXT_ID : undefined}
              onClick={() => onPick(contact)}
            >
              <span class="contact__kind">{contact.kind === 'phone' ? t('kindPhone') : t('kindEmail')}</span>
              <span class="contact__value">{formatContact(contact)}</span>
              {contact.hidden && <span class="contact__hidden">{t('contactHidden')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {active?.context && (
        <p id={CONTEXT_ID} class="contacts__context">
          <span class="contacts__context-label">{t('contactSeenIn')}</span> <q>{active.context}</q>
        </p>
      )}
    </nav>
  );
}
