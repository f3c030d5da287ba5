// Every business route of the Sobot mock, in one table the server matches paths against.
import type { Route } from '../http';
import { dynamicRoutes } from './dynamics';
import { labelRoutes } from './labels';
import { referenceRoutes } from './reference';
import { userRoutes } from './users';

export const sobotRoutes: readonly Route[] = [...labelRoutes, ...userRoutes, ...dynamicRoutes, ...referenceRoutes];
