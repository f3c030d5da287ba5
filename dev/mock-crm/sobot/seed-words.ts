// The vocabulary of the generated crowd: names with their pinyin (for email addresses), number
// prefixes, companies, and what agents and visitors typically write. Data only; seed.ts draws from it.
export const SURNAMES: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['高', 'gao'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
  ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['潘', 'pan'],
  ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'],
  ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'], ['沈', 'shen'], ['欧阳', 'ouyang'],
];
export const MALE_NAMES: [string, string][] = [
  ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['浩', 'hao'], ['鹏', 'peng'], ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'],
  ['海波', 'haibo'], ['子轩', 'zixuan'], ['浩然', 'haoran'], ['国栋', 'guodong'], ['文博', 'wenbo'],
  ['家豪', 'jiahao'], ['宇航', 'yuhang'], ['俊杰', 'junjie'], ['振华', 'zhenhua'],
];
export const FEMALE_NAMES: [string, string][] = [
  ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'], ['霞', 'xia'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'],
  ['颖', 'ying'], ['秀英', 'xiuying'], ['桂英', 'guiying'], ['晓燕', 'xiaoyan'], ['欣怡', 'xinyi'],
  ['雨桐', 'yutong'], ['梓涵', 'zihan'], ['思琪', 'siqi'], ['佳怡', 'jiayi'], ['梦瑶', 'mengyao'], ['丽娟', 'lijuan'],
];
export const NICKNAMES = ['阳光明媚', '小确幸', '追风少年', '一叶知秋', '快乐的小鱼', '晴天', '木子', '安之若素', 'Lily', 'Kevin', 'Jason', '老猫', '北方的狼', '橘子汽水', '奔跑的蜗牛'];
export const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199'];
export const LANDLINE_AREAS = ['010', '021', '020', '0755', '0571', '025', '027', '028', '0311'];
export const MAIL_DOMAINS = ['163.com', '126.com', 'qq.com', 'sina.com', 'gmail.com', 'outlook.com', 'foxmail.com'];
export const COMPANY_WORDS = ['星辰', '华宇', '云帆', '恒达', '新锐', '博远', '晨光', '汇通', '鼎盛', '瑞丰', '中科', '金桥', '远航', '精诚'];
export const COMPANY_KINDS = ['科技', '网络科技', '商贸', '电子商务', '教育咨询', '贸易', '文化传媒', '医疗器械', '信息技术', '食品'];
export const REMARKS = [
  '喜欢电话沟通，工作日晚上七点后方便。',
  '对价格比较敏感，有活动再通知。',
  '公司采购负责人，决策需要上级审批。',
  '曾投诉过物流慢，沟通时注意态度。',
  '老客户推荐来的，优先跟进。',
  '只接受微信联系。',
  '需要纸质合同，邮寄地址见工单。',
];
export const NEEDS = ['希望对接企业微信，统一管理客户。', '需要支持多语言的在线客服。', '关注数据报表和坐席质检。', '想要一个能自动分配的工单流程。', '预算有限，先试用基础版。'];
export const NOTES = [
  '电话沟通了产品功能，客户比较认可，等待内部评估。',
  '已发送产品报价单和案例介绍。',
  '客户反馈预算要到下个季度才有。',
  '约好下周二上门演示。',
  '客户要求再给一个优惠方案，已申请折扣。',
  '微信添加成功，发了活动海报。',
  '客户暂时没有需求，三个月后再联系。',
  '已确认收货地址，安排发货。',
  '协助客户完成了账号开通和初始化配置。',
  '客户对售后响应速度不满意，已升级给主管处理。',
];
export const CHAT_SUMMARIES = ['咨询产品价格', '询问发货时间', '申请退换货', '咨询会员权益', '反馈使用问题', '索要发票', '咨询门店地址'];
export const VISITED_PAGES: [string, string][] = [
  ['产品价格 - 官网', 'https://www.example.com/pricing'],
  ['扫地机器人X20 详情', 'https://www.example.com/products/x20'],
  ['会员中心', 'https://www.example.com/member'],
  ['售后服务政策', 'https://www.example.com/support/returns'],
  ['双十一活动专场', 'https://www.example.com/events/1111'],
];
export const ROBOT_CREATORS: [number, string][] = [
  [2, '套电机器人'],
  [3, '接待机器人'],
];
