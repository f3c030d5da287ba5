import { describe, expect, it } from 'vitest';
import { spellingOf, withSpellings } from './label-spelling';

describe('label spellings', () => {
  it('spells a Chinese name in whole pinyin and in initials, without tones', () => {
    expect(spellingOf('抖音')).toEqual({ full: 'douyin', initials: 'dy' });
    expect(spellingOf('金卡会员')).toEqual({ full: 'jinkahuiyuan', initials: 'jkhy' });
    expect(spellingOf('小红书')).toEqual({ full: 'xiaohongshu', initials: 'xhs' });
  });

  it('keeps Latin and digits in a mixed name as one word, and spells nothing for a Latin name', () => {
    expect(spellingOf('VIP客户')).toEqual({ full: 'vipkehu', initials: 'vkh' });
    expect(spellingOf('Gold')).toBeUndefined();
  });

  it('adds the spellings to every label of every group, leaving the rest as it was', () => {
    const [group] = withSpellings([{ id: 'g', name: '来源', color: '#f00', multipleChoice: true, labels: [{ id: 'l', name: '抖音', groupId: 'g' }] }]);
    expect(group!.labels[0]).toEqual({ id: 'l', name: '抖音', groupId: 'g', spelling: { full: 'douyin', initials: 'dy' } });
    expect(group!.name).toBe('来源');
  });
});
