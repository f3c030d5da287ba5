// Benchmarks detectContacts against the obvious alternative — libphonenumber-js's findPhoneNumbersInText
// (same "max" metadata) plus a plain email regex — on ~1 MB of seeded, realistic chat text, and scores
// its recall and precision against the generator's ground truth. Imported by bench runners; runnable
// alone (`npx tsx bench/detect.bench.ts`). Invariant: the same seed always builds the same text.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { allChatLines } from '../lib/contacts/chat-lines.fixture';
import { detectContacts } from '../lib/contacts/detect';

const TARGET_BYTES = 1_000_000;
const SEED = 20240315;
const ROUNDS = 5;

interface GeneratedLine {
  line: string;
  expected: string[];
}

/** mulberry32: small, fast and good enough to vary chat lines reproducibly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function chatLineGenerator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const toFullWidth = (text: string) => text.replace(/[0-9+\-()@.]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

  // Prefixes allocated to CN mobile operators across their whole 8-digit range.
  const mobilePrefixes = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '186', '187', '188'];
  const areaCodes = ['010', '021', '020', '0755', '0571', '028', '0512'];
  const writeMobile = (national: string): [string, string] => {
    const spaced = `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    const written = pick([
      national,
      national,
      spaced,
      spaced.replaceAll(' ', '-'),
      `+86 ${spaced}`,
      `+86${national}`,
      `(+86)${national}`,
      `0086 ${national}`,
      `86-${national}`,
      toFullWidth(national),
    ]);
    return [written, `+86${national}`];
  };
  const writeLandline = (): [string, string] => {
    const area = pick(areaCodes);
    const local = `${pick(['2', '5', '6'])}${digits(7)}`;
    const written = pick([`${area}-${local}`, `(${area})${local}`, `${area} ${local.slice(0, 4)} ${local.slice(4)}`, `${area}-${local}转${digits(3)}`]);
    return [written, `+86${area.slice(1)}${local}`];
  };
  const international: ReadonlyArray<[string, string]> = [
    ['+1 (415) 555-2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+852 2123 4567', '+85221234567'],
    ['+886 912 345 678', '+886912345678'],
    ['+65 9123 4567', '+6591234567'],
  ];
  const names = ['zhang.wei', 'li_na', 'wangfang', 'chen.jie+crm', 'Liu.Yang', 'service', 'zhao99'];
  const domains = ['example.com', 'qq.com', '163.com', 'Corp.Example.cn', 'mail.shop.example.com.cn'];
  const writeEmail = (): [string, string] => {
    const address = `${pick(names)}@${pick(domains)}`;
    return [random() < 0.1 ? toFullWidth(address) : address, address.toLowerCase()];
  };
  const writeContact = (): [string, string] => {
    const roll = random();
    if (roll < 0.5) return writeMobile(`${pick(mobilePrefixes)}${digits(8)}`);
    if (roll < 0.7) return writeLandline();
    if (roll < 0.8) return pick(international);
    return writeEmail();
  };

  const contactTemplates = [
    (contact: string) => `我的手机是${contact}，麻烦尽快联系`,
    (contact: string) => `电话：${contact}`,
    (contact: string) => `好的，您记一下 ${contact} 这个`,
    (contact: string) => `客户留了联系方式 ${contact}，下午回访`,
    (contact: string) => `邮件或者电话都行：${contact}。`,
    (contact: string) => `you can reach me at ${contact} anytime`,
  ];
  const noise = [
    () => `您好，请问有什么可以帮您？`,
    () => `我想问一下这款的尺码，170 穿 L 还是 XL？`,
    () => `订单号 ${digits(17)}，什么时候发货`,
    () => `快递单号 SF${digits(13)}，麻烦查一下`,
    () => `运单号：YT${digits(13)}`,
    () => `${2020 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)} 14:${digits(2)}:${digits(2)} 已付款`,
    () => `价格 ¥${digits(4)}.00，优惠后 ${digits(4)}元`,
    () => `验证码 ${digits(6)}，5 分钟内有效`,
    () => `身份证 11010519${digits(10)}`,
    () => `卡号 6222 ${digits(4)} ${digits(4)} ${digits(4)}`,
    () => `时间戳 17${digits(8)}，日志 17${digits(11)}`,
    () => `手机号 138****${digits(4)} 已绑定`,
    () => `客户端版本 v13.8.${digits(4)}，IP 192.168.${digits(2)}.${digits(2)}`,
    () => `图片 icon@2x.png 显示不出来 @客服小王`,
    () => `好的，谢谢，我再考虑一下 😊`,
    () => `亲，这边帮您登记了，3 个工作日内给您回复哦`,
  ];

  return (): GeneratedLine => {
    const roll = random();
    if (roll < 0.1) {
      const chat = pick(allChatLines);
      return { line: chat.line, expected: chat.expected };
    }
    if (roll < 0.35) {
      const [written, value] = writeContact();
      return { line: pick(contactTemplates)(written), expected: [value] };
    }
    return { line: pick(noise)(), expected: [] };
  };
}

/** Chat text of about `bytes` UTF-8 bytes, one message per line, with each line's expected contacts. */
export function buildChatText(bytes = TARGET_BYTES, seed = SEED): { text: string; lines: GeneratedLine[] } {
  const nextLine = chatLineGenerator(seededRandom(seed));
  const lines: GeneratedLine[] = [];
  let size = 0;
  while (size < bytes) {
    const generated = nextLine();
    lines.push(generated);
    size += Buffer.byteLength(generated.line) + 1;
  }
  return { text: lines.map((generated) => generated.line).join('\n'), lines };
}

