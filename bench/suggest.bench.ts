// What suggesting labels costs the background: the label matcher over 1,000 seeded chat messages (each
// matched once, as each reported text is), against a CRM of 100 labels with synonyms, timed against two
// baselines in the same run — detectContacts on the same messages (the work every reported text already
// costs) and a plain `includes` of every label name (the least a matcher could do). No browser; runnable
// alone (`npx tsx bench/suggest.bench.ts`). Invariant: the same seed builds the same messages and labels.
import { pathToFileURL } from 'node:url';
import { LABEL_GROUP_SEEDS } from '../dev/mock-crm/sobot/reference-data';
import { createRandom } from '../dev/mock-crm/shared/prng';
import { detectContacts } from '../lib/contacts/detect';
import type { LabelGroup } from '../lib/crm/domain';
import { createLabelMatcher, type LabelSynonyms } from '../lib/suggest/label-matcher';

const SEED = 20261205;
const MESSAGES = 1_000;
const ROUNDS = 15;
const LABELS = 100;

/** The mock CRM's label groups, grown to LABELS labels with product names, as a shop's CRM has them. */
function labelGroups(): LabelGroup[] {
  const groups: LabelGroup[] = LABEL_GROUP_SEEDS.map((seed, index) => ({
    id: `g${index}`,
    name: seed.name,
    color: seed.color,
    multipleChoice: seed.multiple,
    labels: seed.labels.map((name, at) => ({ id: `g${index}-${at}`, name, groupId: `g${index}` })),
  }));
  const products = [
    '红酒',
    '白酒',
    '啤酒',
    '茶叶',
    '咖啡',
    '奶粉',
    '纸尿裤',
    '面膜',
    '口红',
    '香水',
    '耳机',
    '手机壳',
    '充电器',
    '平板电脑',
    '笔记本电脑',
    '扫地机器人',
    '空气净化器',
    '电饭煲',
    '跑步机',
    '瑜伽垫',
  ];
  const qualifiers = ['', '礼盒', '套装', '旗舰款', '入门款'];
  const grown: LabelGroup = { id: 'products', name: '商品', color: '#15C7C9', multipleChoice: true, labels: [] };
  const have = groups.reduce((count, group) => count + group.labels.length, 0);
  for (let index = 0; grown.labels.length < LABELS - have; index++) {
    const name = `${products[index % products.length]}${qualifiers[Math.floor(index / products.length) % qualifiers.length]}`;
    grown.labels.push({ id: `p${index}`, name, groupId: 'products' });
  }
  return [...groups, grown];
}

const SYNONYMS: LabelSynonyms = {
  发票: ['开票', '开发票', 'invoice', '专票', '普票'],
  投诉: ['差评', '举报', '12315', 'complaint'],
  退换货: ['退货', '换货', '退款', 'refund'],
  物流问题: ['快递', '没收到', '物流', 'delivery'],
  数码产品: ['耳机', '相机', '手机', 'headphones'],
  红酒: ['葡萄酒', '干红', 'wine'],
  高意向: ['马上下单', '现在就买'],
};

function chatMessages(count: number): string[] {
  const random = createRandom(SEED);
  const mentions = [
    '红酒',
    '葡萄酒',
    'hong jiu',
    '发票',
    '开发票',
    'invoice',
    '投诉',
    '差评',
    '退货',
    '快递',
    '耳机',
    '银卡会员',
    '抖音',
    '小红书',
    '扫地机器人',
    '瑜伽垫',
    'wine',
  ];
  const templates = [
    (what: string) => `您好，我想问一下${what}的事情，电话 138 ${random.int(1000, 9999)} ${random.int(1000, 9999)}`,
    (what: string) => `订单号 ${random.hex(12)}，${what}什么时候能处理？`,
    (what: string) => `我是在${what}上看到你们的，手机${random.int(13000000000, 13999999999)}`,
    (what: string) => `Hi, about the ${what} I ordered, reach me at buyer${random.int(1, 999)}@example.com`,
    () => `好的，谢谢，我再考虑一下，稍后联系 139${random.int(10000000, 99999999)}`,
    () => `亲，这边帮您登记了，3 个工作日内给您回复哦，有问题打 400-${random.int(100, 999)}-${random.int(1000, 9999)}`,
  ];
  return Array.from({ length: count }, () => random.pick(templates)(random.pick(mentions)));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export interface SuggestFigures {
  matchMsPer1000: number;
  detectMsPer1000: number;
  includesMsPer1000: number;
  indexBuildMs: number;
  suggestMatchRatioVsDetect: number;
  suggestMatchRatioVsIncludes: number;
  labels: number;
  matchedMessages: number;
}

export async function benchSuggest(): Promise<SuggestFigures> {
  const groups = labelGroups();
  const messages = chatMessages(MESSAGES);
  const names = groups.flatMap((group) => group.labels.map((label) => label.name));
  const indexBuildMs = median(Array.from({ length: 5 }, () => timed(() => createLabelMatcher(groups, SYNONYMS))));
  // Built once and kept, as the background keeps it while the labels and synonyms stay the same.
  const matcher = createLabelMatcher(groups, SYNONYMS);
  let matchedMessages = 0;
  const passes = {
    match: () => {
      matchedMessages = 0;
      for (const message of messages) if (matcher.match([message]).length > 0) matchedMessages++;
    },
    detect: () => {
      for (const message of messages) detectContacts(message);
    },
    includes: () => {
      for (const message of messages) names.filter((name) => message.includes(name));
    },
  };
  const times: Record<keyof typeof passes, number[]> = { match: [], detect: [], includes: [] };
  // Warm-up, then the three passes in a rotating order each round, so no one of them always runs first.
  for (const pass of Object.values(passes)) pass();
  const order = Object.keys(passes) as (keyof typeof passes)[];
  for (let round = 0; round < ROUNDS; round++) {
    for (let step = 0; step < order.length; step++) {
      const name = order[(round + step) % order.length]!;
      times[name].push(timed(passes[name]));
    }
  }
  const per1000 = (ms: number) => (ms * 1000) / MESSAGES;
  const matchMs = median(times.match);
  const detectMs = median(times.detect);
  const includesMs = median(times.includes);
  return {
    matchMsPer1000: per1000(matchMs),
    detectMsPer1000: per1000(detectMs),
    includesMsPer1000: per1000(includesMs),
    indexBuildMs,
    suggestMatchRatioVsDetect: matchMs / detectMs,
    suggestMatchRatioVsIncludes: matchMs / includesMs,
    labels: names.length,
    matchedMessages,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchSuggest();
  console.log(figures);
}
