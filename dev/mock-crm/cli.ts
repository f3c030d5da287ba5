// `npm run mock-crm`: starts a mock CRM on loopback and prints how to connect the extension to it.
// One entry per backend in BACKENDS; every backend takes the same flags.
import { parseArgs } from 'node:util';
import { startSobotMock } from './sobot/server';
import { GET_BY_ID_FORMS, type GetByIdForms } from './useasy/routes';
import { startUseasyMock } from './useasy/server';

interface StartedMock {
  /** What to print: base URL, credentials, demo console. */
  lines: string[];
  close(): Promise<void>;
}

interface CliOptions {
  /** Undefined: the backend's own default port. */
  port?: number;
  host: string;
  appid?: string;
  appKey?: string;
  tokenTtlSeconds?: number;
  secret?: string;
  /** Useasy only: which of the document's get-by-id forms are served. */
  getById?: GetByIdForms;
}

const BACKENDS: Record<string, (options: CliOptions) => Promise<StartedMock>> = {
  async sobot(options) {
    const mock = await startSobotMock({ ...options, port: options.port ?? 8787 });
    return {
      lines: [
        `Mock Sobot SCRM v5 on ${mock.url}`,
        `  base URL     ${mock.url}`,
        `  appid        ${mock.appid}`,
        `  app key      ${mock.appKey}`,
        `  token life   ${mock.tokenTtlSeconds} s`,
        `  chat console ${mock.demoUrl}`,
        `  control API  ${mock.url}/__control/`,
      ],
      close: () => mock.close(),
    };
  },
  async useasy(options) {
    const mock = await startUseasyMock({
      port: options.port ?? 8788,
      host: options.host,
      appid: options.appid,
      secret: options.secret ?? options.appKey,
      getById: options.getById,
    });
    return {
      lines: [
        `Mock Useasy CRM on ${mock.url}`,
        `  base URL     ${mock.url}`,
        `  appid        ${mock.appid}`,
        `  secret       ${mock.secret}`,
        `  get by id    ${mock.getById()} (--get-by-id ${GET_BY_ID_FORMS.join('|')})`,
        `  chat console ${mock.demoUrl}`,
        `  control API  ${mock.url}/__control/`,
      ],
      close: () => mock.close(),
    };
  },
};

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values: flags } = (() => {
  try {
    return parseArgs({
      options: {
        backend: { type: 'string', default: 'sobot' },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        appid: { type: 'string' },
        'app-key': { type: 'string' },
        secret: { type: 'string' },
        'token-ttl': { type: 'string' },
        'get-by-id': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

const backend = flags.backend ?? 'sobot';
const start = BACKENDS[backend];
if (!start) fail(`unknown backend "${backend}"; known backends: ${Object.keys(BACKENDS).join(', ')}`);

const port = flags.port === undefined ? undefined : Number(flags.port);
if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) fail(`--port must be a port number, got "${flags.port}"`);
const tokenTtlSeconds = flags['token-ttl'] === undefined ? undefined : Number(flags['token-ttl']);
if (tokenTtlSeconds !== undefined && !(Number.isInteger(tokenTtlSeconds) && tokenTtlSeconds > 0)) {
  fail(`--token-ttl must be a whole number of seconds, got "${flags['token-ttl']}"`);
}

const getById = flags['get-by-id'];
if (getById !== undefined && !GET_BY_ID_FORMS.includes(getById as GetByIdForms)) {
  fail(`--get-by-id must be one of ${GET_BY_ID_FORMS.join(', ')}, got "${getById}"`);
}

const mock = await start({
  port,
  host: flags.host ?? '127.0.0.1',
  appid: flags.appid,
  appKey: flags['app-key'],
  secret: flags.secret,
  tokenTtlSeconds,
  getById: getById as GetByIdForms | undefined,
}).catch((error: unknown) => fail(`could not start the mock: ${error instanceof Error ? error.message : String(error)}`));
console.log(mock.lines.join('\n'));
console.log('Ctrl+C to stop.');

const stop = () => {
  void mock.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
