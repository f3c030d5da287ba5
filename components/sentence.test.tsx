// @vitest-environment happy-dom
// A CRM nickname holding a right-to-left override (U+202E) cannot reorder the sentence it is named in:
// it is rendered inside <bdi>, and the sentence's own words stay outside it. Test-only.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/entrypoints/sidepanel/models/test-support';
import { OwnershipActions } from './OwnershipActions';
import { sentence } from './sentence';
import { StageStepper } from './StageStepper';

const HOSTILE = 'Eve\u202Eloop cilbup';

describe('CRM strings inside UI sentences', () => {
  let host: HTMLElement;

  beforeEach(() => {
    useEnglishMessages();
    host = document.body.appendChild(document.createElement('div'));
  });

  afterEach(() => {
    render(null, host);
    host.remove();
  });

  it('isolates each substitution and keeps the plain text for attributes', () => {
    const { text, view } = sentence('confirmAssign', [HOSTILE, '王斌']);
    expect(text).toBe(`Assign ${HOSTILE} to 王斌?`);
    act(() => render(<p>{view}</p>, host));
    expect([...host.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual([HOSTILE, '王斌']);
    expect(host.textContent).toBe(text);
  });

  it('names a customer in "Return … to the public pool?" inside <bdi>, the question’s words outside it', () => {
    const noop = vi.fn();
    act(() =>
      render(
        <OwnershipActions
          customerName={HOSTILE}
          pending={{ kind: 'return' }}
          busy={false}
          myAgent={undefined}
          agents={[]}
          pickerOpen={false}
          inPublicPool={false}
          result={undefined}
          onAsk={noop}
          onOpenPicker={noop}
          onConfirm={noop}
          onCancel={noop}
          onOpenSettings={noop}
        />,
        host,
      ),
    );
    const question = host.querySelector('[role="alertdialog"] p')!;
    expect(question.querySelector('bdi')?.textContent).toBe(HOSTILE);
    expect(question.textContent).toBe(`Return ${HOSTILE} to the public pool? Any agent can then claim them.`);
    expect(host.querySelector('[role="alertdialog"]')!.getAttribute('aria-label')).toBe(question.textContent);
  });

  it('isolates the customer and stage names in a result’s confirmation', () => {
    const noop = vi.fn();
    act(() =>
      render(
        <StageStepper
          stages={[{ id: 's1', name: HOSTILE, order: 1 }]}
          currentId="s1"
          currentName={undefined}
          result={undefined}
          results={[]}
          question={sentence('confirmResult', [HOSTILE, 'Won', HOSTILE])}
          resultsDisabled={false}
          onMove={noop}
          onAskResult={noop}
          onConfirm={noop}
          onCancel={noop}
        />,
        host,
      ),
    );
    const bdis = [...host.querySelectorAll('[role="alertdialog"] p bdi')].map((bdi) => bdi.textContent);
    expect(bdis).toEqual([HOSTILE, 'Won', HOSTILE]);
  });
});
