// The detection case table: chat lines as visitors and agents type them, each with the exact contacts
// an agent expects (E.164 phones, lowercase emails, in order) — positives, decoys that must yield
// nothing, and mixed lines. Scores detectContacts line by line and as recall/precision over the table,
// and holds the page-side candidate pass to full recall. Test-only; nothing imports it.
import { describe, expect, it } from 'vitest';
import { detectContacts } from './detect';
import { foldFullWidth } from './normalize';
import { readingsOf } from './page-reading';
import { recallAndPrecision } from './recall-precision';
import { contactsInReadings } from './tab-contacts';

interface DetectionCase {
  group: string;
  line: string;
  expected: string[];
}

const MOBILE = '+8613812345678';
const SHENZHEN_DESK = '+8675586013388';
const SHANGHAI_DESK = '+862158888888';
const BEIJING_DESK = '+861062345678';

function group(name: string, rows: [line: string, ...expected: string[]][]): DetectionCase[] {
  return rows.map(([line, ...expected]) => ({ group: name, line, expected }));
}

const chineseMobiles = group('CN mobile', [
  ['您好，我手机号是13812345678', MOBILE],
  ['我的电话 138 1234 5678，下午都在', MOBILE],
  ['手机：138-1234-5678', MOBILE],
  ['联系方式 1381-234-5678', MOBILE],
  ['电话 138.1234.5678 谢谢', MOBILE],
  ['打我电话 138 - 1234 - 5678 吧', MOBILE],
  ['1 3 8 1 2 3 4 5 6 7 8', MOBILE],
  ['手机 1-3-8-1-2-3-4-5-6-7-8 加我', MOBILE],
  ['13 81 23 45 67 8', MOBILE],
  ['手机号+86 13812345678', MOBILE],
  ['+86-138-1234-5678（微信同号）', MOBILE],
  ['+86.138.1234.5678', MOBILE],
  ['我的号码是 0086 138 1234 5678', MOBILE],
  ['0086-13812345678', MOBILE],
  ['(+86) 138 1234 5678', MOBILE],
  ['（+86）13812345678', MOBILE],
  ['（86）13812345678', MOBILE],
  ['86-138-1234-5678', MOBILE],
  ['86 13812345678', MOBILE],
  ['8613812345678', MOBILE],
  ['手机：１３８１２３４５６７８', MOBILE],
  ['电话：＋８６　１３８　１２３４　５６７８', MOBILE],
  ['手机１３８－１２３４－５６７８，麻烦了', MOBILE],
  ['手机1３８1２３４5６７８', MOBILE],
  ['我是张三13812345678', MOBILE],
  ['我手机13812345678谢谢', MOBILE],
  ['「13812345678」', MOBILE],
  ['（13812345678）', MOBILE],
  ['《13812345678》', MOBILE],
  ['电话:13812345678,', MOBILE],
  ['就打这个13812345678!', MOBILE],
  ['13812345678。', MOBILE],
  ['13812345678#', MOBILE],
  ['号码13812345678；备用15912345678', MOBILE, '+8615912345678'],
  ['手机 13812345678 9点以后打', MOBILE],
  ['138 1234 5678，139 8765 4321 都可以', MOBILE, '+8613987654321'],
  ['电话138\u00a01234\u00a05678', MOBILE],
  ['手机\t138\t1234\t5678', MOBILE],
  ['138—1234—5678', MOBILE],
  ['微信同手机：18600001111', '+8618600001111'],
  ['我的号码：147 1234 5678', '+8614712345678'],
  ['客户手机号 19912345678，已备注', '+8619912345678'],
  ['vx：13812345678', MOBILE],
  ['加vx13812345678聊', MOBILE],
  ['TEL13812345678', MOBILE],
  ['phone13812345678', MOBILE],
  ['请打15012345678找李经理', '+8615012345678'],
  ['收件人：王女士 17712345678 广东省深圳市南山区', '+8617712345678'],
  ['手机号为13800138000的用户', '+8613800138000'],
  ['2024-03-15 13812345678', MOBILE],
  ['14:30 13812345678', MOBILE],
  ['18:00-21:00 打 13812345678', MOBILE],
  ['13812345678（订单上的电话）', MOBILE],
  ['my phone is 13812345678, thanks', MOBILE],
  ['Mobile: +86 186 0000 1111', '+8618600001111'],
  ['call me on 138 1234 5678 after 6pm', MOBILE],
]);

