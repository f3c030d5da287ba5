// Checks a policy value against a managed-storage schema the way Chrome and Edge do
// (public/managed_schema.json: Chrome's dialect of JSON Schema draft 3), so the example policy in docs/
// is proven to be one the browser passes to the extension. Also checks the schema itself against the
// rules that would make the browser refuse to load the extension.

export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | false;
  patternProperties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  id?: string;
  $ref?: string;
  [annotation: string]: unknown;
}

// What the browsers read; anything else in a schema they ignore, so a rule written with it would not hold.
const KEYWORDS = new Set([
  'type',
  'properties',
  'additionalProperties',
  'patternProperties',
  'required',
  'items',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'id',
  '$ref',
]);
const ANNOTATIONS = new Set(['title', 'description', 'sensitiveValue']);
// Not read by the browsers, but validated here and by the extension's own policy parser.
const CHECKED_HERE_ONLY = new Set(['minLength', 'maxLength', 'minItems', 'maxItems']);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** What would make Chrome refuse the schema (and so the extension), or silently ignore part of it. */
export function schemaProblems(schema: SchemaNode): string[] {
  const problems: string[] = [];
  if (schema.type !== 'object') problems.push('the top level must be of type "object"');
  if ('additionalProperties' in schema) problems.push('the top level may not have "additionalProperties"');
  const visit = (node: SchemaNode, at: string) => {
    if ((node.type === undefined) === (node.$ref === undefined)) problems.push(`${at}: needs exactly one of "type" and "$ref"`);
    if (node.type !== undefined && !TYPES.has(node.type)) problems.push(`${at}: unknown type "${node.type}"`);
    for (const key of Object.keys(node)) {
      if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key) && !CHECKED_HERE_ONLY.has(key)) problems.push(`${at}: "${key}" is not read by Chrome or Edge`);
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${at}.${name}`);
    for (const [pattern, child] of Object.entries(node.patternProperties ?? {})) visit(child, `${at}[/${pattern}/]`);
    if (node.items) visit(node.items, `${at}[]`);
    if (node.additionalProperties) visit(node.additionalProperties, `${at}.*`);
  };
  visit(schema, 'policy');
  return problems;
}

/** Why `value` does not match `schema`; empty when it does. */
export function policyProblems(schema: SchemaNode, value: unknown): string[] {
  const byId = new Map<string, SchemaNode>();
  const collect = (node: SchemaNode) => {
    if (node.id) byId.set(node.id, node);
    for (const child of [
      ...Object.values(node.properties ?? {}),
      ...Object.values(node.patternProperties ?? {}),
      node.items,
      node.additionalProperties || undefined,
    ]) {
      if (child) collect(child);
    }
  };
  collect(schema);
  const problems: string[] = [];
  const check = (node: SchemaNode, actual: unknown, at: string) => {
    const resolved = node.$ref ? byId.get(node.$ref) : node;
    if (!resolved) return void problems.push(`${at}: the schema refers to "${node.$ref}", which it does not define`);
    if (!hasType(actual, resolved.type)) return void problems.push(`${at}: expected ${resolved.type}, got ${JSON.stringify(actual)}`);
    if (resolved.enum && !resolved.enum.some((allowed) => allowed === actual))
      problems.push(`${at}: ${JSON.stringify(actual)} is not one of ${JSON.stringify(resolved.enum)}`);
    if (typeof actual === 'number') {
      if (resolved.minimum !== undefined && actual < resolved.minimum) problems.push(`${at}: below the minimum ${resolved.minimum}`);
      if (resolved.maximum !== undefined && actual > resolved.maximum) problems.push(`${at}: above the maximum ${resolved.maximum}`);
    }
    if (typeof actual === 'string') {
      if (resolved.pattern !== undefined && !new RegExp(resolved.pattern).test(actual))
        problems.push(`${at}: "${actual}" does not match /${resolved.pattern}/`);
      if (resolved.minLength !== undefined && actual.length < resolved.minLength) problems.push(`${at}: shorter than ${resolved.minLength}`);
      if (resolved.maxLength !== undefined && actual.length > resolved.maxLength) problems.push(`${at}: longer than ${resolved.maxLength}`);
    }
    if (Array.isArray(actual)) {
      if (resolved.minItems !== undefined && actual.length < resolved.minItems) problems.push(`${at}: fewer than ${resolved.minItems} items`);
      if (resolved.maxItems !== undefined && actual.length > resolved.maxItems) problems.push(`${at}: more than ${resolved.maxItems} items`);
      if (resolved.items) actual.forEach((item, index) => check(resolved.items!, item, `${at}[${index}]`));
    }
    if (resolved.type === 'object' && actual && typeof actual === 'object') checkObject(resolved, actual as Record<string, unknown>, at);
  };
  const checkObject = (node: SchemaNode, actual: Record<string, unknown>, at: string) => {
    for (const name of node.required ?? []) if (!(name in actual)) problems.push(`${at}: "${name}" is required`);
    for (const [name, child] of Object.entries(actual)) {
      const matching = [
        ...(node.properties && Object.hasOwn(node.properties, name) ? [node.properties[name]!] : []),
        ...Object.entries(node.patternProperties ?? {})
          .filter(([pattern]) => new RegExp(pattern).test(name))
          .map(([, schemaOf]) => schemaOf),
      ];
      if (matching.length === 0 && node.additionalProperties) matching.push(node.additionalProperties);
      if (matching.length === 0) problems.push(`${at}: "${name}" is not a setting the schema declares`);
      for (const schemaOf of matching) check(schemaOf, child, `${at}.${name}`);
    }
  };
  check(schema, value, 'policy');
  return problems;
}

function hasType(value: unknown, type: SchemaNode['type']): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}