function score(lines: readonly GeneratedLine[], found: readonly { start: number; value: string }[]) {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const generated of lines) {
    lineStarts.push(offset);
    offset += generated.line.length + 1;
  }
  const foundPerLine = lines.map(() => [] as string[]);
  let lineIndex = 0;
  for (const contact of found) {
    while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= contact.start) lineIndex++;
    foundPerLine[lineIndex]!.push(contact.value);
  }
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  lines.forEach((generated, index) => {
    const unmatched = [...generated.expected];
    for (const value of foundPerLine[index]!) {
      const at = unmatched.indexOf(value);
      if (at >= 0) {
        unmatched.splice(at, 1);
        truePositives++;
      } else {
        falsePositives++;
      }
    }
    falseNegatives += unmatched.length;
  });
  return { recall: truePositives / (truePositives + falseNegatives), precision: truePositives / (truePositives + falsePositives) };
}

const PLAIN_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function baseline(text: string): number {
  return findPhoneNumbersInText(text, 'CN').length + (text.match(PLAIN_EMAIL)?.length ?? 0);
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function measureDetect() {
  const { text, lines } = buildChatText();
  const found = detectContacts(text);
  baseline(text); // warm both paths up before timing
  const oursMs: number[] = [];
  const baselineMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which runs first so neither always inherits a warmer or dirtier heap.
    if (round % 2 === 0) {
      oursMs.push(timed(() => detectContacts(text)));
      baselineMs.push(timed(() => baseline(text)));
    } else {
      baselineMs.push(timed(() => baseline(text)));
      oursMs.push(timed(() => detectContacts(text)));
    }
  }
  const megabytes = Buffer.byteLength(text) / 1_000_000;
  return {
    ...score(lines, found),
    oursMs: median(oursMs),
    baselineMs: median(baselineMs),
    megabytes,
    contacts: found.length,
  };
}

export async function benchDetect(): Promise<{
  detectSpeedupVsLibphonenumber: number;
  mbPerSecond: number;
  recall: number;
  precision: number;
}> {
  const measured = await measureDetect();
  return {
    detectSpeedupVsLibphonenumber: measured.baselineMs / measured.oursMs,
    mbPerSecond: measured.megabytes / (measured.oursMs / 1000),
    recall: measured.recall,
    precision: measured.precision,
  };
}

async function printDetectBenchmark() {
  const measured = await measureDetect();
  console.log(`text: ${measured.megabytes.toFixed(2)} MB, ${measured.contacts} contacts detected`);
  console.log(`detectContacts: ${measured.oursMs.toFixed(1)} ms (median of ${ROUNDS})`);
  console.log(`findPhoneNumbersInText + email regex: ${measured.baselineMs.toFixed(1)} ms (median of ${ROUNDS})`);
  console.log(`detectSpeedupVsLibphonenumber: ${(measured.baselineMs / measured.oursMs).toFixed(2)}`);
  console.log(`mbPerSecond: ${(measured.megabytes / (measured.oursMs / 1000)).toFixed(2)}`);
  console.log(`recall: ${measured.recall.toFixed(4)}  precision: ${measured.precision.toFixed(4)}`);
}

// Run alone (npx tsx bench/detect.bench.ts); imported by a runner, it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void printDetectBenchmark();
