// Words around a digit run that say it is not a phone number (an order, a tracking code, an ID card, a
// price, a verification code…). Pure and dependency-free: runs in the page scanner, so the page never
// reports obvious non-numbers, and again in the background.

/** Within a few characters before the number. */
const BEFORE = /(订单|单号|运单|快递|物流|工单|编号|流水|交易号|验证码|校验码|动态码|取件码|身份证|证件号|卡号|银行卡|账号|帐号|金额|价格|售价|￥|¥|\$|QQ|微信号|order|ticket|tracking|invoice|#)\s*(号|码)?\s*(是|为)?\s*[:：#]?\s*$/i;
/** Right after the number. */
const AFTER = /^\s*(元|块|美元|%|次|件|个|台|天|kg)/i;

const BEFORE_WINDOW = 12;
const AFTER_WINDOW = 4;

export function contextRejects(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - BEFORE_WINDOW), start);
  const after = text.slice(end, end + AFTER_WINDOW);
  return BEFORE.test(before) || AFTER.test(after);
}
