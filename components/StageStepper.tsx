// The follow-up stages as a stepper (the current one marked as the current step; digit N moves to step
// N) and the three results beside its title, which ask for an inline confirmation before anything is
// queued. Props in, events out.
import type { Stage } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';
import { ConfirmPrompt } from './ConfirmPrompt';
import { viewOf, type Sentence } from './sentence';

export type StepperResult = 'won' | 'lost' | 'invalid';

interface StageStepperProps {
  /** In the CRM's order. */
  stages: Stage[];
  currentId: string | undefined;
  /** What the CRM or a queued write says when the current stage is none of `stages` (e.g. a result). */
  currentName: string | Sentence | undefined;
  result: StepperResult | undefined;
  results: { result: StepperResult; name: string }[];
  /** The confirmation asked for, in words. */
  question: string | Sentence | undefined;
  /** A result needs a stage to close. */
  resultsDisabled: boolean;
  onMove: (stage: Stage) => void;
  onAskResult: (result: StepperResult) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function StageStepper(props: StageStepperProps) {
  const { stages, currentId } = props;
  const currentIndex = stages.findIndex((stage) => stage.id === currentId);
  const hintId = 'stage-results-hint';
  return (
    <section class="panel-section stepper" aria-labelledby="stage-stepper-title">
      <header class="panel-section__header stepper__header">
        <h3 id="stage-stepper-title" class="panel-section__title">
          {t('stageStepper')}
          {currentIndex < 0 && props.currentName && <span class="stepper__current">{viewOf(props.currentName)}</span>}
        </h3>
        <div class="stepper__results" role="group" aria-label={t('stageResults')} aria-describedby={props.resultsDisabled ? hintId : undefined}>
          {props.results.map(({ result, name }) => (
            <button
              key={result}
              type="button"
              class={`button result result--${result}`}
              aria-pressed={props.result === result}
              disabled={props.resultsDisabled}
              onClick={() => props.onAskResult(result)}
            >
              {name}
            </button>
          ))}
        </div>
      </header>
      <ol class="stepper__steps">
        {stages.map((stage, index) => (
          <li
            key={stage.id}
            class={`stepper__step ${index < currentIndex ? 'stepper__step--done' : ''} ${index === currentIndex ? 'stepper__step--current' : ''}`}
          >
            <button
              type="button"
              class="stepper__button"
              aria-current={index === currentIndex ? 'step' : undefined}
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              onClick={() => props.onMove(stage)}
            >
              <span class="stepper__dot" aria-hidden="true">
                {index + 1}
              </span>
              <span class="stepper__name">{stage.name}</span>
            </button>
          </li>
        ))}
      </ol>
      {props.resultsDisabled && (
        <p id={hintId} class="visually-hidden">
          {t('resultNeedsStage')}
        </p>
      )}
      {props.question && <ConfirmPrompt question={props.question} onConfirm={props.onConfirm} onCancel={props.onCancel} />}
    </section>
  );
}
