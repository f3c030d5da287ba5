// All message handlers, one factory per message namespace (customer.* split into reads and edits).
// Adding a message is its protocol entry and its handler in the namespace's file; a new namespace is one
// file and one line here.
import type { Handlers } from '@/lib/messaging/server';
import { contactHandlers } from './contacts';
import { customerHandlers } from './customer';
import { customerEditHandlers } from './customer-edits';
import type { HandlerDependencies } from './dependencies';
import { directoryHandlers } from './directory';
import { labelHandlers } from './labels';
import { labelSuggestionHandlers } from './label-suggestions';
import { lookupHandlers } from './lookups';
import { referenceHandlers } from './reference';
import { settingsHandlers } from './settings';
import { siteHandlers } from './sites';
import { writeHandlers } from './writes';

export type { HandlerDependencies } from './dependencies';

export function createHandlers(deps: HandlerDependencies): Handlers {
  return {
    ...contactHandlers(deps),
    ...siteHandlers(deps),
    ...lookupHandlers(deps),
    ...customerHandlers(deps),
    ...customerEditHandlers(deps),
    ...referenceHandlers(deps),
    ...directoryHandlers(deps),
    ...labelHandlers(deps),
    ...labelSuggestionHandlers(deps),
    ...writeHandlers(deps),
    ...settingsHandlers(deps),
  };
}
