// @vitest-environment happy-dom
// The page scanner in a DOM: what it reads (text, form values, tel:/mailto: links, open shadow roots),
// what it leaves alone (scripts, styles, hidden text, the field the agent is typing in, editors), how it
// follows a live conversation (only what changed is read) and how it batches reports. Its reports go
// through the background's detection here, so each test states the contacts the agent ends up with.
// Test-only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectContacts } from '@/lib/contacts/detect';
import { MAX_READING_CHARS, readingsOf, type PageReading } from '@/lib/contacts/page-reading';
import { contactsInReadings } from '@/lib/contacts/tab-contacts';
import { createPageScanner } from './scanner';

/**
 * A scanner whose flushes run when the test says so, recording every text it reads and every report.
 * Unless a test is about slicing, a flush has all the time it needs: a busy machine must not split it.
 */
function scannerUnderTest(sliceBudgetMs = 60_000) {
  const pendingFlushes: (() => void)[] = [];
  const textsRead: string[] = [];
  const reports: PageReading[][] = [];
  const seenChecks = { count: 0 };
  const scanner = createPageScanner({
    readingsOf: (text, context) => {
      textsRead.push(text);
      return readingsOf(text, context);
    },
    report: (readings) => reports.push(readings),
    schedule: (flush) => pendingFlushes.push(flush),
    sliceBudgetMs,
    // happy-dom lays nothing out: an inline style stands for what Chromium's layout would say.
    isRendered: (element) => {
      seenChecks.count += 1;
      return !element.closest('[style*="display: none"],[style*="opacity: 0"]');
    },
  });
  return {
    scanner,
    textsRead,
    reports,
    /** How many times the scanner asked whether the agent sees an element (a layout in Chromium). */
    seenChecks,
    /** Runs the scheduled flushes; answers how many there were. */
    flush() {
      const flushes = pendingFlushes.splice(0);
      flushes.forEach((flush) => flush());
      return flushes.length;
    },
    reported: () => reports.flat(),
    /** What the background finds in everything reported so far. */
    contacts: () => contactsInReadings(reports.flat(), detectContacts, 0).map(({ kind, value, context }) => ({ kind, value, context })),
    /** The contacts reported as where the agent cannot see them. */
    hiddenValues: () =>
      contactsInReadings(reports.flat(), detectContacts, 0)
        .filter((contact) => contact.hidden)
        .map((contact) => contact.value),
  };
}

/** MutationObserver callbacks run after the current task's microtasks. */
const mutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

function message(text: string): HTMLElement {
  const bubble = document.createElement('div');
  bubble.className = 'message visitor';
  bubble.append(Object.assign(document.createElement('p'), { textContent: text }));
  return bubble;
}

function conversation(lines: string[]): HTMLElement {
  const chat = document.createElement('main');
  chat.id = 'chat';
  chat.append(...lines.map(message));
  document.body.append(chat);
  return chat;
}

let running: ReturnType<typeof scannerUnderTest> | undefined;

function startScanner(sliceBudgetMs?: number) {
  running = scannerUnderTest(sliceBudgetMs);
  running.scanner.start();
  return running;
}

afterEach(() => {
  running?.scanner.stop();
  running = undefined;
  document.body.replaceChildren();
  (document.activeElement as HTMLElement | null)?.blur?.();
});