const chineseLandlines = group('CN landline', [
  ['(0755)86013388', SHENZHEN_DESK],
  ['电话（0755）86013388', SHENZHEN_DESK],
  ['(0755) 8601-3388', SHENZHEN_DESK],
  ['0755 86013388', SHENZHEN_DESK],
  ['021 5888 8888', SHANGHAI_DESK],
  ['公司座机 021-5888 8888', SHANGHAI_DESK],
  ['021-5888-8888', SHANGHAI_DESK],
  ['010-62345678转123', BEIJING_DESK],
  ['010 6234 5678 转 8001', BEIJING_DESK],
  ['0755-8601 3388 转801', SHENZHEN_DESK],
  ['0755-86013388-801', SHENZHEN_DESK],
  ['(021)5888-8888 ext 102', SHANGHAI_DESK],
  ['0512-65123456-8001', '+8651265123456'],
  ['020-38861234 分机 12', '+862038861234'],
  ['座机：010 62345678-8801', BEIJING_DESK],
  ['010-62345678，8001分机', BEIJING_DESK],
  ['0571 8888 8888#123', '+8657188888888'],
  ['电话(020)38861234', '+862038861234'],
  ['（０２１）５８８８８８８８', SHANGHAI_DESK],
  ['010－８８８８６６６６', '+861088886666'],
  ['+86-21-5888-8888', SHANGHAI_DESK],
  ['+86 (21) 5888 8888', SHANGHAI_DESK],
  ['+86 21 58888888 ext 123', SHANGHAI_DESK],
  ['86-21-58888888', SHANGHAI_DESK],
  ['0086 755 8601 3388', SHENZHEN_DESK],
  ['+86 0755 8601 3388', SHENZHEN_DESK],
  ['TEL：+86-755-86013388', SHENZHEN_DESK],
  ['Tel.+86 755 8601 3388', SHENZHEN_DESK],
  ['400 820 8820', '+864008208820'],
  ['客服电话4008208820', '+864008208820'],
  ['热线：400-820-8820 转 2', '+864008208820'],
  ['门店电话0571-87654321，营业到晚上九点', '+8657187654321'],
  ['周一至周五 09:00-18:00，电话 0755-86013388', SHENZHEN_DESK],
  ['12:00 前回电 0755-8601-3388', SHENZHEN_DESK],
  ['电话：0755-86013388 传真：0755-86013399', SHENZHEN_DESK, '+8675586013399'],
]);

const internationalNumbers = group('international', [
  ['+1 (212) 555-0187', '+12125550187'],
  ['+1 650 253 0000', '+16502530000'],
  ['+1(415)5552671', '+14155552671'],
  ['US: +1-415-555-2671 ext. 12', '+14155552671'],
  ['001 415 555 2671', '+14155552671'],
  ['+44 (0) 20 7946 0958', '+442079460958'],
  ['London office +44 20 7946 0958.', '+442079460958'],
  ['00 44 20 7946 0958', '+442079460958'],
  ['＋４４　７９１１　１２３４５６', '+447911123456'],
  ['+852 9123 4567', '+85291234567'],
  ['香港 +852-2123-4567', '+85221234567'],
  ['+852-91234567', '+85291234567'],
  ['+852 2123 4567转3', '+85221234567'],
  ['+853 6612 3456', '+85366123456'],
  ['台湾 +886 2 2345 6789', '+886223456789'],
  ['+886-912-345-678', '+886912345678'],
  ['+886 0912 345 678', '+886912345678'],
  ['00886-912-345-678', '+886912345678'],
  ['新加坡手机+65 8123 4567', '+6581234567'],
  ['+65-6123-4567', '+6561234567'],
  ['日本の携帯 +81 90-1234-5678', '+819012345678'],
  ['韩国 +82 10-1234-5678', '+821012345678'],
  ['+60 12-345 6789', '+60123456789'],
  ['+61 412 345 678', '+61412345678'],
  ['India +91 98765 43210', '+919876543210'],
  ['+66 81 234 5678', '+66812345678'],
  ['+84 91 234 56 78', '+84912345678'],
  ['+63 917 123 4567', '+639171234567'],
  ['+49 151 23456789', '+4915123456789'],
  ['+33 6 12 34 56 78', '+33612345678'],
  ['+7 912 345-67-89', '+79123456789'],
  ['+971 50 123 4567', '+971501234567'],
]);

