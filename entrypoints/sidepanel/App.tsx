// The side panel: the top bar (site, the one status of every queued write, shortcuts, settings), the
// contacts found on the followed tab, and the customer behind the chosen one — card, labels, stage and
// note first, details and timeline below. Reads the models PanelContext gives it, renders components; no fetch and no browser.*.
import { CardSkeleton } from '@/components/CardSkeleton';
import { ContactList } from '@/components/ContactList';
import { CustomerCard, type StageView } from '@/components/CustomerCard';
import { CustomerDetails } from '@/components/CustomerDetails';
import { CustomerChooser } from '@/components/CustomerChooser';
import { CustomerForm, FORM_OPENER_IDS } from '@/components/CustomerForm';
import { Notice } from '@/components/Notice';
import { OwnershipActions } from '@/components/OwnershipActions';
import { SearchBox } from '@/components/SearchBox';
import { SEARCH_RESULTS_ID, SearchResults, searchResultId } from '@/components/SearchResults';
import { formatAgo, formatContact } from '@/lib/format';
import { CustomerGone } from '@/components/CustomerGone';
import { sentence } from '@/components/sentence';
import { selectedGone } from '@/lib/lookup/tab-lookup';
import { describeError, describeFailure, t, uiLanguage } from '@/lib/i18n';
import { CrmText } from '@/components/CrmText';
import type { Customer } from '@/lib/crm/domain';
import type { ErrorCode } from '@/lib/messaging/reply';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { CustomerTimeline, CustomerWork, LABEL_EDITOR_ID, labelReadNote, Labels, latestNoteLine, Suggestions } from './CustomerWork';
import { installShortcuts } from './run-shortcuts';
import { TopBar } from './TopBar';
import { UndoToast } from '@/components/UndoToast';
import { openOptions } from './models/navigation';
import type { Panel } from './models/panel';
import { RESULT_MESSAGES } from './models/stage-stepper';
import { usePanel } from './panel-context';
import { useEffect } from 'preact/hooks';

function stageViewOf({ stepper: { shownStage }, stage: { stages } }: Panel, customerId: string): StageView | undefined {
  // The agent's queued stage shows at once, before the CRM has it.
  const queued = shownStage(customerId);
  if (queued?.write)
    return { status: 'loaded', name: queued.result ? t('stageWithResult', [queued.stage?.name ?? '', t(RESULT_MESSAGES[queued.result])]) : queued.stage?.name };
  const state = stages.value[customerId];
  if (!state) return { status: 'loading' };
  if (state.status === 'loaded') return { status: 'loaded', name: state.stage?.name };
  if (state.status === 'error') return { status: 'error', message: describeFailure(state.error) };
  return state;
}

/** "Updated 2 min. ago by 王斌", read against the panel's clock so it ages while on screen; the time comes first, so a line cut short still says it. */
function updatedLine({ freshness: { clock } }: Panel, customer: Customer) {
  if (!customer.updatedAt) return undefined;
  const when = formatAgo(customer.updatedAt, uiLanguage(), clock.value) ?? t('justNow');
  return customer.updatedBy ? sentence('cardUpdatedBy', [customer.updatedBy, when]) : t('cardUpdated', when);
}

/** Errors only a change in the settings can cure: their notice offers "Open settings". */
const CONFIGURATION_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'bad-signature',
  'unknown-account',
  'not-configured',
  'token-rejected',
  'edition-without-api',
  'permission-missing',
]);

