import { describe, expect, it } from 'vitest';
import type { LabelGroup } from '../crm/domain';
import { createLabelMatcher, MAX_TEXTS } from './label-matcher';
import { pickSuggestions } from './pick-suggestions';

const group = (id: string, multipleChoice: boolean, names: string[]): LabelGroup => ({
  id,
  name: id,
  color: '#76A6F1',
  multipleChoice,
  labels: names.map((name) => ({ id: `${id}:${name}`, name, groupId: id })),
});

const GROUPS: LabelGroup[] = [
  group('level', false, ['普通客户', '银卡会员', '金卡会员']),
  group('interest', true, ['红酒', '数码产品', 'VIP', 'Wine Club']),
  group('service', true, ['开票需求', '易投诉', '投诉']),
  group('people', true, ['会员']),
];

const ids = (matches: { labelId: string }[]) => matches.map((match) => match.labelId);

describe('matching a conversation against the label names', () => {
  it('finds a Chinese label name anywhere in a sentence, with the words that triggered it', () => {
    const matches = createLabelMatcher(GROUPS).match(['我想订两箱红酒，电话 138 1234 5678']);
    expect(matches).toEqual([{ labelId: 'interest:红酒', groupId: 'interest', words: ['红酒'] }]);
  });

  it('finds an English label name as whole words only, in any case and in full-width letters', () => {
    const matcher = createLabelMatcher(GROUPS);
    expect(ids(matcher.match(['Are you a vip? Join our ＷＩＮＥ club']))).toEqual(['interest:VIP', 'interest:Wine Club']);
    // "vipshop" and "wineclubs" are other words.
    expect(matcher.match(['I bought it on vipshop, not at wineclubs'])).toEqual([]);
  });

  it('finds a label by its pinyin, joined or syllable by syllable, but not by one syllable or a piece of a word', () => {
    const matcher = createLabelMatcher(GROUPS);
    expect(matcher.match(['wo xiang mai hongjiu'])).toEqual([{ labelId: 'interest:红酒', groupId: 'interest', words: ['hongjiu'] }]);
    expect(ids(matcher.match(['HONG JIU you ma']))).toEqual(['interest:红酒']);
    expect(matcher.match(['zhonghongjiuba'])).toEqual([]);
  });

  it('finds a label by a synonym given for its name, Chinese or English', () => {
    const matcher = createLabelMatcher(GROUPS, { 开票需求: ['发票', 'invoice'], 易投诉: ['投诉'] });
    const matches = matcher.match(['麻烦开一张发票', 'Please send the invoice']);
    expect(matches[0]).toEqual({ labelId: 'service:开票需求', groupId: 'service', words: ['发票', 'invoice'] });
    // A synonym that is also another label's name suggests both.
    expect(ids(matcher.match(['我要投诉你们']))).toEqual(['service:易投诉', 'service:投诉']);
    expect(createLabelMatcher(GROUPS).match(['麻烦开一张发票'])).toEqual([]);
  });

  it('lets the longest name win where one holds another: 银卡会员 is not also 会员', () => {
    expect(ids(createLabelMatcher(GROUPS).match(['我是银卡会员']))).toEqual(['level:银卡会员']);
    expect(ids(createLabelMatcher(GROUPS).match(['我是会员']))).toEqual(['people:会员']);
  });

  it('puts what the newest text talks about first, then what is heard most', () => {
    const matcher = createLabelMatcher(GROUPS);
    const matches = matcher.match(['数码产品有优惠吗', '红酒和红酒杯', '红酒', '投诉']);
    expect(ids(matches)).toEqual(['interest:数码产品', 'interest:红酒', 'service:投诉']);
    expect(matches[1]!.words).toEqual(['红酒']);
  });

  it('reads a bounded window of texts', () => {
    const older = [...Array.from({ length: MAX_TEXTS }, () => '你好'), '红酒'];
    expect(createLabelMatcher(GROUPS).match(older)).toEqual([]);
  });
});

describe('picking what to suggest for one customer', () => {
  const matcher = createLabelMatcher(GROUPS, { 开票需求: ['发票'] });

  it('never suggests a label the customer already has', () => {
    const matches = matcher.match(['红酒和发票']);
    const picked = pickSuggestions(matches, GROUPS, [{ id: 'interest:红酒', name: '红酒' }]);
    expect(picked.map((suggestion) => suggestion.label.name)).toEqual(['开票需求']);
  });

  it('in a single-choice group says which label a suggestion replaces, and suggests one label of it', () => {
    const matches = matcher.match(['我是银卡会员', '以前是普通客户']);
    const picked = pickSuggestions(matches, GROUPS, [{ id: 'level:金卡会员', name: '金卡会员' }]);
    expect(picked).toHaveLength(1);
    expect(picked[0]!.label.name).toBe('银卡会员');
    expect(picked[0]!.replaces).toEqual({ id: 'level:金卡会员', name: '金卡会员' });
    expect(pickSuggestions(matches, GROUPS, [])[0]!.replaces).toBeUndefined();
  });

  it('offers at most three', () => {
    const matches = matcher.match(['红酒 数码产品 发票 投诉 VIP']);
    expect(matches.length).toBeGreaterThan(3);
    expect(pickSuggestions(matches, GROUPS, [])).toHaveLength(3);
  });

  it('skips a match whose label left the CRM', () => {
    const matches = matcher.match(['红酒']);
    expect(pickSuggestions(matches, [group('interest', true, ['数码产品'])], [])).toEqual([]);
  });
});