const emails = group('email', [
  ['Zhang.Wei@Company.COM', 'zhang.wei@company.com'],
  ['li.na+orders@shop.example.com.cn', 'li.na+orders@shop.example.com.cn'],
  ['wang_fang-88@mail.corp.example.cn', 'wang_fang-88@mail.corp.example.cn'],
  ['a@mail-server.example.com', 'a@mail-server.example.com'],
  ['邮箱：ｌｉｎａ＠１６３．ｃｏｍ', 'lina@163.com'],
  ['Li.Lei＠Example．Com', 'li.lei@example.com'],
  ['NAME@COMPANY．ＣＯＭ', 'name@company.com'],
  ['邮件 ｓｕｐｐｏｒｔ＠ｅｘａｍｐｌｅ．ｃｎ，', 'support@example.cn'],
  ['邮箱 abc@qq.com，谢谢', 'abc@qq.com'],
  ['我的邮箱abc@qq.com。', 'abc@qq.com'],
  ['（邮箱：abc@qq.com）', 'abc@qq.com'],
  ['我的邮箱：chen.jie+crm@Corp.Example.cn）', 'chen.jie+crm@corp.example.cn'],
  ['邮箱是xiaoming@126.com哦', 'xiaoming@126.com'],
  ['wang@example.com.谢谢', 'wang@example.com'],
  ['Email: john.smith@example.co.uk.', 'john.smith@example.co.uk'],
  ['E-mail：xx.yy@zz.com', 'xx.yy@zz.com'],
  ['email:zhang@qq.com', 'zhang@qq.com'],
  ['联系邮箱:service@example.com.cn；', 'service@example.com.cn'],
  ['发到我邮箱 test.user@gmail.com 吧', 'test.user@gmail.com'],
  ['我的邮箱是 ZHAO99@163.COM', 'zhao99@163.com'],
  ['reply to <support@help.example.org>', 'support@help.example.org'],
  ['mail: first.last@sub.domain.example.com!', 'first.last@sub.domain.example.com'],
  ['1234567@qq.com', '1234567@qq.com'],
  ['我的QQ邮箱 138123456@qq.com', '138123456@qq.com'],
  ['email me at jane_doe@outlook.com, thanks', 'jane_doe@outlook.com'],
  ['抄送 hr@example.com.cn、boss@example.com', 'hr@example.com.cn', 'boss@example.com'],
  ['a@b.co', 'a@b.co'],
  ['请发邮件至 Sales.Team@Example.COM.CN。', 'sales.team@example.com.cn'],
  ['"wang@example.com"', 'wang@example.com'],
  ['邮箱【kefu@shop-online.cn】', 'kefu@shop-online.cn'],
]);

const chatAndDialLinks = group('link', [
  // WhatsApp carries the number country code first, without "+".
  ['https://wa.me/8613812345678', MOBILE],
  ['WhatsApp me: wa.me/447911123456', '+447911123456'],
  ['加我 WhatsApp：wa.me/85291234567 谢谢', '+85291234567'],
  ['https://wa.me/14155552671?text=Hi%20there', '+14155552671'],
  ['点这个链接直接聊 https://wa.me/6581234567?text=你好，我想咨询', '+6581234567'],
  ['wa.me/+8613912345678', '+8613912345678'],
  ['api.whatsapp.com/send?phone=8613812345678&text=hello', MOBILE],
  ['https://api.whatsapp.com/send/?phone=85366123456&text&type=phone_number&app_absent=0', '+85366123456'],
  ['客户发来的链接：whatsapp://send?phone=442079460958', '+442079460958'],
  ['https://web.whatsapp.com/send?phone=%2B919876543210', '+919876543210'],
  // After the word WhatsApp, digits without "+" may be country code first, or a Chinese number.
  ['WhatsApp: 85291234567', '+85291234567'],
  ['My WhatsApp is 44 7911 123456', '+447911123456'],
  ['WhatsApp 号码 14155552671', '+14155552671'],
  ['我的WhatsApp：138 1234 5678', MOBILE],
  // A dialling link written out as text.
  ['tel:+8613812345678', MOBILE],
  ['拨打 tel:010-62345678 即可', BEIJING_DESK],
  ['tel://13912345678', '+8613912345678'],
  ['Call tel:%2B14155552671 now', '+14155552671'],
  ['短信 sms:15012345678', '+8615012345678'],
]);

