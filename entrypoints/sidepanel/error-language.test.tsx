// @vitest-environment happy-dom
// Every error code of both CRM API documents reaches the agent in one language: the panel's words for
// it, in Chinese or English, and the CRM's own text (Chinese, whatever the agent's language) only inside
// the "details" disclosure. Walks each code through the backends' error mapping, the message an error
// crosses to the panel as, and the places the panel shows it: a notice and a queued write's state
// (left without the write's own content, which is the agent's text in whatever language they wrote).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmText } from '@/components/CrmText';
import { Notice } from '@/components/Notice';
import { WriteStatus } from '@/components/WriteStatus';
import { serializeError } from '@/lib/crm/errors';
import { sobotErrorFor } from '@/lib/crm/sobot/ret-codes';
import { useasyErrorFor } from '@/lib/crm/useasy/error-codes';
import { describeFailure, DOCUMENTED_CRM_CODES, t } from '@/lib/i18n';
import type { OutboxWrite } from '@/lib/outbox/types';
import { useMessages } from './models/test-support';
import { writeStateText } from './models/writes';

/** Sobot SCRM v5, section 5 and its notes: each ret_code with the ret_msg the document gives it. */
const SOBOT_CODES: Record<string, string> = {
  '900001': 'token为空',
  '900002': 'token已失效,请重新获取',
  '900003': 'signature错误',
  '900004': '没有找到公司的api配置信息!',
  '700046': '当前版本不支持API',
  '999999': '系统未知异常',
  '510001': '标签组不存在',
  '510002': '标签组名称已存在',
  '510003': '标签名称已存在',
  '510004': '.标签参数名已存在 .标签已不存在',
  '510005': '标签组名称不能为空',
  '510006': '标签名称不能为空',
  '510007': '名称不能超过30个字',
  '510008': '参数名称不能超过30个字',
  '500152': '黑名单类型不能为空',
  '500153': '黑名单原因不能为空',
  '500154': '黑名单类型不合法',
  '500155': '时间范围不合法',
  '500156': '该用户不在黑名单中',
  '500157': '该用户已在黑名单中',
};
/** Useasy: the envelope's HTTP-like codes, and a signature refusal recognised by its words. */
const USEASY_CODES: Record<string, string> = {
  '400': 'customerName不能为空',
  '401': '验签失败',
  '403': 'signature invalid',
  '404': '客户不存在',
  '500': 'timestamp过期',
};

const cases = [
  ...Object.entries(SOBOT_CODES).map(([code, text]) => ({ crm: 'Sobot', code, text, error: sobotErrorFor(code, text) })),
  ...Object.entries(USEASY_CODES).map(([code, text]) => ({ crm: 'Useasy', code, text, error: useasyErrorFor(code, text) })),
];

/** Three Latin words in a row: a sentence, not a name like "CRM" or "App Key". */
const LATIN_SENTENCE = /[A-Za-z]{2,}(?:[\s,.;:'’()-]+[A-Za-z]{2,}){2,}/;
const HAN = /\p{Script=Han}/u;

/** The text a reader sees with every "details" disclosure closed, and the text inside them. */
function readAloud(host: HTMLElement) {
  const copy = host.cloneNode(true) as HTMLElement;
  const folded = [...copy.querySelectorAll('details')].map((details) => details.textContent ?? '');
  copy.querySelectorAll('details').forEach((details) => details.remove());
  return { shown: copy.textContent ?? '', folded: folded.join(' ') };
}

function renderFailure(error: { code: string; message: string; crmCode?: string }) {
  const host = document.createElement('div');
  const write = {
    id: 'w1',
    customerId: 'c1',
    kind: 'note',
    payload: { content: '已发报价单' },
    createdAt: 1,
    attempts: 3,
    state: 'failed',
    nextAttemptAt: 0,
    lastError: error,
  } as OutboxWrite;
  render(
    <>
      <Notice tone="error" title={t('lookupFailed', '138 1234 5678')} detail={describeFailure(error)} more={<CrmText error={error} />} />
      <WriteStatus id="w1" state="failed" stateText={writeStateText(write)} crmError={error} canRetry onRetry={() => {}} onDiscard={() => {}} />
    </>,
    host,
  );
  return host;
}

describe.each([
  { locale: 'zh_CN' as const, wrongScript: (text: string) => LATIN_SENTENCE.exec(text)?.[0] },
  { locale: 'en' as const, wrongScript: (text: string) => HAN.exec(text)?.[0] },
])('every CRM error code in $locale', ({ locale, wrongScript }) => {
  beforeEach(() => {
    fakeBrowser.reset();
    useMessages(locale);
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('has words of its own for each documented code', () => {
    expect([...DOCUMENTED_CRM_CODES].sort()).toEqual([...Object.keys(SOBOT_CODES), '400', '401', '403', '404'].sort());
  });

  it.each(cases)('$crm $code reads in one language, with the CRM’s text only under details', ({ code, text, error }) => {
    const serialized = serializeError(error);
    expect(serialized.crmCode).toBe(code);
    const words = describeFailure(serialized);
    // Documented codes say what happened specifically, not the catch-all.
    if (DOCUMENTED_CRM_CODES.includes(code)) expect(words).not.toBe(t('errorCrm'));
    const { shown, folded } = readAloud(renderFailure(serialized));
    expect(wrongScript(shown), shown).toBeUndefined();
    expect(shown).toContain(words);
    expect(folded).toContain(text);
    expect(folded).toContain(code);
  });
});
