import { describe, expect, it } from 'vitest';
import { parseJsonKeepingLongIds, quoteLongIntegers } from './long-ids';

describe('parseJsonKeepingLongIds', () => {
  it('keeps a bare 18-digit id exact, where JSON.parse would round it', () => {
    const text = '{"_id":685775343058800641,"owner":662821403012902912}';
    expect(String((JSON.parse(text) as { _id: number })._id)).not.toBe('685775343058800641');
    expect(parseJsonKeepingLongIds(text)).toEqual({ _id: '685775343058800641', owner: '662821403012902912' });
  });

  it('leaves safe integers, decimals, exponents and negative numbers as numbers', () => {
    expect(parseJsonKeepingLongIds('{"count":20,"page":1,"ratio":0.5,"big":1e21,"neg":-3,"max":9007199254740991}')).toEqual({
      count: 20,
      page: 1,
      ratio: 0.5,
      big: 1e21,
      neg: -3,
      max: 9007199254740991,
    });
  });

  it('quotes long negative integers and long integers inside arrays', () => {
    expect(parseJsonKeepingLongIds('[9007199254740993,-9007199254740993, 1]')).toEqual(['9007199254740993', '-9007199254740993', 1]);
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = '{"memo":"单号 685775343058800641 \\"685775343058800642\\"","_id":"685775343058800643"}';
    expect(quoteLongIntegers(text)).toBe(text);
    expect(parseJsonKeepingLongIds(text)).toEqual({
      memo: '单号 685775343058800641 "685775343058800642"',
      _id: '685775343058800643',
    });
  });

  it('still refuses text that is not JSON', () => {
    expect(() => parseJsonKeepingLongIds('<html>502</html>')).toThrow(SyntaxError);
    expect(() => parseJsonKeepingLongIds('{"list":[{"_id":"')).toThrow(SyntaxError);
  });
});