const keyValueDumps = group('key=value', [
  ['phone=+8613812345678', MOBILE],
  ['mobile=13812345678&name=zhang', MOBILE],
  ['手机号=13912345678', '+8613912345678'],
  ['[INFO] login ok, mobile=13812345678, ip=10.0.0.138', MOBILE],
  ['联系电话=0755-86013388', SHENZHEN_DESK],
  ['{"name":"张三","phone":"+86 138 1234 5678"}', MOBILE],
  ['contact_phone=15012345678;order_id=13812345678', '+8615012345678'],
  ['customer.mobile:18612345678', '+8618612345678'],
  ['phoneNumber=+14155552671', '+14155552671'],
  ['表单：姓名=李雷&手机=13987654321&备注=无', '+8613987654321'],
  ['wechat_id=13812345678', MOBILE],
  ['?phone=%2B85291234567&src=chat', '+85291234567'],
  // Keys that name an identifier keep refusing the digits after them.
  ['uid=13812345678'],
  ['order=13812345678&status=paid'],
  ['ts=13812345678'],
  ['user_id: 13812345678'],
  ['{"orderId": "13812345678"}'],
  ['userId:13812345678'],
  ['会话ID=13812345678'],
  ['ref=13812345678'],
  ['page=13812345678'],
  ['sku=13912345678&qty=1'],
  ['phone_model=13812345678'],
]);

const emphasisWrapping = group('markdown', [
  ['**13812345678**', MOBILE],
  ['手机：**138 1234 5678**', MOBILE],
  ['__13912345678__ 是我的新号', '+8613912345678'],
  ['`13812345678`', MOBILE],
  ['*+86 186 0000 1111*', '+8618600001111'],
  ['Call me: ***+1 415 555 2671***', '+14155552671'],
  ['**电话**：_0755-86013388_', SHENZHEN_DESK],
  ['邮箱 **zhang@example.com** 手机 **15012345678**', 'zhang@example.com', '+8615012345678'],
  // Stars inside the digits hide them.
  ['**138****5678**'],
  ['手机 138***45678'],
  ['1381234****8'],
]);

const maskedEmails = group('masked email', [
  ['zh****an@qq.com'],
  ['139****4321@139.com'],
  ['***@qq.com'],
  ['a***b@163.com'],
  ['绑定邮箱 li***ei@example.com 已验证'],
  ['Your email j***n@gmail.com has been verified'],
  ['z••••n@outlook.com'],
  ['账号绑定邮箱：138****5678@163.com'],
  ['邮箱 zh...an@qq.com'],
  ['已绑定邮箱 zh****an@qq.com，新邮箱 zhangsan@qq.com', 'zhangsan@qq.com'],
]);

const labelledIdentifiers = group('labelled identifier', [
  ['会话ID 13812345678'],
  ['会话ID：13812345678'],
  ['货号 13812345678-01'],
  ['工单号：13812345678'],
  ['流水号 13812345678'],
  ['SKU 13812345678'],
  ['Session ID: 13812345678'],
  ['session id 13912345678'],
  ['Ticket # 13812345678'],
  ['客户ID 13812345678'],
  ['UID 13812345678'],
  ['Ref: 13812345678'],
  // Labels that make it a contact stay contacts.
  ['微信 13812345678', MOBILE],
  ['微信ID 13812345678', MOBILE],
  ['WeChat ID: 13912345678', '+8613912345678'],
  ['my number is 13812345678', MOBILE],
  ['会话ID 8842，客户手机 13812345678', MOBILE],
  ['Session ID 5521, my number 13912345678', '+8613912345678'],
  ['工单号 20240315001 电话 13812345678', MOBILE],
  ['SKU 13812345678 缺货，有货请打我电话 13912345678', '+8613912345678'],
]);

