// The panel's top bar: the followed site, or the offered new contact in its place; the pin; the one
// status of every queued write (and whether the CRM can be reached), the shortcut list and settings.
// It keeps one height whatever it says and stays in view, so an offer is seen wherever the agent
// scrolled and nothing under it moves. Reads the models PanelContext gives it, renders components; App.tsx imports it.
import { useEffect, useState } from 'preact/hooks';
import { NewContactOffer, PinButton } from '@/components/NewContactOffer';
import { ShortcutHelp } from '@/components/ShortcutHelp';
import { WritesBar } from '@/components/WritesBar';
import { formatContact } from '@/lib/format';
import { t } from '@/lib/i18n';
import { Status } from './CustomerWork';
import { openOptions } from './models/navigation';
import { describeWrite, meansUnreachable, summarizeWrites, writesToShow } from './models/writes';
import { usePanel } from './panel-context';
import { SHORTCUT_LIST } from './shortcuts';

/** The time, ticking each second while `ticking` (a retry countdown is on screen). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

function WritesStatus() {
  const {
    writes: { outboxWrites, panelOpenedAt },
    lookup: { lookupState },
    reference: { referenceData },
  } = usePanel();
  const [open, setOpen] = useState(false);
  const listed = writesToShow(outboxWrites.value, panelOpenedAt);
  const retrying = listed.some((write) => write.state === 'pending' && write.lastError);
  const summary = summarizeWrites(listed, useNow(retrying));
  const lookup = lookupState.value;
  const lookupDown = lookup.status === 'error' && meansUnreachable(lookup.error);
  if (!summary && !lookupDown) return null;
  const shown = !summary
    ? { tone: 'offline' as const, text: t('crmUnreachable') }
    : lookupDown && !summary.unreachable
      ? { tone: summary.tone, text: `${summary.text} · ${t('crmUnreachable')}` }
      : summary;
  const groups = referenceData.value?.labelGroups ?? [];
  return (
    <WritesBar summary={shown} open={open} onToggle={() => setOpen(!open)}>
      {listed.length > 0 && (
        <ul class="writes-bar__items">
          {[...listed].reverse().map((write) => (
            <li key={write.id}>
              <Status write={write} what={describeWrite(write, groups)} />
            </li>
          ))}
        </ul>
      )}
    </WritesBar>
  );
}

export function TopBar() {
  const {
    tab: { followedTab },
    lookup: { dismissOffer, followNewContacts, switchToOffer, tabLookup },
    shortcutHelpOpen,
  } = usePanel();
  const origin = followedTab.value?.origin;
  const { offer, pinned } = tabLookup.value;
  return (
    <header class="panel__header">
      {offer ? (
        <NewContactOffer
          contact={formatContact(offer.contact)}
          name={offer.name}
          context={offer.context}
          onSwitch={switchToOffer}
          onDismiss={() => void dismissOffer()}
        />
      ) : (
        <>
          <h1 class="panel__title">{t('extName')}</h1>
          {origin && <span class="panel__site">{new URL(origin).host}</span>}
        </>
      )}
      {/* The status before the pin: when it takes the title's place, the pin stays where it was. */}
      <WritesStatus />
      {pinned && <PinButton onUnpin={() => void followNewContacts()} />}
      <button
        type="button"
        class="icon-button"
        aria-expanded={shortcutHelpOpen.value}
        aria-controls="shortcut-help"
        aria-keyshortcuts="?"
        aria-label={t('shortcutsTitle')}
        title={t('shortcutsTitle')}
        onClick={() => (shortcutHelpOpen.value = !shortcutHelpOpen.value)}
      >
        ?
      </button>
      <button type="button" class="icon-button" onClick={openOptions} aria-label={t('openSettings')} title={t('openSettings')}>
        ⚙
      </button>
      {shortcutHelpOpen.value && <ShortcutHelp shortcuts={SHORTCUT_LIST} onClose={() => (shortcutHelpOpen.value = false)} />}
    </header>
  );
}
