// user/list_by_page's filters. Search is a plain substring match on the stored text, like the CRM's
// SQL LIKE: no phone normalisation, which is why clients try several spellings of a number.
import { invalid, type Reply, type RouteContext } from './http';
import { API_AGENT } from './reference-data';
import type { CustomerRecord } from './state';

const SEARCH_FIELDS: Record<string, keyof CustomerRecord> = {
  '1': 'nick',
  '2': 'uname',
  '3': 'enterprise_name',
  '4': 'tel',
  '5': 'email',
};
// The document's own example passes search_type=tel; the names are accepted too.
const SEARCH_TYPE_ALIASES: Record<string, string> = { nick: '1', uname: '2', enterprise_name: '3', company: '3', tel: '4', phone: '4', email: '5' };
const MODULE_STATUS: Record<string, number> = { '2': 1, '3': 2, '4': 3, '5': 4 };

export function searchFilter(context: RouteContext): ((customer: CustomerRecord) => boolean) | Reply {
  const { param } = context;
  const filters: ((customer: CustomerRecord) => boolean)[] = [];

  const value = param('search_value')?.trim();
  if (value) {
    const rawType = param('search_type') ?? '';
    const field = SEARCH_FIELDS[SEARCH_TYPE_ALIASES[rawType] ?? rawType];
    if (!field) return invalid('search_type参数错误:1昵称,2真实姓名,3公司,4电话,5邮箱');
    const needle = value.toLowerCase();
    filters.push((customer) =>
      String(customer[field] ?? '')
        .toLowerCase()
        .includes(needle),
    );
  }
  const stageId = param('stageid');
  if (stageId) filters.push((customer) => customer.stageId === stageId);
  for (const [name, compare] of [
    ['create_start_time', (created: number, bound: number) => created >= bound],
    ['create_end_time', (created: number, bound: number) => created <= bound],
  ] as const) {
    const raw = param(name);
    if (raw === undefined || raw === '') continue;
    const bound = Number(raw);
    if (!Number.isFinite(bound)) return invalid(`${name}参数错误,应为秒级时间戳`);
    filters.push((customer) => compare(Number(customer.create_time), bound));
  }
  const labels = (param('user_label') ?? '').split(',').filter(Boolean);
  if (labels.length > 0) filters.push((customer) => customer.labelIds.some((id) => labels.includes(id)));
  const black = param('isblack');
  if (black === '0' || black === '1') filters.push((customer) => Number(customer.user_status) === Number(black));
  const unionId = param('wx_build_unionId') ?? param('wx_build_unionid');
  if (unionId) filters.push((customer) => customer.wx_build_unionid === unionId);
  const module = param('module_type') ?? '1';
  if (module === '6') filters.push((customer) => customer.liable_serviceid === API_AGENT.id);
  else if (MODULE_STATUS[module] !== undefined) filters.push((customer) => customer.crm_status === MODULE_STATUS[module]);
  else if (module !== '1' && module !== '') return invalid('module_type参数错误');
  return (customer) => filters.every((filter) => filter(customer));
}
