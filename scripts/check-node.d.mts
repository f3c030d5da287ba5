// Types for check-node.mjs, which stays plain JavaScript so it runs on any Node.
export const SUPPORTED_NODE: string;
export function nodeSupport(version: string): { supported: boolean; message?: string };
