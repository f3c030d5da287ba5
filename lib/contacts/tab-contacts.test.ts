import { describe, expect, it } from 'vitest';
import type { TabContact } from '../messaging/protocol';
import { mergeTabContacts, validateCandidates } from './tab-contacts';
import type { DetectedContact } from './detect';

const contact = (value: string, detectedAt = 1): TabContact => ({ kind: 'phone', value, context: value, detectedAt });

describe('validateCandidates', () => {
  // A stand-in detector: reports 11-digit runs as CN mobiles unless preceded by 订单号.
  const detect = (text: string): DetectedContact[] =>
    [...text.matchAll(/\d{11}/g)]
      .filter((match) => !text.slice(0, match.index).endsWith('订单号'))
      .map((match) => ({ kind: 'phone', value: `+86${match[0]}`, start: match.index, end: match.index + 11 }));

  it('keeps what the detector confirms in the candidate’s context, with that context', () => {
    const found = validateCandidates([{ kind: 'phone', raw: '13812345678', context: '我的手机 13812345678 谢谢' }], detect, 5);
    expect(found).toEqual([{ kind: 'phone', value: '+8613812345678', context: '我的手机 13812345678 谢谢', detectedAt: 5 }]);
  });

  it('drops a candidate its context disqualifies, and other numbers in the same context', () => {
    expect(validateCandidates([{ kind: 'phone', raw: '13812345678', context: '订单号13812345678' }], detect, 0)).toEqual([]);
    const found = validateCandidates([{ kind: 'phone', raw: '13812345678', context: '13812345678 或 13912345678' }], detect, 0);
    expect(found.map((item) => item.value)).toEqual(['+8613812345678']);
  });
});

describe('mergeTabContacts', () => {
  it('puts the newest first and moves a value seen again to the front', () => {
    const merged = mergeTabContacts([contact('+861'), contact('+862')], [contact('+862', 9), contact('+863', 9)]);
    expect(merged.map((item) => item.value)).toEqual(['+863', '+862', '+861']);
    expect(merged[1]!.detectedAt).toBe(9);
  });

  it('keeps at most fifty contacts per tab', () => {
    const many = Array.from({ length: 60 }, (_, index) => contact(`+86${index}`));
    expect(mergeTabContacts([], many)).toHaveLength(50);
    expect(mergeTabContacts([], many)[0]!.value).toBe('+8659');
  });
});
