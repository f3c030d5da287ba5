// The admin's policy schema is a static file the browser reads, so it cannot import the registry: this
// keeps its list of backends the same as the kinds the extension registers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKEND_KINDS } from '../crm/registry';

const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as { properties: { backend: { enum: string[] } } };

describe('public/managed_schema.json', () => {
  it('offers exactly the registered backends', () => {
    expect(schema.properties.backend.enum).toEqual(BACKEND_KINDS);
  });
});