function SiteBanner() {
  const {
    tab: { followedTab },
    siteAccess: { siteAccess, siteAccessError, enableFollowedSite },
  } = usePanel();
  const origin = followedTab.value?.origin;
  if (!origin || siteAccess.value === 'enabled' || siteAccess.value === 'unknown') return null;
  // A site the admin enabled is on already; only the browser's permission is missing.
  const byAdmin = siteAccess.value === 'admin-needs-access';
  const host = new URL(origin).host;
  return (
    <Notice
      tone="info"
      title={byAdmin ? t('siteEnabledByAdmin', host) : t('siteNotEnabled', host)}
      detail={siteAccessError.value ? describeError(siteAccessError.value.code) : t(byAdmin ? 'siteEnabledByAdminDetail' : 'siteNotEnabledDetail')}
    >
      <button type="button" class="button button--primary" disabled={siteAccess.value === 'enabling'} onClick={enableFollowedSite}>
        {t(byAdmin ? 'allowOnSite' : 'enableOnSite')}
      </button>
    </Notice>
  );
}

function Search() {
  const {
    settings: { settingsView },
    search: { closeSearch, highlighted, moveHighlight, pick, search, searchField, searchState, searchText, submitSearch },
  } = usePanel();
  const state = searchState.value;
  return (
    <>
      <SearchBox
        fields={settingsView.value?.capabilities.searchFields ?? ['phone', 'email']}
        field={searchField.value}
        text={searchText.value}
        busy={state.status === 'loading'}
        onField={(field) => (searchField.value = field)}
        onText={(text) => (searchText.value = text)}
        onSubmit={submitSearch}
        onMove={moveHighlight}
        onClose={closeSearch}
        results={state.status === 'results' && state.cards.length > 0 ? { listId: SEARCH_RESULTS_ID, activeId: searchResultId(highlighted.value) } : undefined}
      />
      {state.status === 'loading' && <CardSkeleton />}
      {state.status === 'error' && (
        <Notice tone="error" title={t('searchFailed')} detail={describeFailure(state.error)} more={<CrmText error={state.error} />}>
          <button type="button" class="button" onClick={() => search(1)}>
            {t('retry')}
          </button>
        </Notice>
      )}
      {state.status === 'results' && (
        <>
          <SearchResults {...state} highlighted={highlighted.value} onPick={pick} onPage={search} />
          <button type="button" class="link-button" onClick={closeSearch}>
            {t('closeSearch')}
          </button>
        </>
      )}
    </>
  );
}

function Ownership({ customer }: { customer: Customer }) {
  const {
    settings: { settingsView },
    ownership,
  } = usePanel();
  const { agentChoices, agentPickerOpen, ask, cancel, confirmAction, openAgentPicker, ownershipBusy, ownershipResult, pendingAction } = ownership;
  // A result belongs to the customer it was about, not to whoever is on screen next; so does a question.
  const stored = ownershipResult.value;
  const result = stored && (stored.customerId === undefined || stored.customerId === customer.id) ? stored : undefined;
  const pending = pendingAction.value?.customerId === customer.id ? pendingAction.value : undefined;
  const customerName = customer.nick || customer.realName || t('unnamedCustomer');
  return (
    <OwnershipActions
      customerName={pending?.customerName ?? customerName}
      myAgent={settingsView.value?.settings.myAgent}
      inPublicPool={customer.crmStatus === 'public-pool'}
      pending={pending?.action}
      pickerOpen={agentPickerOpen.value}
      agents={agentChoices.value}
      busy={ownershipBusy.value}
      result={result && (result.ok ? result : { ok: false, reason: describeFailure(result.error), error: result.error })}
      onAsk={(action) => ask(action, customer, customerName)}
      onOpenPicker={openAgentPicker}
      onConfirm={() => void confirmAction()}
      onCancel={cancel}
      onOpenSettings={openOptions}
    />
  );
}

function Form() {
  const {
    settings: { settingsView },
    reference: { referenceData },
    form,
  } = usePanel();
  const { closeForm, formBusy, formError, formMode, formOptions, formProblems, formSubmitted, formValues, submitForm, updateForm } = form;
  const mode = formMode.value;
  if (!mode) return null;
  return (
    <CustomerForm
      mode={mode.kind}
      values={formValues.value}
      options={formOptions.value}
      fields={settingsView.value?.capabilities.customerFields ?? []}
      customFields={referenceData.value?.customFields ?? []}
      problems={formSubmitted.value ? formProblems.value : {}}
      busy={formBusy.value}
      error={formError.value ? describeFailure(formError.value) : undefined}
      onChange={updateForm}
      onSubmit={submitForm}
      onCancel={() => closeForm({ discard: true })}
      onDismiss={() => closeForm({ discard: false })}
    />
  );
}

