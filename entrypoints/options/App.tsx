// The options page: where an admin or agent connects the CRM. Renders the page's models, taken from
// OptionsContext; every failure is explained in words next to the field or the button that caused it.
import type { TargetedEvent } from 'preact';
import { useFocusOnMount } from '@/components/focus-on-mount';
import { Notice } from '@/components/Notice';
import { sentence } from '@/components/sentence';
import type { IgnoredPolicyValue, IgnoredReason } from '@/lib/settings/policy';
import { connectionOkText, describeError, describeFailure, t } from '@/lib/i18n';
import { CrmText } from '@/components/CrmText';
import { connectionParts } from '@/lib/crm/connection-key';
import { describeWrite } from '@/lib/outbox/describe';
import type { OutboxWrite } from '@/lib/outbox/types';
import { LabelSuggestionsSection } from './LabelSuggestionsSection';
import { describedBy, LockedHint, useLocks } from './LockedHint';
import { CUSTOM_HOST, type ConnectionFormModel } from './models/connection-form';
import { useOptions } from './options-context';

const BASE_URL_PROBLEMS = {
  empty: 'baseUrlEmpty',
  invalid: 'baseUrlInvalid',
  insecure: 'baseUrlInsecure',
  userinfo: 'baseUrlUserinfo',
  query: 'baseUrlQuery',
} as const;

const onInput = (target: { value: string }) => (event: TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
  target.value = event.currentTarget.value;
};

const saveMessages = () => ({ saved: t('settingsSaved'), permissionDenied: describeError('permission-missing') });

async function saveAndTest({ form, save, testConnection }: ConnectionFormModel) {
  if (await save(saveMessages())) await testConnection({ ok: connectionOkText(form.backend.value) });
}

/**
 * Under the translated cause: whether the old connection stays in use, and the CRM's own words only
 * when no translation says more (they come in the CRM's language, not the agent's).
 */
function failureDetail(result: { text: string; code?: string; crmCode?: string; kept?: boolean }, baseUrl: string): string {
  // The CRM's own words go under "details" when it sent a code; without one they are all there is.
  const crmWords = !result.crmCode && (!result.code || result.code === 'crm-error' || result.code === 'internal') ? `${result.text} ` : '';
  return `${result.kept ? `${t('settingsKeptPrevious')} ` : ''}${crmWords}(${baseUrl})`;
}

const IGNORED_REASONS: Record<IgnoredReason, Parameters<typeof t>[0]> = {
  ...BASE_URL_PROBLEMS,
  wildcard: 'policySiteWildcard',
  'not-origin': 'policySiteNotOrigin',
  'wrong-type': 'policyWrongType',
  'too-long': 'policyTooLong',
  'secret-without-base-url': 'policySecretWithoutBaseUrl',
  'too-many': 'policyTooManySites',
};

/** Why a policy value was left out; a site that is no address at all says so in site terms. */
const ignoredReason = ({ field, reason }: IgnoredPolicyValue) =>
  t(field === 'enabledSites' && reason === 'invalid' ? 'policySiteInvalid' : IGNORED_REASONS[reason]);

