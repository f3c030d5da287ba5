// All message handlers, one factory per feature. Adding a feature = one file and one line here.
import type { Handlers } from '@/lib/messaging/server';
import { contactHandlers } from './contacts';
import { customerHandlers } from './customers';
import { customerWriteHandlers } from './customer-writes';
import type { HandlerDependencies } from './dependencies';
import { settingsHandlers } from './settings';
import { writeHandlers } from './writes';

export type { HandlerDependencies } from './dependencies';

export function createHandlers(deps: HandlerDependencies): Handlers {
  const customers = customerHandlers(deps);
  return {
    ...contactHandlers(deps, customers.lookUpAhead),
    ...customers.handlers,
    ...customerWriteHandlers(deps),
    ...settingsHandlers(deps),
    ...writeHandlers(deps),
  };
}