describe('the initial scan', () => {
  it('sends the texts that may hold a contact, whole, and the background finds each contact with the words around it', () => {
    conversation(['您好，请问有什么可以帮您？', '我的手机是 138 1234 5678，谢谢', '邮箱 Li.Ming@Example.com 也行']);
    const page = startScanner();
    expect(page.flush()).toBe(1);
    expect(page.reports).toEqual([[{ text: '我的手机是 138 1234 5678，谢谢' }, { text: '邮箱 Li.Ming@Example.com 也行' }]]);
    expect(page.contacts()).toEqual([
      { kind: 'phone', value: '+8613812345678', context: '我的手机是 138 1234 5678，谢谢' },
      { kind: 'email', value: 'li.ming@example.com', context: '邮箱 Li.Ming@Example.com 也行' },
    ]);
  });

  it('leaves a long message whole for the background, which shows only the words near the contact, spaces collapsed', () => {
    const filler = '这款外套的面料怎么样，会不会起球，'.repeat(8);
    conversation([`${filler}\n\n   我的电话   13812345678   ${filler}`]);
    const page = startScanner();
    page.flush();
    expect(page.reported()).toHaveLength(1);
    const [contact] = page.contacts();
    expect(contact?.value).toBe('+8613812345678');
    expect(contact!.context).toContain('我的电话 13812345678 这款');
    expect(contact!.context.length).toBeLessThanOrEqual(240);
    expect(contact!.context.length).toBeLessThan(filler.length * 2);
    expect(contact!.context).not.toMatch(/\s{2}/);
  });

  it('sends nothing, and schedules no report, for a page without a seven-digit run or an "@"', () => {
    conversation(['您好，请问有什么可以帮您？', '¥1380.00 已付', '13:45 发货']);
    const page = startScanner();
    expect(page.flush()).toBe(1);
    expect(page.reports).toEqual([]);
  });

  it('leaves order numbers to the background, which finds no contact in them', () => {
    conversation(['订单号 20231105123456789，什么时候发货']);
    const page = startScanner();
    page.flush();
    expect(page.reported()).toEqual([{ text: '订单号 20231105123456789，什么时候发货' }]);
    expect(page.contacts()).toEqual([]);
  });

  it('reads the values of form fields, but not the one the agent is typing in', () => {
    document.body.innerHTML = `
      <form>
        <input id="phone" value="13812345678">
        <textarea id="note"></textarea>
        <input id="secret" type="password" value="13912345678">
        <input id="token" type="hidden" value="13712345678">
        <textarea id="reply"></textarea>
      </form>
      <div hidden><input id="hidden-section" value="13612345678"></div>`;
    (document.getElementById('note') as HTMLTextAreaElement).value = '客户邮箱 wang@example.com';
    const reply = document.getElementById('reply') as HTMLTextAreaElement;
    reply.value = '好的，我记下了 15012345678';
    reply.focus();
    expect(document.activeElement).toBe(reply);

    const page = startScanner();
    page.flush();
    expect(page.contacts()).toEqual([
      { kind: 'phone', value: '+8613812345678', context: '13812345678' },
      { kind: 'email', value: 'wang@example.com', context: '客户邮箱 wang@example.com' },
    ]);
    expect(page.textsRead.join('\n')).not.toContain('15012345678');
  });

  it('reads a field once the agent has left it and its value changed', async () => {
    document.body.innerHTML = '<input id="customer-phone">';
    const field = document.getElementById('customer-phone') as HTMLInputElement;
    const page = startScanner();
    page.flush();
    field.value = '13812345678';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await mutationsDelivered();
    expect(page.flush()).toBe(1);
    expect(page.contacts()).toEqual([{ kind: 'phone', value: '+8613812345678', context: '13812345678' }]);
  });

  it('reads tel: and mailto: links, with the link text as context', () => {
    document.body.innerHTML = `
      <a href="tel:+86-138-1234-5678">拨打客户电话</a>
      <a href="mailto:li.ming@example.com?subject=%E8%AE%A2%E5%8D%95">发邮件</a>
      <a href="mailto:%E6%9D%8E@example.com">李</a>
      <a href="https://example.com/">官网 13912345678</a>
      <div aria-hidden="true"><a href="tel:13712345678">隐藏</a></div>`;
    const page = startScanner();
    page.flush();
    expect(page.reported()).toContainEqual({ text: '+86-138-1234-5678', context: '拨打客户电话' });
    expect(page.reported()).toContainEqual({ text: '李@example.com', context: '李' }); // decoded; the background judges it
    expect(page.contacts()).toEqual([
      { kind: 'phone', value: '+8613812345678', context: '拨打客户电话' },
      { kind: 'email', value: 'li.ming@example.com', context: '发邮件' },
      { kind: 'phone', value: '+8613912345678', context: '官网 13912345678' },
    ]);
  });

  it('keeps scanning past a link whose address is not valid percent-encoding', () => {
    document.body.innerHTML = `
      <a href="mailto:100%off@example.com">促销</a>
      <p>我的手机是 13812345678</p>`;
    const page = startScanner();
    expect(() => page.flush()).not.toThrow();
    expect(page.contacts()).toContainEqual({ kind: 'phone', value: '+8613812345678', context: '我的手机是 13812345678' });
  });

  it('reads inside open shadow roots, nested ones included, but not inside a hidden host', () => {
    const widget = document.createElement('chat-widget');
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="bubble"><p>访客：我的手机 139 8765 4321</p><inner-card></inner-card><div hidden><p>13612345678</p></div></div>';
    const inner = shadow.querySelector('inner-card')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<span>邮箱 deep@example.com</span>';
    const hiddenHost = Object.assign(document.createElement('div'), { hidden: true });
    hiddenHost.attachShadow({ mode: 'open' }).innerHTML = '<p>13712345678</p>';
    document.body.append(widget, hiddenHost);

    const page = startScanner();
    page.flush();
    expect(page.contacts()).toEqual([
      { kind: 'phone', value: '+8613987654321', context: '访客：我的手机 139 8765 4321' },
      { kind: 'email', value: 'deep@example.com', context: '邮箱 deep@example.com' },
    ]);
  });

  it('skips scripts, styles, templates, hidden text and editors without reading them', () => {
    document.body.innerHTML = `
      <script>var agentPhone = "13800000001";</script>
      <style>.x::after { content: "13800000002"; }</style>
      <noscript>13800000003</noscript>
      <template><p>13800000004</p></template>
      <div hidden><p>隐藏 13800000005</p></div>
      <div aria-hidden="true"><p>读屏隐藏 13800000006</p></div>
      <div contenteditable="true"><p>草稿 13800000007</p></div>
      <div contenteditable><p>草稿 13800000008</p></div>
      <div contenteditable="plaintext-only">草稿 13800000009</div>
      <svg><text>13800000010</text></svg>
      <select><option>13800000011</option></select>
      <div contenteditable="FALSE"><p>可读 13812345678</p></div>
      <div aria-hidden="TRUE"><p>读屏隐藏 13800000012</p></div>`;
    const page = startScanner();
    page.flush();
    expect(page.reported()).toEqual([{ text: '可读 13812345678' }]);
    // Code and styles can be megabytes, drafts are the agent's own: none of it is read past the pre-test.
    expect(page.textsRead.join('\n')).not.toMatch(/138000000/);
  });

  it('sends a pasted log in pieces the background accepts, losing no contact', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `第 ${index} 行：客户 ${index} 的手机是 138${String(index).padStart(8, '0')}。`);
    conversation([lines.join('')]);
    const page = startScanner();
    page.flush();
    expect(page.reported().length).toBeGreaterThan(1);
    for (const { text } of page.reported()) expect(text.length).toBeLessThanOrEqual(MAX_READING_CHARS);
    expect(page.contacts().map((contact) => contact.value)).toEqual(lines.map((_, index) => `+86138${String(index).padStart(8, '0')}`));
  });
});

