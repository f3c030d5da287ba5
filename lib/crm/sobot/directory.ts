// Sobot's directory endpoints: the agent tree and the province → city → district lists, flattened into
// picker options. Only the Sobot backend imports it.
import * as z from 'zod/mini';
import type { AgentRef, RegionOption } from '../domain';
import { looseString } from './wire';

export interface AgentNode {
  id: string;
  name: string;
  type?: string | null;
  sub_list?: AgentNode[] | null;
}

export const agentNode: z.ZodMiniType<AgentNode> = z.looseObject({
  id: looseString,
  name: looseString,
  type: z.optional(z.nullable(looseString)),
  get sub_list() {
    return z.optional(z.nullable(z.array(agentNode)));
  },
});

/** Every agent (type 2) in the department tree, in tree order, each once. */
export function flattenAgents(nodes: AgentNode[]): AgentRef[] {
  const agents = new Map<string, AgentRef>();
  const visit = (node: AgentNode) => {
    if (node.type === '2' && !agents.has(node.id)) agents.set(node.id, { id: node.id, name: node.name });
    node.sub_list?.forEach(visit);
  };
  nodes.forEach(visit);
  return [...agents.values()];
}

export const provinceItem = z.looseObject({ provinceid: looseString, province_name: looseString });
export const cityItem = z.looseObject({ cityid: looseString, city_name: looseString });
export const districtItem = z.looseObject({ areaid: looseString, area_name: looseString });

export const toOption = (id: string, name: string): RegionOption => ({ id, name });