/** What the admin's policy set that the extension did not use, and why, so the admin can correct it. */
function IgnoredPolicyValues() {
  const { saved } = useOptions().connectionForm;
  const ignored = saved.value?.policyIgnored ?? [];
  if (ignored.length === 0) return null;
  return (
    <Notice
      tone="warning"
      title={t('policyIgnoredTitle')}
      detail={t('policyIgnoredDetail')}
      more={
        <ul class="policy-ignored">
          {ignored.map((entry, index) => (
            <li key={index}>
              <code>{entry.field}</code>
              {entry.value !== undefined && (
                <>
                  {' '}
                  <bdi class="policy-ignored__value">{entry.value}</bdi>
                </>
              )}
              <br />
              {ignoredReason(entry)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

const discardButtonId = (write: OutboxWrite) => `discard-${write.id}`;

/**
 * The question before a held write is discarded; Cancel takes focus, so a stray Enter discards nothing,
 * and Escape cancels. It replaces the Discard button, which takes focus back when it returns.
 */
function DiscardConfirm({ write, what }: { write: OutboxWrite; what: string }) {
  const { confirmingDiscard, discardHeldWrite } = useOptions().heldWrites;
  const cancel = useFocusOnMount<HTMLButtonElement>({ returnTo: () => document.getElementById(discardButtonId(write)) });
  return (
    <span
      class="confirm held-write__confirm"
      role="group"
      aria-label={t('discardHeldWrite', what)}
      onKeyDown={(event) => event.key === 'Escape' && (confirmingDiscard.value = undefined)}
    >
      <span>{sentence('discardHeldWrite', what).view}</span>
      <button type="button" class="button button--primary" onClick={() => void discardHeldWrite(write.id)}>
        {t('discard')}
      </button>
      <button type="button" class="button" onClick={() => (confirmingDiscard.value = undefined)} ref={cancel}>
        {t('cancel')}
      </button>
    </span>
  );
}

/** One write waiting for its CRM: what it changes, where, and a discard that asks first. */
function HeldWrite({ write }: { write: OutboxWrite }) {
  const { confirmingDiscard } = useOptions().heldWrites;
  const what = describeWrite(write, []);
  const { baseUrl: crm, appid } = connectionParts(write.connection ?? '');
  const asking = confirmingDiscard.value === write.id;
  return (
    <li>
      <span>
        {what}
        <br />
        <small class="muted">{sentence('heldWriteWhere', [write.customerId, crm, appid]).view}</small>
      </span>
      {asking ? (
        <DiscardConfirm write={write} what={what} />
      ) : (
        <button
          type="button"
          id={discardButtonId(write)}
          class="button"
          onClick={() => (confirmingDiscard.value = write.id)}
          aria-label={t('discardFor', what)}
        >
          {t('discard')}
        </button>
      )}
    </li>
  );
}

function HeldWrites() {
  const { heldWrites, discardError } = useOptions().heldWrites;
  if (heldWrites.value.length === 0) return null;
  return (
    <section class="form" aria-labelledby="held-title">
      <h2 id="held-title">{t('heldWritesTitle')}</h2>
      <p class="muted">{t('heldWritesDetail')}</p>
      <ul class="site-list">
        {heldWrites.value.map((write) => (
          <HeldWrite key={write.id} write={write} />
        ))}
      </ul>
      {discardError.value && <Notice tone="error" title={describeError(discardError.value.code)} />}
    </section>
  );
}

/** The sites where the page scanner runs by itself; the admin's are marked and cannot be removed here. */
function EnabledSites() {
  const { sites, sitesError, removeSite } = useOptions().enabledSites;
  return (
    <section class="form" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('enabledSitesTitle')}</h2>
      {sites.value.enabledSites.length === 0 ? (
        <p class="muted">{t('enabledSitesEmpty')}</p>
      ) : (
        <ul class="site-list">
          {sites.value.enabledSites.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>
              {sites.value.setByAdmin.includes(origin) ? (
                <span class="muted">{t('siteSetByAdmin')}</span>
              ) : (
                <button type="button" class="button" onClick={() => removeSite(origin)} aria-label={t('removeSite', origin)}>
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {sitesError.value && <Notice tone="error" title={describeError(sitesError.value.code)} />}
    </section>
  );
}

export function App() {
  const { connectionForm } = useOptions();
  const { agents, backends, baseUrl, busy, chosen, keyMustBeEnteredAgain, loadError, form, offersHosts, outcome, problems, save, saved, showErrors } =
    connectionForm;
  const { isLocked, lockHintId } = useLocks();
  // The form appears once the saved settings are in, so loading them never overwrites what is typed.
  if (!saved.value) {
    return (
      <main class="form">
        {loadError.value ? (
          <Notice tone="error" title={t('settingsUnavailable')} detail={describeError(loadError.value.code)} />
        ) : (
          <p class="muted">{t('stageLoading')}</p>
        )}
      </main>
    );
  }
  const errors = showErrors.value ? problems.value : {};
  const result = outcome.value;
  return (
    <main>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void saveAndTest(connectionForm);
        }}
      >
        <h1>{t('optionsTitle')}</h1>
        <IgnoredPolicyValues />
        <div class="field">
          <label for="backend">{t('crmBackend')}</label>
          <select
            id="backend"
            value={form.backend.value}
            disabled={isLocked('backend')}
            aria-describedby={lockHintId('backend')}
            onChange={onInput(form.backend as { value: string })}
          >
            {backends.descriptors.map((backend) => (
              <option key={backend.kind} value={backend.kind}>
                {t(backend.text.label)}
              </option>
            ))}
          </select>
          <LockedHint field="backend" />
        </div>
        {offersHosts.value && (
          <div class="field">
            <label for="host">{t(chosen.value.text.hosts ?? 'baseUrl')}</label>
            <select id="host" value={form.host.value} onChange={onInput(form.host)} disabled={isLocked('baseUrl')} aria-describedby={lockHintId('baseUrl')}>
              {chosen.value.hosts.map((host) => (
                <option key={host} value={host}>
                  {host}
                </option>
              ))}
              <option value={CUSTOM_HOST}>{t('customHost')}</option>
            </select>
            {form.host.value !== CUSTOM_HOST && <LockedHint field="baseUrl" />}
          </div>
        )}
        {(!offersHosts.value || form.host.value === CUSTOM_HOST) && (
          <div class="field">
            <label for="base-url">{t('baseUrl')}</label>
            <input
              id="base-url"
              type="url"
              readOnly={isLocked('baseUrl')}
              inputMode="url"
              placeholder="https://crm.example.com"
              value={form.customBaseUrl.value}
              onInput={onInput(form.customBaseUrl)}
              aria-invalid={Boolean(errors.baseUrl)}
              aria-describedby={lockHintId('baseUrl') ?? 'base-url-hint'}
            />
            {isLocked('baseUrl') ? (
              <LockedHint field="baseUrl" />
            ) : (
              <p id="base-url-hint" class={errors.baseUrl ? 'field__error' : 'field__hint'}>
                {errors.baseUrl ? t(BASE_URL_PROBLEMS[errors.baseUrl]) : t('baseUrlHint')}
              </p>
            )}
          </div>
        )}
        <div class="field">
          <label for="appid">{t(chosen.value.text.appid)}</label>
          <input
            id="appid"
            autoComplete="off"
            readOnly={isLocked('appid')}
            value={form.appid.value}
            onInput={onInput(form.appid)}
            aria-invalid={Boolean(errors.appid)}
            aria-describedby={describedBy(errors.appid && 'appid-hint', lockHintId('appid'))}
          />
          <LockedHint field="appid" />
          {errors.appid && (
            <p id="appid-hint" class="field__error">
              {t('appidEmpty')}
            </p>
          )}
        </div>
        <div class="field">
          <label for="app-key">{t(chosen.value.text.secret)}</label>
          <input
            id="app-key"
            type="password"
            readOnly={isLocked('secret')}
            autoComplete="off"
            placeholder={saved.value?.hasAppKey && !keyMustBeEnteredAgain.value ? t('appKeySavedPlaceholder') : ''}
            value={form.appKey.value}
            onInput={onInput(form.appKey)}
            aria-invalid={Boolean(errors.appKey)}
            aria-describedby={describedBy('app-key-hint', lockHintId('secret'))}
          />
          <p id="app-key-hint" class={errors.appKey ? 'field__error' : 'field__hint'}>
            {errors.appKey === 'empty' ? t('appKeyEmpty') : keyMustBeEnteredAgain.value ? t('appKeyRebind') : t('appKeyHint')}
          </p>
          <LockedHint field="secret" />
        </div>
        {chosen.value.extraFields?.map((field) => {
          const problem = errors.extra?.[field.setting];
          return (
            <div class="field" key={field.id}>
              <label for={field.id}>{t(field.label)}</label>
              <input
                id={field.id}
                autoComplete="off"
                placeholder={field.placeholder}
                value={form.extra[field.setting].value}
                onInput={onInput(form.extra[field.setting])}
                aria-invalid={Boolean(problem)}
                aria-describedby={`${field.id}-hint`}
              />
              <p id={`${field.id}-hint`} class={problem ? 'field__error' : 'field__hint'}>
                {problem ?? t(field.hint)}
              </p>
            </div>
          );
        })}
        {agents.value.length > 0 && (
          <div class="field">
            <label for="my-agent">{t('myAgent')}</label>
            <select id="my-agent" value={form.myAgentId.value} onChange={onInput(form.myAgentId)} aria-describedby="my-agent-hint">
              <option value="">{t('notChosen')}</option>
              {agents.value.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
            <p id="my-agent-hint" class="field__hint">
              {t('myAgentHint')}
            </p>
          </div>
        )}
        <div class="field">
          <label class="checkbox">
            <input
              type="checkbox"
              disabled={isLocked('autoLookup')}
              checked={form.autoLookup.value}
              onChange={(event) => (form.autoLookup.value = event.currentTarget.checked)}
              aria-describedby={lockHintId('autoLookup')}
            />
            {t('autoLookup')}
          </label>
          <LockedHint field="autoLookup" />
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy.value !== undefined}>
            {busy.value === 'testing' ? t('testing') : t('testConnection')}
          </button>
          <button type="button" class="button" disabled={busy.value !== undefined} onClick={() => void save(saveMessages())}>
            {busy.value === 'saving' ? t('saving') : t('save')}
          </button>
        </div>
        {result && (
          <Notice
            tone={result.tone}
            title={
              result.tone === 'info'
                ? result.text
                : result.code
                  ? describeFailure({ code: result.code, crmCode: result.crmCode }, form.backend.value)
                  : t('errorInternal')
            }
            detail={result.tone === 'error' ? failureDetail(result, baseUrl.value) : undefined}
            more={result.tone === 'error' && <CrmText error={{ crmCode: result.crmCode, message: result.text }} />}
          />
        )}
      </form>
      <HeldWrites />
      <EnabledSites />
      <LabelSuggestionsSection />
    </main>
  );
}
