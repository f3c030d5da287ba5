// Builds a Sobot backend from a saved connection: Sobot calls the secret its app key.
import type { BackendFactory } from '../backend';
import { createSobotBackend } from './backend';

export const connectSobot: BackendFactory = (connection, deps) => createSobotBackend({ ...connection, appKey: connection.secret, ...deps });
