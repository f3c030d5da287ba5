// Reading a list out of a CRM answer, for every backend: one malformed record must not hide the good
// ones next to it. Background only (zod).
import * as z from 'zod/mini';
import { CrmError } from './errors';

/** The items that pass `schema`; none when the answer has no list; a malformed-response error when it is not a list. */
export function parseItems<T extends z.ZodMiniType>(schema: T, items: unknown): z.infer<T>[] {
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new CrmError('malformed-response', 'The CRM sent items that are not a list.');
  return items.flatMap((item) => {
    const parsed = z.safeParse(schema, item);
    return parsed.success ? [parsed.data] : [];
  });
}
