// All message handlers, one factory per feature. Adding a feature = one file and one line here.
import type { Handlers } from '@/lib/messaging/server';
import { contactHandlers } from './contacts';
import { customerHandlers } from './customers';
import { customerWriteHandlers } from './customer-writes';
import type { HandlerDependencies } from './dependencies';
import { labelSuggestionHandlers } from './label-suggestions';
import { lookupHandlers } from './lookups';
import { settingsHandlers } from './settings';
import { writeHandlers } from './writes';

export type { HandlerDependencies } from './dependencies';

export function createHandlers(deps: HandlerDependencies): Handlers {
  return {
    ...contactHandlers(deps),
    ...lookupHandlers(deps),
    ...customerHandlers(deps),
    ...customerWriteHandlers(deps),
    ...settingsHandlers(deps),
    ...writeHandlers(deps),
    ...labelSuggestionHandlers(deps),
  };
}