const decoys = group('decoy', [
  // order, ticket and tracking numbers
  ['订单编号：2024031512345678'],
  ['您的订单 #4521 已发货'],
  ['我的订单号是13812345678'],
  ['Order No. 13912345678 shipped'],
  ['ticket #13812345678'],
  ['工单 TK-13812345678'],
  ['物流单号 JD0098765432101'],
  ['快递单号：773012345678901，请查收'],
  ['拼多多订单号 240315-138123456789012'],
  ['交易单号 4200001234202403151234567890'],
  ['商品编号 100012345678'],
  ['sku: 13812345678'],
  ['No.13812345678'],
  ['ISBN 978-7-111-12345-6'],
  ['发票代码 044001900111'],
  // ID cards and bank cards
  ['身份证号码 440301199001011234'],
  ['证件号 32058219851203452X'],
  ['身份证：4403 0119 9001 0112 34'],
  ['440301 19900101 1234'],
  ['招行卡 6225 8812 3456 7890'],
  ['卡号6222600260001072444'],
  ['4111 1111 1111 1111'],
  // timestamps, dates and times
  ['created_at: 1710486000'],
  ['1700000000000'],
  ['时间戳：1672531200'],
  ['ts 1710486000123 ms'],
  ['1710486000 1710486001'],
  ['2024.03.15'],
  ['2024年03月15日下午3点'],
  ['15/03/2024'],
  ['2024 03 15 14 30'],
  ['03-15 14:30'],
  ['14:30:59'],
  ['20240315143000'],
  ['2024-03-15T14:30:00Z'],
  // prices and amounts
  ['¥138.00'],
  ['￥13,800'],
  ['$1,380.50'],
  ['138.00元'],
  ['1380 块'],
  ['这个 13800 元包邮吗'],
  ['原价1380现价1180'],
  ['共计 13812345678 元'],
  // IP addresses and versions
  ['10.0.0.138'],
  ['172.16.254.1:8080'],
  ['192.168.138.123'],
  ['v2.13.8'],
  ['Chrome 124.0.6367.91'],
  ['版本号 3.8.12'],
  ['1.3812345678e10'],
  // verification codes
  ['验证码：482913'],
  ['your code is 738291'],
  ['动态码 123456，请勿告诉他人'],
  // digit runs too long or too short, and numbers no plan has
  ['138123456789012'],
  ['13812345'],
  ['0755-860133'],
  ['工行客服95588'],
  ['手机 10086'],
  ['邮编 518000'],
  ['房间号 1301，身高 175cm'],
  ['尺码 38 39 40 41 42 43 44'],
  ['12345678901'],
  ['11111111111'],
  ['1 2 3 4 5 6 7 8 9 0 1'],
  ['第 1 2 3 4 5 6 7 8 9 10 11 期'],
  ['01 03 08 12 23 31 16'],
  // masked numbers
  ['138-****-5678'],
  ['+86 138****5678'],
  ['+86 138 **** 5678'],
  ['1381234****'],
  ['138******78'],
  ['13X XXXX 5678'],
  ['尾号5678的手机'],
  // glued to codes and URLs
  ['wxid_13812345678'],
  ['hotel13812345678'],
  ['M13812345678'],
  ['0x13812345678'],
  ['id=13812345678'],
  // asset names, handles and hosts without a domain
  ['banner@2x.jpg'],
  ['avatar@3x.png 加载失败'],
  ['sprite@3x.png?v=2'],
  ['@李经理 帮忙处理一下'],
  ['@support please check'],
  ['@all 大家好'],
  ['npm i @vue/cli'],
  ['lodash@4.17.21'],
  ['@media (max-width: 600px)'],
  ['root@localhost'],
  ['someone@intranet'],
  ['admin@192.168.1.1'],
  ['user@@example.com'],
]);

