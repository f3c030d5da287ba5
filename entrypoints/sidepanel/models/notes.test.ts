import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noteDraftsItem } from '@/lib/storage';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import * as noteRules from './notes';
import { createWritesModel } from './writes';

const { client, request } = fakeClient();
const writes = createWritesModel({ client, settings: { settingsView: signal(undefined) } });
const { outboxWrites } = writes;
/** The module's rules and one composer, as the panel makes it. */
const notes = { ...noteRules, ...noteRules.createNotesModel({ writes }) };

describe('the note composer', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    request.mockReset();
    request.mockImplementation((_type: string, payload: unknown) => Promise.resolve(payload));
    notes.noteDrafts.value = {};
  });

  it('saves the draft per customer as the agent types, once typing pauses', async () => {
    vi.useFakeTimers();
    try {
      notes.editNote('c1', '约了周四');
      notes.editNote('c1', '约了周四下午电话沟通');
      expect(await noteDraftsItem.getValue()).toEqual({});
      await vi.advanceTimersByTimeAsync(400);
    } finally {
      vi.useRealTimers();
    }
    expect(await noteDraftsItem.getValue()).toEqual({ c1: '约了周四下午电话沟通' });
  });

  it('keeps drafts another panel saved for other customers', async () => {
    await noteDraftsItem.setValue({ c2: '另一个面板的草稿' });
    notes.editNote('c1', '本面板的草稿');
    await notes.flushNoteDrafts();
    expect(await noteDraftsItem.getValue()).toEqual({ c2: '另一个面板的草稿', c1: '本面板的草稿' });
  });

  it('restores drafts when the panel opens again, without losing what was just typed', async () => {
    await noteDraftsItem.setValue({ c1: '上次没写完的', c2: '旧草稿' });
    notes.editNote('c2', '刚输入的');
    await notes.restoreNoteDrafts();
    expect(notes.noteDrafts.value).toEqual({ c1: '上次没写完的', c2: '刚输入的' });
  });

  it('sends a note: queued trimmed, shown at once, composer and stored draft emptied', async () => {
    notes.editNote('c1', '  客户确认采购30台。 ');
    await notes.flushNoteDrafts();
    expect(notes.sendNote('c1')).toBe(true);
    expect(request).toHaveBeenCalledWith(
      'write.enqueue',
      expect.objectContaining({ customerId: 'c1', kind: 'note', payload: { content: '客户确认采购30台。' } }),
    );
    expect(outboxWrites.value.at(-1)).toMatchObject({ kind: 'note', state: 'pending', payload: { content: '客户确认采购30台。' } });
    expect(notes.noteDrafts.value.c1).toBe('');
    await notes.flushNoteDrafts();
    expect(await noteDraftsItem.getValue()).toEqual({});
  });

  it('empties the stored draft as the note is sent, not after the typing pause: a panel closed at once keeps no sent note', async () => {
    notes.editNote('c1', '客户确认采购30台。');
    await notes.flushNoteDrafts();
    vi.useFakeTimers();
    try {
      notes.sendNote('c1');
      // Storage answers; the 300 ms save timer never runs.
      await vi.advanceTimersByTimeAsync(0);
      expect(await noteDraftsItem.getValue()).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends nothing empty or longer than the CRM takes', () => {
    notes.editNote('c1', '   ');
    expect(notes.sendNote('c1')).toBe(false);
    notes.editNote('c1', '长'.repeat(notes.NOTE_MAX + 1));
    expect(notes.noteProblem(notes.noteDrafts.value.c1!)).toBe('too-long');
    expect(notes.sendNote('c1')).toBe(false);
    expect(request).not.toHaveBeenCalled();
    expect(notes.noteDrafts.value.c1).toHaveLength(notes.NOTE_MAX + 1);
  });
});