describe('following a live conversation', () => {
  it('reads only the new message, not the page again', async () => {
    const history = Array.from({ length: 50 }, (_, index) => `第 ${index} 条：请问这款有货吗？`);
    const chat = conversation(history);
    const page = startScanner();
    page.flush();
    page.textsRead.length = 0;

    chat.append(message('好的，我的电话是 021-5888 8888 转 123'));
    await mutationsDelivered();
    expect(page.flush()).toBe(1);
    expect(page.textsRead).toEqual(['好的，我的电话是 021-5888 8888 转 123']);
    expect(page.contacts()).toEqual([{ kind: 'phone', value: '+862158888888', context: '好的，我的电话是 021-5888 8888 转 123' }]);
  });

  it('reads a new message right after the task that added it, while a first scan waits for idle time', async () => {
    vi.useFakeTimers();
    try {
      const chat = conversation(['您好']);
      const reports: PageReading[][] = [];
      const idle = vi.fn((flush: IdleRequestCallback) => setTimeout(() => flush({ didTimeout: false, timeRemaining: () => 50 }), 200));
      vi.stubGlobal('requestIdleCallback', idle);
      running = { scanner: createPageScanner({ report: (batch) => reports.push(batch), isRendered: () => true }) } as typeof running;
      running!.scanner.start();
      expect(idle).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(200);

      chat.append(message('我的电话是 13812345678'));
      await vi.advanceTimersByTimeAsync(1);
      expect(reports).toEqual([[{ text: '我的电话是 13812345678' }]]);
      expect(idle).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });

  it('rereads a text node whose words changed, and only that node', async () => {
    const chat = conversation(['正在输入…', '您好']);
    const page = startScanner();
    page.flush();
    page.textsRead.length = 0;

    const typing = chat.querySelector('p')!.firstChild as Text;
    typing.data = '我的邮箱是 zhao@example.cn';
    await mutationsDelivered();
    page.flush();
    expect(page.textsRead).toEqual(['我的邮箱是 zhao@example.cn']);
    expect(page.contacts()).toEqual([{ kind: 'email', value: 'zhao@example.cn', context: '我的邮箱是 zhao@example.cn' }]);
  });

  it('follows messages added inside an open shadow root', async () => {
    const widget = document.createElement('chat-widget');
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div id="log"><p>您好，有什么可以帮您？</p></div>';
    document.body.append(widget);
    const page = startScanner();
    page.flush();
    page.textsRead.length = 0;

    shadow.getElementById('log')!.append(message('Call me: +852 9123 4567'));
    await mutationsDelivered();
    page.flush();
    expect(page.textsRead).toEqual(['Call me: +852 9123 4567']);
    expect(page.contacts()).toEqual([{ kind: 'phone', value: '+85291234567', context: 'Call me: +852 9123 4567' }]);
  });

  it('reads a conversation once the agent switches to it, including what its visitor wrote while it was hidden', async () => {
    const current = conversation(['当前访客 13812345678']);
    const other = conversation(['另一位访客的邮箱 other@example.com']);
    other.hidden = true;
    const page = startScanner();
    page.flush();
    expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613812345678']);

    other.append(message('我的手机 13987654321'));
    await mutationsDelivered();
    page.flush();
    expect(page.contacts()).toHaveLength(1);

    // The agent switches conversations: the console hides one pane and shows the other.
    current.hidden = true;
    other.hidden = false;
    await mutationsDelivered();
    page.flush();
    expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613812345678', 'other@example.com', '+8613987654321']);
  });

  it('ignores a message added inside a shadow root whose host the page has since hidden', async () => {
    const pane = document.createElement('section');
    const widget = document.createElement('chat-widget');
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div id="log"></div>';
    pane.append(widget);
    document.body.append(pane);
    const page = startScanner();
    page.flush();

    pane.hidden = true; // the agent switched to another conversation
    shadow.getElementById('log')!.append(message('另一位访客 13812345678'));
    shadow.append('直接在影子根里 13987654321');
    await mutationsDelivered();
    page.flush();
    expect(page.reported()).toEqual([]);
  });

  it('reads a message once even when its parts arrive in separate mutations of one batch', async () => {
    const chat = conversation([]);
    const page = startScanner();
    page.flush();
    page.textsRead.length = 0;

    const bubble = message('手机 13812345678');
    chat.append(bubble);
    bubble.append(Object.assign(document.createElement('p'), { textContent: '邮箱 late@example.com' }));
    await mutationsDelivered();
    page.flush();
    expect(page.textsRead).toEqual(['手机 13812345678', '邮箱 late@example.com']);
  });

  it('does not read a message removed before the flush', async () => {
    const chat = conversation(['您好']);
    const page = startScanner();
    page.flush();
    page.textsRead.length = 0;

    const recalled = message('撤回的消息 13812345678');
    chat.append(recalled);
    recalled.remove();
    await mutationsDelivered();
    page.flush();
    expect(page.textsRead).toEqual([]);
    expect(page.reports).toEqual([]);
  });

  it('ignores scripts and hidden nodes added later', async () => {
    const chat = conversation([]);
    const page = startScanner();
    page.flush();
    page.textsRead.length = 0;

    chat.append(Object.assign(document.createElement('script'), { textContent: 'track("13800000001")' }));
    const hidden = message('13800000002');
    hidden.hidden = true;
    chat.append(hidden);
    await mutationsDelivered();
    page.flush();
    expect(page.textsRead).toEqual([]);
  });

  it('stops following the page once stopped', async () => {
    const chat = conversation([]);
    const page = startScanner();
    page.flush();
    page.scanner.stop();
    chat.append(message('13812345678'));
    await mutationsDelivered();
    expect(page.flush()).toBe(0);
  });
});

describe('batching', () => {
  it('sends one report per flush for messages that arrive together', async () => {
    const chat = conversation([]);
    const page = startScanner();
    page.flush();

    chat.append(message('先生电话 13812345678'));
    chat.append(message('太太电话 13987654321'));
    chat.append(message('邮箱 family@example.com'));
    await mutationsDelivered();
    expect(page.flush()).toBe(1);
    expect(page.reports).toHaveLength(1);
    expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613812345678', '+8613987654321', 'family@example.com']);
  });

  it('sends a text said many times once per scan, unless only a hidden copy came first', () => {
    const hotline = '人工客服热线 400-820-8820';
    document.body.innerHTML = `<div hidden><p>客服手机 13812345678</p></div><p>客服手机 13812345678</p>`;
    conversation(Array.from({ length: 50 }, () => hotline));
    const page = startScanner();
    page.flush();
    expect(page.reported()).toEqual([{ text: '客服手机 13812345678' }, { text: hotline }]);
  });

  it('reports the 200 newest texts of a scan, and asks only those whether the agent sees them', () => {
    // The background keeps a tab's 50 newest contacts: older texts would be laid out and sent for nothing.
    conversation(Array.from({ length: 250 }, (_, index) => `客户 ${index} 的手机 138${String(index).padStart(8, '0')}`));
    const page = startScanner();
    expect(page.flush()).toBe(1);
    expect(page.reports.map((report) => report.length)).toEqual([200]);
    const values = page.contacts().map((contact) => contact.value);
    expect(values).toHaveLength(200);
    expect(values[0]).toBe('+8613800000050');
    expect(values.at(-1)).toBe('+8613800000249');
    expect(page.seenChecks.count).toBe(200);
    expect(page.textsRead).toHaveLength(200);
  });

  it('keeps the newest texts the agent sees when a page holds many hidden ones after them, and lists 50 hidden', () => {
    conversation(Array.from({ length: 250 }, (_, index) => `客户 ${index} 的手机 138${String(index).padStart(8, '0')}`));
    const outOfSight = conversation(Array.from({ length: 300 }, (_, index) => `备用 137${String(index).padStart(8, '0')}`));
    outOfSight.setAttribute('style', 'display: none');
    const page = startScanner();
    page.flush();
    const values = page.contacts().map((contact) => contact.value);
    expect(values.filter((value) => value.startsWith('+86138'))).toHaveLength(200);
    expect(values).toContain('+8613800000249');
    expect(page.hiddenValues()).toHaveLength(50);
    expect(page.hiddenValues().at(-1)).toBe('+8613700000299');
  });

  it('asks at most 1,000 texts of a scan whether the agent sees them, however many the page hides', () => {
    conversation(Array.from({ length: 2_000 }, (_, index) => `备用 137${String(index).padStart(8, '0')}`)).setAttribute('style', 'opacity: 0');
    const page = startScanner();
    page.flush();
    expect(page.seenChecks.count).toBe(1_000);
    expect(page.hiddenValues()).toHaveLength(50);
  });

  it('splits the readings of very long texts into reports of at most 200', () => {
    const longText = (index: number) =>
      `${'订单备注。'.repeat(300)} 客户 ${index} 手机 139${String(index).padStart(8, '0')}。${'物流信息。'.repeat(300)} 备用 137${String(index).padStart(8, '0')}`;
    conversation(Array.from({ length: 150 }, (_, index) => longText(index)));
    const page = startScanner();
    page.flush();
    expect(page.reports.map((report) => report.length)).toEqual([200, 100]);
    expect(page.contacts()).toHaveLength(300);
  });

  it('spreads a big first scan over several flushes that yield to the page, then reports its newest texts once', () => {
    const lines = Array.from({ length: 400 }, (_, index) => `客户 ${index} 的手机 139${String(index).padStart(8, '0')}`);
    conversation(lines);
    const widget = document.createElement('chat-widget');
    widget.attachShadow({ mode: 'open' }).innerHTML = '<p>邮箱 widget@example.com</p>';
    document.body.append(widget);
    // No time to spare: every flush does one clock-read's worth of nodes and hands the rest on.
    const page = startScanner(0);
    let flushes = 0;
    while (page.flush() > 0) flushes++;
    expect(flushes).toBeGreaterThan(5);
    expect(page.reports).toHaveLength(1);
    const values = page.contacts().map((contact) => contact.value);
    expect(values).toHaveLength(200);
    expect(new Set(values).size).toBe(200);
    expect(values.at(-2)).toBe('+8613900000399');
    expect(values.at(-1)).toBe('widget@example.com');
  });

  it('drops the rest of an unfinished scan when stopped', () => {
    conversation(Array.from({ length: 400 }, (_, index) => `客户 ${index} 的手机 139${String(index).padStart(8, '0')}`));
    const page = startScanner(0);
    expect(page.flush()).toBe(1);
    page.scanner.stop();
    expect(page.flush()).toBe(1);
    expect(page.flush()).toBe(0);
    expect(page.reports).toHaveLength(0);
    expect(page.seenChecks.count).toBe(0);
  });

  it('rescans the whole page, shadow roots included, when asked', () => {
    conversation(['我的手机 13812345678']);
    const widget = document.createElement('chat-widget');
    widget.attachShadow({ mode: 'open' }).innerHTML = '<p>邮箱 shadow@example.com</p>';
    document.body.append(widget);
    const page = startScanner();
    page.flush();
    page.reports.length = 0;

    page.scanner.rescan();
    expect(page.flush()).toBe(1);
    expect(page.reports).toHaveLength(1);
    expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613812345678', 'shadow@example.com']);
  });
});

describe('text the agent cannot see', () => {
  it('is reported marked hidden, so it is listed but never drives a lookup; what the agent sees is not', () => {
    conversation(['我的手机 13812345678']);
    const planted = Object.assign(document.createElement('div'), { textContent: '李娜 13912345678' });
    planted.setAttribute('style', 'display: none');
    const faded = Object.assign(document.createElement('a'), { href: 'mailto:lina@example.com', textContent: 'mail' });
    faded.setAttribute('style', 'opacity: 0');
    document.body.append(planted, faded);
    const page = startScanner();
    page.flush();
    // Links are read before the text walk.
    expect(page.contacts().map((contact) => contact.value)).toEqual(['lina@example.com', '+8613812345678', '+8613912345678']);
    expect(page.hiddenValues()).toEqual(['lina@example.com', '+8613912345678']);
  });

  /** The console adds a message at opacity 0, to fade it in; the scanner has read it once, as hidden. */
  function messageFadingIn() {
    const message = conversation(['我的手机 13812345678']);
    message.setAttribute('style', 'opacity: 0');
    const page = startScanner();
    page.flush();
    return { message, page };
  }

  /** The fade is over: what the page reports from now on is read as seen. */
  function fadedIn(message: HTMLElement, page: ReturnType<typeof startScanner>) {
    page.reports.length = 0;
    message.setAttribute('style', 'opacity: 1');
  }

  describe('faded in', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('is looked at once more a moment after it arrived, so a message the console fades in is read as seen', () => {
      const { message, page } = messageFadingIn();
      expect(page.hiddenValues()).toEqual(['+8613812345678']);
      fadedIn(message, page);
      vi.advanceTimersByTime(500);
      page.flush();
      expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613812345678']);
      expect(page.hiddenValues()).toEqual([]);
    });

    it('is looked at again as soon as a fade-in ends, however late the page ran it', () => {
      const { message, page } = messageFadingIn();
      vi.advanceTimersByTime(500);
      page.flush();
      expect(page.hiddenValues()).toEqual(['+8613812345678']);
      // A busy tab runs the console's fade long after the message arrived.
      fadedIn(message, page);
      message.dispatchEvent(new Event('animationend', { bubbles: true }));
      vi.advanceTimersByTime(1);
      page.flush();
      expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613812345678']);
      expect(page.hiddenValues()).toEqual([]);
    });
  });

  it('is read again, as seen, once the agent clicks in the page and the console shows it', async () => {
    vi.useFakeTimers();
    try {
      const other = conversation(['访客 B 的手机 13912345678']);
      other.setAttribute('style', 'display: none');
      const page = startScanner();
      page.flush();
      expect(page.hiddenValues()).toEqual(['+8613912345678']);
      page.reports.length = 0;

      // The agent clicks the conversation in the list; the console shows it.
      other.removeAttribute('style');
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      vi.advanceTimersByTime(300);
      page.flush();
      expect(page.contacts().map((contact) => contact.value)).toEqual(['+8613912345678']);
      expect(page.hiddenValues()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
