import { describe, expect, it } from 'vitest';
import type { TabContact } from './tab-contacts';
import type { DetectedContact } from './detect';
import { contactsInReadings, mergeTabContacts } from './tab-contacts';

const contact = (value: string, detectedAt = 1): TabContact => ({ kind: 'phone', value, context: value, detectedAt });

describe('contactsInReadings', () => {
  // A stand-in detector: reports 11-digit runs as CN mobiles unless preceded by 订单号.
  const detect = (text: string): DetectedContact[] =>
    [...text.matchAll(/\d{11}/g)]
      .filter((match) => !text.slice(0, match.index).endsWith('订单号'))
      .map((match) => ({ kind: 'phone', value: `+86${match[0]}`, start: match.index, end: match.index + 11 }));

  it('keeps what the detector finds in each text, with the words around it', () => {
    const found = contactsInReadings([{ text: '我的手机 13812345678 或 13912345678 谢谢' }, { text: '订单号13712345678' }], detect, 5);
    expect(found).toEqual([
      { kind: 'phone', value: '+8613812345678', context: '我的手机 13812345678 或 13912345678 谢谢', detectedAt: 5 },
      { kind: 'phone', value: '+8613912345678', context: '我的手机 13812345678 或 13912345678 谢谢', detectedAt: 5 },
    ]);
  });

  it('shows a reading’s own context when it brings one (a link’s text)', () => {
    expect(contactsInReadings([{ text: '+8613812345678', context: ' 拨打客户电话 ' }], detect, 0)[0]!.context).toBe('拨打客户电话');
  });

  it('cuts the context of a long text to the words near the contact, spaces collapsed', () => {
    const filler = '这款外套的面料怎么样，会不会起球，'.repeat(8);
    const [found] = contactsInReadings([{ text: `${filler}\n\n   我的电话   13812345678   ${filler}` }], detect, 0);
    expect(found!.context).toContain('我的电话 13812345678 这款');
    expect(found!.context.length).toBeLessThanOrEqual(240);
    expect(found!.context).not.toMatch(/\s{2}/);
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