function LookupResult() {
  const panel = usePanel();
  const {
    contacts: { tabContacts },
    siteAccess: { siteAccess },
    lookup: { lookupState, retryLookup, selectCustomer, tabLookup },
    form: { openCreate, openEdit },
  } = panel;
  const {
    notes: { noteDrafts },
    labels: { labelEditorFor, shownLabels, toggleLabelEditor },
    suggestions: { suggestionsEnabled },
  } = panel;
  const {
    settings: { settingsView },
    stage: { loadStage },
    reference: { referenceData },
  } = panel;
  const state = lookupState.value;
  switch (state.status) {
    case 'idle':
      // With detection off on this site the banner above is the one true thing to say.
      return tabContacts.value.length === 0 && siteAccess.value !== 'disabled' && siteAccess.value !== 'admin-needs-access' ? (
        <Notice tone="info" title={t('noContactsYet')} detail={t('noContactsYetDetail')} />
      ) : null;
    case 'loading':
      return <CardSkeleton />;
    case 'error':
      return (
        <Notice
          tone="error"
          title={t('lookupFailed', formatContact(state.contact))}
          detail={describeFailure(state.error)}
          more={<CrmText error={state.error} />}
        >
          <button type="button" class="button" onClick={() => void retryLookup()}>
            {t('retry')}
          </button>
          {CONFIGURATION_ERRORS.has(state.error.code) && (
            <button type="button" class="button" onClick={openOptions}>
              {t('openSettings')}
            </button>
          )}
        </Notice>
      );
    case 'not-found':
      return (
        <Notice tone="info" title={t('notFound', formatContact(state.contact))} detail={t('notFoundDetail', state.tried.join(' / '))}>
          <button type="button" id={FORM_OPENER_IDS.create} class="button button--primary" onClick={() => openCreate(state.contact)}>
            {t('createCustomer')}
          </button>
        </Notice>
      );
    case 'found': {
      const selected = state.cards.find((card) => card.customer.id === state.selectedId);
      if (!selected) return <CustomerChooser cards={state.cards} onPick={(customerId) => void selectCustomer(customerId)} />;
      if (selectedGone(state)) {
        return (
          <CustomerGone
            name={selected.customer.nick || selected.customer.realName || t('unnamedCustomer')}
            contact={formatContact(state.contact)}
            draft={noteDrafts.value[selected.customer.id]?.trim() || undefined}
            onLookUpAgain={() => void retryLookup()}
          />
        );
      }
      return (
        <>
          {state.cards.length > 1 &&
            (tabLookup.value.remembered ? (
              <p class="remembered">
                {t('rememberedChoice')}{' '}
                <button type="button" class="link-button" onClick={() => void selectCustomer(undefined)}>
                  {t('notThisOne')}
                </button>
              </p>
            ) : (
              <button type="button" class="link-button" onClick={() => void selectCustomer(undefined)}>
                {t('backToMatches', String(state.cards.length))}
              </button>
            ))}
          <CustomerCard
            card={{ ...selected, labels: shownLabels(selected.customer.id, selected.labels) }}
            stage={settingsView.value?.capabilities.stages ? stageViewOf(panel, selected.customer.id) : undefined}
            latestNote={latestNoteLine(panel, selected.customer.id)}
            revalidating={state.revalidating}
            updated={updatedLine(panel, selected.customer)}
            onRetryStage={() => loadStage(selected.customer.id)}
            labelEditor={
              settingsView.value?.capabilities.labels
                ? { open: labelEditorFor.value === selected.customer.id, controls: LABEL_EDITOR_ID, onToggle: () => toggleLabelEditor(selected.customer.id) }
                : undefined
            }
            editorNote={labelReadNote(panel, selected.customer.id)}
            suggestions={settingsView.value?.capabilities.labels && suggestionsEnabled.value ? <Suggestions card={selected} /> : undefined}
          >
            <Labels customerId={selected.customer.id} />
          </CustomerCard>
          <CustomerWork card={selected} />
          <CustomerDetails card={selected} reference={referenceData.value} onEdit={() => openEdit(selected.customer)}>
            {settingsView.value?.capabilities.ownership && <Ownership customer={selected.customer} />}
          </CustomerDetails>
          {settingsView.value?.capabilities.timeline && <CustomerTimeline customerId={selected.customer.id} />}
        </>
      );
    }
  }
}

