// The chat workbench: a list of ongoing conversations and the messages of the selected one.
// ?append=1 makes the visitor of the open conversation keep writing (every ?interval= ms, default 6000).
// biome-ignore lint/suspicious/noRedundantUseStrict: a classic script (index.html loads it without type=module), so not strict by itself
'use strict';

const CONVERSATIONS = [
  {
    id: 'c1',
    visitor: '张先生',
    channel: '网页',
    origin: '官网 · 扫地机器人X20 详情页',
    color: '#3370ff',
    followUps: ['刚才的号码可能没打清楚，是 13812345678', '报价单能再发一次到 zhang.wei@example.com 吗？', '还有一个座机 021-64567890，工作日都有人接'],
    messages: [
      ['system', '09:12', '访客通过「官网产品页」发起咨询'],
      ['visitor', '09:12', '你好，我想问下X20扫地机器人企业采购有优惠吗？'],
      ['agent', '09:13', '您好，欢迎咨询！企业采购30台以上可以申请阶梯价，请问您大概需要多少台？'],
      ['visitor', '09:14', '30台左右，上次跟你们王经理聊过'],
      ['visitor', '09:14', '我的手机是138 1234 5678，麻烦让他回个电话'],
      ['agent', '09:15', '好的，我这边帮您备注，稍后请王经理联系您。'],
      ['visitor', '09:16', '邮箱 Zhang.Wei@Example.com。报价单发这个邮箱就行'],
      ['visitor', '09:17', '另外订单号 20241115093847561 那批音箱的发票什么时候能开？'],
    ],
  },
  {
    id: 'c2',
    visitor: '李女士',
    channel: '微信公众号',
    origin: '公众号菜单 · 门店加盟',
    color: '#15c7c9',
    followUps: ['对了，我爱人的号码 186 0000 1234 也可以联系', '邮箱的话发 lina_1990@163.com 就行', '好的，等你们电话'],
    messages: [
      ['visitor', '09:31', '在吗？我想咨询一下加盟的事情'],
      ['agent', '09:31', '在的，请问您想了解哪个城市的门店加盟呢？'],
      ['visitor', '09:33', '上海徐汇这边，我电话 +86 139-1234-5678，白天都方便'],
      ['visitor', '09:33', '加盟费是 ¥68,000 还是 ¥86,000？网上看到两个价格'],
      ['agent', '09:35', '具体以区域政策为准，我请渠道经理和您详细沟通。'],
      ['visitor', '09:36', '好的，2024-11-28 之前联系我都可以'],
    ],
  },
  {
    id: 'c3',
    visitor: '刘经理',
    channel: '网页',
    origin: '官网 · 售后服务',
    color: '#f5a623',
    followUps: ['财务邮箱是 liuyang@huayu-trade.com，电子发票发这里', '座机占线的话打 010-62345678 转 802'],
    messages: [
      ['visitor', '10:02', '你好，我们公司的发票抬头需要改一下'],
      ['visitor', '10:02', '座机 (010)62345678转801，找财务刘经理'],
      ['agent', '10:04', '收到，麻烦提供一下新的抬头和税号。'],
      ['visitor', '10:06', '北京华宇商贸有限公司昌平分公司，税号 91110114MA01C8RX2K'],
      ['visitor', '10:06', '合同金额 128,500.00 元，分两次开'],
    ],
  },
  {
    id: 'c4',
    visitor: '王女士',
    channel: 'APP',
    origin: 'App · 会员中心',
    color: '#e8553e',
    followUps: ['还是打这个号吧：139-0000-1111', '好的谢谢，麻烦尽快'],
    messages: [
      ['visitor', '10:20', '你们的年度套餐现在还有活动吗'],
      ['agent', '10:21', '有的，双十一期间年付立减500元，活动到11月30日。'],
      ['visitor', '10:23', '我的号码是１３９ ００００ １１１１，上次是孙磊帮我办的'],
      ['visitor', '10:24', '我想在11月25日前定下来，到时候打给我就行'],
    ],
  },
  {
    id: 'c5',
    visitor: '陈先生',
    channel: '微信小程序',
    origin: '小程序 · 我的订单',
    color: '#34c724',
    followUps: ['查到了吗？我老婆的邮箱 chenjing88@qq.com 也能收通知', '号码没错，13700000000'],
    messages: [
      ['visitor', '10:41', '我老婆上周在你们这买了个跑步机'],
      ['visitor', '10:41', '我们俩用的同一个号 137-0000-0000，帮忙查一下物流到哪了'],
      ['agent', '10:42', '好的，请稍等，我帮您查询一下。'],
      ['visitor', '10:43', '快递单号 SF1402318842903'],
    ],
  },
  {
    id: 'c6',
    visitor: '赵敏',
    channel: '网页',
    origin: '邮件链接 · 售后进度查询',
    color: '#9b6dd6',
    followUps: ['邮件里说的换货单号是 HH20241118007', '要电话联系的话打 0571-87654321'],
    messages: [
      ['visitor', '11:05', '耳机换货的进度怎么样了？'],
      ['visitor', '11:05', '之前一直是邮件联系的：zhao.min@example.org'],
      ['agent', '11:07', '您好，换货已经安排，预计3个工作日内发出。'],
      ['visitor', '11:08', '好的，谢谢。会员卡号 6222 0210 0112 3456 积分能补吗？'],
    ],
  },
  {
    id: 'c7',
    visitor: '网页访客8839',
    channel: '网页',
    origin: '百度推广 · 活动落地页',
    color: '#8f959e',
    followUps: ['你们什么时候给我回电话？139 8888 0000', '订单金额 1380 元，麻烦尽快处理'],
    messages: [
      ['visitor', '11:20', '你好，我想退货'],
      ['agent', '11:20', '您好，请提供一下订单号。'],
      ['visitor', '11:22', '订单 2024051813450021，金额 1380.00 元，5月18日 13:45 下的单'],
      ['visitor', '11:22', '电话 139 8888 0000'],
      ['visitor', '11:23', '价格是 ¥1,380 没错，东西还没拆封'],
    ],
  },
];

