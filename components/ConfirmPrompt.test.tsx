// @vitest-environment happy-dom
// The confirmation asked before assigning a customer or closing them with a result: what it says, where
// focus lands, and that a busy step cannot be confirmed twice. Test-only.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/entrypoints/sidepanel/models/test-support';
import { ConfirmPrompt } from './ConfirmPrompt';

describe('ConfirmPrompt', () => {
  let host: HTMLElement;

  beforeEach(() => {
    useEnglishMessages();
    host = document.body.appendChild(document.createElement('div'));
  });

  afterEach(() => {
    render(null, host);
    host.remove();
  });

  const buttonNamed = (name: string) => [...host.querySelectorAll('button')].find((button) => button.textContent === name)!;

  it('asks its question as an alert dialog, with Confirm focused so Enter takes the step', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const pressed = document.body.appendChild(document.createElement('button'));
    pressed.focus(); // the "Won" button the agent just pressed: autofocus alone would leave focus there
    act(() => render(<ConfirmPrompt question="Mark 张伟 as won?" onConfirm={onConfirm} onCancel={onCancel} />, host));

    const dialog = host.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Mark 张伟 as won?');
    expect(dialog.textContent).toContain('Mark 张伟 as won?');
    expect(document.activeElement).toBe(buttonNamed('Confirm'));

    buttonNamed('Cancel').click();
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
    buttonNamed('Confirm').click();
    expect(onConfirm).toHaveBeenCalledOnce();
    pressed.remove();
  });

  it('gives focus back to the button that asked once the question is answered', async () => {
    const pressed = document.body.appendChild(document.createElement('button'));
    pressed.focus();
    act(() => render(<ConfirmPrompt question="Mark 张伟 as won?" onConfirm={() => undefined} onCancel={() => undefined} />, host));
    expect(document.activeElement).toBe(buttonNamed('Confirm'));

    act(() => render(null, host));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(pressed);
    pressed.remove();
  });

  it('is cancelled by Escape while focus is on Confirm, so a habitual Enter is not needed to back out', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const outer = vi.fn();
    host.addEventListener('keydown', outer);
    act(() => render(<ConfirmPrompt question="Mark 张伟 as won?" onConfirm={onConfirm} onCancel={onCancel} />, host));
    expect(document.activeElement).toBe(buttonNamed('Confirm'));
    buttonNamed('Confirm').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
    // Escape answers the question only: an editor or form around it stays open.
    expect(outer).not.toHaveBeenCalled();
  });

  it('gives focus to the successor of the button that asked when that button was re-rendered', async () => {
    const pressed = document.body.appendChild(document.createElement('button'));
    pressed.focus();
    const successor = document.body.appendChild(document.createElement('button'));
    act(() =>
      render(<ConfirmPrompt question="Assign 张伟 to 王斌?" onConfirm={() => undefined} onCancel={() => undefined} returnTo={() => successor} />, host),
    );
    pressed.remove();
    act(() => render(null, host));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(successor);
    successor.remove();
  });

  it('cannot be confirmed again while the step is being taken, but can still be cancelled', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    act(() => render(<ConfirmPrompt question="Assign 张伟 to 王斌?" busy onConfirm={onConfirm} onCancel={onCancel} />, host));

    expect(buttonNamed('Confirm').disabled).toBe(true);
    buttonNamed('Confirm').click();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(buttonNamed('Cancel').disabled).toBe(false);
  });
});