const mixedLines = group('mixed', [
  ['订单 2024031512345678 还没到，我电话 13812345678', MOBILE],
  ['我叫李雷，手机 139 8765 4321，邮箱 lilei@example.com', '+8613987654321', 'lilei@example.com'],
  ['¥1380.00 已付款，有问题打 0755-86013388 转 801', SHENZHEN_DESK],
  ['验证码 482913 收到了，我的手机是 15012345678', '+8615012345678'],
  ['快递 SF1234567890123 到了，收件电话 +86 186 0000 1111', '+8618600001111'],
  ['IP 10.0.0.138 登录异常，请联系 admin@example.com', 'admin@example.com'],
  ['138****5678 已停用，新号码 13912345678', '+8613912345678'],
  ['身份证 440301199001011234，预留手机 18612345678', '+8618612345678'],
  ['2024-03-15 14:30 来电 021 5888 8888，未接', SHANGHAI_DESK],
  ['v2.13.8 更新后登不上，邮件 ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'li@example.com'],
  ['HK +852 9123 4567 / SZ 0755-86013388 / wang@example.hk', '+85291234567', SHENZHEN_DESK, 'wang@example.hk'],
  ['时间戳 1710486000，用户 13812345678 下单 ¥299', MOBILE],
  ['avatar@2x.png 传不上去，@客服小王 我的邮箱是 ming@163.com', 'ming@163.com'],
  ['卡号 6225 8812 3456 7890 扣款失败，回电 010-62345678', BEIJING_DESK],
  ['你好，订单号 13812345678，我的手机是 13912345678', '+8613912345678'],
  ['单号 13812345678 手机 13912345678', '+8613912345678'],
  ['订单号:JD123456789 联系13812345678', MOBILE],
  ['Order #20240315001, call me: +1 415 555 2671 or mail jane@example.com', '+14155552671', 'jane@example.com'],
  ['先生电话13812345678，太太电话13987654321', MOBILE, '+8613987654321'],
  ['电话：(0755)86013388，手机：＋８６　１３８　１２３４　５６７８', SHENZHEN_DESK, MOBILE],
  ['root@localhost 收不到，改发 ops@example.com', 'ops@example.com'],
  ['金额 13800 元，联系人 15912345678', '+8615912345678'],
  ['手机13812345678 邮箱zhangsan@qq.com', MOBILE, 'zhangsan@qq.com'],
  ['电话13812345678邮箱a@qq.com', MOBILE, 'a@qq.com'],
  ['13812345678/0755-86013388', MOBILE, SHENZHEN_DESK],
  ['手机:13812345678（张）、15912345678（李）', MOBILE, '+8615912345678'],
  ['13812345678，13812345678', MOBILE, MOBILE],
  ['身份证尾号 1234，手机 13812345678', MOBILE],
  ['金额 ¥1,380.00 手机 13812345678', MOBILE],
  ['从 13812345678 转到 13912345678', MOBILE, '+8613912345678'],
]);

const CASES: DetectionCase[] = [
  ...chineseMobiles,
  ...chineseLandlines,
  ...internationalNumbers,
  ...emails,
  ...chatAndDialLinks,
  ...keyValueDumps,
  ...emphasisWrapping,
  ...maskedEmails,
  ...labelledIdentifiers,
  ...decoys,
  ...mixedLines,
];

const valuesIn = (line: string) => detectContacts(line).map((contact) => contact.value);

/** Recall and precision of `found` over the whole table. */
const scoreTable = (found: (line: string) => string[]) => recallAndPrecision(CASES.map(({ line, expected }) => ({ expected, found: found(line) })));

/** What the agent ends up with when a line is on the page: the scanner's readings, searched by the background. */
function keptFromReadings(line: string): string[] {
  return contactsInReadings(readingsOf(line), detectContacts, 0).map((contact) => contact.value);
}

const digitsOf = (text: string) => foldFullWidth(text).replace(/\D/g, '');

describe('the detection case table', () => {
  it('has at least 160 lines, with positives, decoys and mixed lines', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(160);
    expect(decoys.length).toBeGreaterThanOrEqual(60);
    expect(mixedLines.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((row) => row.line)).size).toBe(CASES.length);
  });

  it.each(CASES.map((row) => [row.group, row.line, row.expected] as const))('%s: %s', (_group, line, expected) => {
    expect(valuesIn(line)).toEqual(expected);
  });

  it('reaches recall ≥ 0.98 and precision ≥ 0.99 over the whole table', () => {
    const { recall, precision } = scoreTable(valuesIn);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.99);
  });

  it('points each span at the contact as written: whole number, extension left out', () => {
    for (const { line } of CASES) {
      for (const contact of detectContacts(line)) {
        const written = line.slice(contact.start, contact.end);
        if (contact.kind === 'email') {
          expect(foldFullWidth(written).toLowerCase(), line).toBe(contact.value);
        } else {
          // The span ends on the subscriber number's last digit, never on an extension or a stray digit.
          expect(digitsOf(written).endsWith(contact.value.slice(-7)), `${line} → ${written}`).toBe(true);
          expect(written.trim(), line).toBe(written);
        }
      }
    }
  });
});

describe('the page-side pre-test over the table', () => {
  it("loses no expected contact: recall through the page's readings and the background is the detector's", () => {
    const { recall: readingRecall } = scoreTable(keptFromReadings);
    const { recall: detectorRecall } = scoreTable(valuesIn);
    expect(readingRecall).toBe(detectorRecall);
    for (const { line, expected } of CASES) expect(keptFromReadings(line), line).toEqual(expected);
  });
});