const list = document.getElementById('session-list');
const messages = document.getElementById('messages');
const title = document.getElementById('chat-title');
const meta = document.getElementById('chat-meta');
const composer = document.getElementById('composer');
const input = document.getElementById('composer-input');
const params = new URLSearchParams(location.search);

const state = {
  activeId: CONVERSATIONS[0].id,
  unread: new Map(CONVERSATIONS.map((conversation, index) => [conversation.id, index === 0 ? 0 : (index % 3) + 1])),
};

const now = () => new Date().toTimeString().slice(0, 5);
const activeConversation = () => CONVERSATIONS.find((conversation) => conversation.id === state.activeId);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderList() {
  list.replaceChildren(
    ...CONVERSATIONS.map((conversation) => {
      const last = conversation.messages[conversation.messages.length - 1];
      const button = element('button', 'session');
      button.type = 'button';
      button.setAttribute('aria-current', String(conversation.id === state.activeId));
      const avatar = element('span', 'avatar', conversation.visitor.slice(0, 1));
      avatar.style.background = conversation.color;
      const body = element('span', 'session-body');
      const top = element('span', 'session-line');
      top.append(element('span', 'session-name', conversation.visitor), element('span', 'channel', conversation.channel));
      const bottom = element('span', 'session-line');
      bottom.append(element('span', 'session-preview', last ? last[2] : ''), element('span', 'session-time', last ? last[1] : ''));
      body.append(top, bottom);
      button.append(avatar, body);
      const unread = state.unread.get(conversation.id) ?? 0;
      if (unread > 0) button.append(element('span', 'unread', String(unread)));
      button.addEventListener('click', () => select(conversation.id));
      const item = element('li');
      item.append(button);
      return item;
    }),
  );
  document.getElementById('active-count').textContent = String(CONVERSATIONS.length);
}

function messageItem([from, time, text], visitor) {
  const item = element('li', `message ${from}`);
  if (from === 'system') {
    item.textContent = `${time} ${text}`;
    return item;
  }
  item.append(element('span', 'message-meta', `${from === 'agent' ? '李丽' : visitor} ${time}`), element('p', 'bubble', text));
  return item;
}

function renderChat() {
  const conversation = activeConversation();
  title.textContent = conversation.visitor;
  meta.textContent = `${conversation.channel} · 来源：${conversation.origin}`;
  messages.replaceChildren(...conversation.messages.map((message) => messageItem(message, conversation.visitor)));
  messages.scrollTop = messages.scrollHeight;
}

function select(id) {
  state.activeId = id;
  state.unread.set(id, 0);
  renderList();
  renderChat();
}

function append(from, text) {
  const conversation = activeConversation();
  const message = [from, now(), text];
  conversation.messages.push(message);
  messages.append(messageItem(message, conversation.visitor));
  messages.scrollTop = messages.scrollHeight;
  renderList();
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  append('agent', text);
  input.value = '';
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});
for (const button of document.querySelectorAll('[data-reply]')) {
  button.addEventListener('click', () => {
    input.value = button.dataset.reply;
    input.focus();
  });
}

if (params.get('append') === '1') {
  const interval = Number(params.get('interval')) || 6000;
  const written = new Map();
  setInterval(() => {
    // The visitor of the open conversation writes their next line, starting over after the last.
    const conversation = activeConversation();
    const count = written.get(conversation.id) ?? 0;
    append('visitor', conversation.followUps[count % conversation.followUps.length]);
    written.set(conversation.id, count + 1);
  }, interval);
}

const requested = params.get('c');
select(CONVERSATIONS.some((conversation) => conversation.id === requested) ? requested : state.activeId);