/** Where write outcomes are spoken: always in the page, so each one added is read, and never seen. */
function Announcements() {
  const { announcements } = usePanel().announcer;
  return (
    <div class="visually-hidden" role="log" aria-live="polite" aria-label={t('writeOutcomes')}>
      {announcements.value.map((announcement) => (
        <p key={announcement.id}>{announcement.text}</p>
      ))}
    </div>
  );
}

function openContact({ search: { closeSearch }, lookup: { lookUp } }: Panel, contact: TabContact) {
  closeSearch();
  void lookUp(contact);
}

/** What the panel has to say about the lookups themselves: paused by a flood, a confirmation cancelled, an intent lost. */
function LookupNotices() {
  const {
    lookup: { tabLookup, intentError },
    guard: { cancelledConfirmation },
  } = usePanel();
  const { pausedUntil } = tabLookup.value;
  const cancelled = cancelledConfirmation.value;
  return (
    <>
      {pausedUntil !== undefined && pausedUntil > Date.now() && <Notice tone="info" title={t('lookupsPaused')} detail={t('lookupsPausedDetail')} />}
      {cancelled !== undefined && (
        <Notice tone="warning" title={cancelled ? t('confirmationCancelledFor', cancelled) : t('confirmationCancelled')}>
          <button type="button" class="button" onClick={() => (cancelledConfirmation.value = undefined)}>
            {t('close')}
          </button>
        </Notice>
      )}
      {intentError.value && <Notice tone="error" title={t('lookupIntentFailed')} detail={describeError(intentError.value.code)} />}
    </>
  );
}

function Undo() {
  const { undoOffer, takeBack } = usePanel().undo;
  const offer = undoOffer.value;
  const text =
    offer?.kind === 'labels'
      ? t(offer.added ? 'labelAdded' : 'labelRemoved', offer.name)
      : offer?.kind === 'stage'
        ? t('stageMoved', offer.stageName)
        : undefined;
  return <UndoToast text={text} onUndo={() => takeBack()} />;
}

export function App() {
  const panel = usePanel();
  const {
    settings: { settingsView, settingsError },
    contacts: { tabContacts },
    lookup: { lookedUpValue },
    form: { formMode },
    search: { searchState },
  } = panel;
  const view = settingsView.value;
  useEffect(() => installShortcuts(panel, { openContact: (contact) => openContact(panel, contact) }), [panel]);
  return (
    <main class="panel">
      <Announcements />
      <TopBar />
      {settingsError.value && <Notice tone="error" title={t('settingsUnavailable')} detail={describeError(settingsError.value.code)} />}
      {view && !view.configured ? (
        <Notice tone="warning" title={t('notConfigured')} detail={t('notConfiguredDetail')}>
          <button type="button" class="button button--primary" onClick={openOptions}>
            {t('openSettings')}
          </button>
        </Notice>
      ) : (
        <>
          <Search />
          <SiteBanner />
          <LookupNotices />
          {tabContacts.value.length > 0 && (
            <ContactList contacts={tabContacts.value} activeValue={lookedUpValue.value} onPick={(contact) => openContact(panel, contact)} />
          )}
          {formMode.value ? <Form /> : searchState.value.status === 'idle' && <LookupResult />}
        </>
      )}
      <Undo />
    </main>
  );
}
