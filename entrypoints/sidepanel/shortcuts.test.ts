// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { shortcutOf } from './shortcuts';

const key = (key: string, patch: Partial<KeyboardEvent> = {}) =>
  shortcutOf({
    key,
    code: '',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    repeat: false,
    isComposing: false,
    target: document.body,
    ...patch,
  });

describe('the panel’s shortcuts', () => {
  it('maps single keys to the three jobs, contacts and help', () => {
    expect(key('n')).toEqual({ kind: 'focus-note' });
    expect(key('L')).toEqual({ kind: 'open-labels' });
    expect(key('a')).toEqual({ kind: 'apply-suggestion' });
    expect(key('3')).toEqual({ kind: 'set-stage', index: 2 });
    expect(key('j')).toEqual({ kind: 'contact', step: 1 });
    expect(key('k')).toEqual({ kind: 'contact', step: -1 });
    expect(key('s')).toEqual({ kind: 'accept-new-contact' });
    expect(key('?')).toEqual({ kind: 'help' });
    expect(key('z', { ctrlKey: true })).toEqual({ kind: 'undo' });
  });

  it('leaves keys alone while the agent types, composes with an IME, holds a key or uses a modifier', () => {
    const field = document.createElement('textarea');
    expect(key('n', { target: field })).toBeUndefined();
    expect(key('a', { target: field })).toBeUndefined();
    const search = document.createElement('input');
    expect(key('1', { target: search })).toBeUndefined();
    expect(key('z', { target: search, ctrlKey: true })).toBeUndefined();
    expect(key('l', { isComposing: true })).toBeUndefined();
    expect(key('2', { repeat: true })).toBeUndefined();
    expect(key('n', { ctrlKey: true })).toBeUndefined();
    expect(key('0')).toBeUndefined();
  });

  it('takes the offered contact with Alt+N by the key’s place, even while the agent types', () => {
    const note = document.createElement('textarea');
    expect(key('˜', { code: 'KeyN', altKey: true, target: note })).toEqual({ kind: 'accept-new-contact' });
    expect(key('n', { code: 'KeyN', altKey: true, shiftKey: true })).toBeUndefined();
    expect(key('n', { code: 'KeyN', altKey: true, ctrlKey: true })).toBeUndefined();
    expect(key('s', { target: note })).toBeUndefined();
  });
});
