// The label editor in place of the card's chips: every group's labels as toggle buttons (pressed = on
// the customer) that keep their size when pressed, a filter when there are many (Enter toggles the top
// match) and "New label" per group. The toggles are one Tab stop, arrows inside. Props in, events out.
import type { Ref } from 'preact';
import type { Label, LabelGroup } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';
import { useFocusOnMount } from './focus-on-mount';
import { moveRovingFocus, useRovingStop } from './roving-focus';
import { HEX_COLOUR } from './LabelChip';
import { viewOf, type Sentence } from './sentence';

interface NewLabelView {
  groupId: string;
  name: string;
  busy: boolean;
  /** Why the name cannot be used, or why the CRM refused it. */
  problem?: string | Sentence;
}

interface LabelEditorProps {
  id: string;
  groups: LabelGroup[];
  /** Ids of the labels the customer has, as shown. */
  chosen: ReadonlySet<string>;
  showFilter: boolean;
  filter: string;
  /** What Enter in the filter toggles: the best match. */
  top?: { group: LabelGroup; label: Label };
  newLabel?: NewLabelView;
  onFilter: (text: string) => void;
  onToggle: (group: LabelGroup, label: Label) => void;
  onStartNew: (groupId: string) => void;
  onEditNew: (name: string) => void;
  onCreate: () => void;
  onCancelNew: () => void;
  onClose: () => void;
}

const newLabelButtonId = (groupId: string) => `label-new-${groupId}`;

function NewLabelForm({
  group,
  draft,
  onEdit,
  onCreate,
  onCancel,
}: {
  group: LabelGroup;
  draft: NewLabelView;
  onEdit: (name: string) => void;
  onCreate: () => void;
  onCancel: () => void;
}) {
  const errorId = `new-label-error-${group.id}`;
  // "New label" gives way to this form and comes back as a new button when it closes.
  const nameField = useFocusOnMount<HTMLInputElement>({ returnTo: () => document.getElementById(newLabelButtonId(group.id)) });
  return (
    <form
      class="new-label"
      onSubmit={(event) => {
        event.preventDefault();
        onCreate();
      }}
    >
      <input
        class="new-label__name"
        value={draft.name}
        maxLength={60}
        aria-label={t('labelNewName', group.name)}
        aria-invalid={draft.problem ? true : undefined}
        aria-describedby={draft.problem ? errorId : undefined}
        ref={nameField}
        onInput={(event) => onEdit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation(); // Escape here drops the new label, not the whole editor
          onCancel();
        }}
      />
      <button type="submit" class="button button--primary" disabled={draft.busy}>
        {draft.busy ? t('labelNewCreating') : t('labelNewCreate')}
      </button>
      <button type="button" class="button" onClick={onCancel}>
        {t('cancel')}
      </button>
      {draft.problem && (
        <p id={errorId} class="field__error new-label__error" role="alert">
          {viewOf(draft.problem)}
        </p>
      )}
    </form>
  );
}

const TOGGLES = '.label-toggle, .label-group__new';

export function LabelEditor(props: LabelEditorProps) {
  const { groups, chosen, newLabel } = props;
  // Opened from the keyboard, the editor takes focus (its filter, to type a label's name at once) and
  // Escape closes it; focus then goes back to what opened it.
  const focusOnOpen = useFocusOnMount<HTMLElement>();
  const keys = groups.flatMap((group) => [...group.labels.map((label) => label.id), `new-${group.id}`]);
  const roving = useRovingStop(keys);
  return (
    <section
      id={props.id}
      class="label-editor"
      aria-label={t('labelEditor')}
      ref={props.showFilter ? undefined : focusOnOpen}
      tabIndex={props.showFilter ? undefined : -1}
      onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
    >
      {props.showFilter && (
        <input
          type="search"
          class="label-editor__filter"
          ref={focusOnOpen as Ref<HTMLInputElement>}
          value={props.filter}
          placeholder={t('labelFilter')}
          aria-label={t('labelFilter')}
          aria-describedby="label-filter-hint"
          onInput={(event) => props.onFilter(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.isComposing) return;
            event.preventDefault();
            if (props.top) props.onToggle(props.top.group, props.top.label);
          }}
        />
      )}
      {props.showFilter && (
        <p id="label-filter-hint" class="field__hint label-editor__hint">
          {props.top ? t('labelFilterEnter', props.top.label.name) : t('labelFilterHint')}
        </p>
      )}
      {groups.length === 0 && props.filter.trim() && <p class="muted">{t('labelFilterNone', props.filter.trim())}</p>}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the toggles' arrow keys bubble up here for roving focus; the container itself takes no input */}
      <div class="label-editor__groups" onKeyDown={(event) => moveRovingFocus(event, TOGGLES)}>
        {groups.map((group) => {
          const colour = HEX_COLOUR.test(group.color) ? group.color : undefined;
          const headingId = `label-group-${group.id}`;
          return (
            <div key={group.id} class="label-group" role="group" aria-labelledby={headingId} style={colour ? { '--chip-colour': colour } : undefined}>
              <h4 id={headingId} class="label-group__name">
                {group.name} <span class="label-group__rule">{t(group.multipleChoice ? 'labelGroupMultiple' : 'labelGroupSingle')}</span>
              </h4>
              <div class="label-group__labels">
                {group.labels.map((label) => (
                  <button
                    key={label.id}
                    type="button"
                    class="label-toggle"
                    aria-pressed={chosen.has(label.id)}
                    tabIndex={roving.tabIndexOf(label.id)}
                    onFocus={roving.onFocusOf(label.id)}
                    onClick={() => props.onToggle(group, label)}
                  >
                    <span class="label-toggle__mark" aria-hidden="true" />
                    {label.name}
                  </button>
                ))}
                {newLabel?.groupId !== group.id && (
                  <button
                    type="button"
                    id={newLabelButtonId(group.id)}
                    class="link-button label-group__new"
                    aria-label={t('labelNewIn', group.name)}
                    tabIndex={roving.tabIndexOf(`new-${group.id}`)}
                    onFocus={roving.onFocusOf(`new-${group.id}`)}
                    onClick={() => props.onStartNew(group.id)}
                  >
                    {t('labelNew')}
                  </button>
                )}
              </div>
              {newLabel?.groupId === group.id && (
                <NewLabelForm group={group} draft={newLabel} onEdit={props.onEditNew} onCreate={props.onCreate} onCancel={props.onCancelNew} />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
