// An enterprise policy for specs, the way an admin sets one on Linux: a JSON file Chromium reads from its
// managed-policy folder at start-up. Each spec loads its own copy of the demo build, so the policy (bound
// to that copy's extension id) reaches no other spec or browser on the machine, even if left behind.
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser';

/** Where Debian's Chromium reads managed policies (Google Chrome: /etc/opt/chrome/policies/managed). */
const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Why policy files cannot be written here, or undefined when they can. */
export function policyDirProblem(): string | undefined {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return undefined;
  } catch (error) {
    return `${POLICY_DIR} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)}); run the spec as root, or set CHROMIUM_POLICY_DIR to the folder your Chromium reads`;
  }
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits spelled a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface ManagedExtension {
  /** The copy of the demo build to load. */
  extensionDir: string;
  extensionId: string;
  remove(): void;
}

/** Copies the demo build and writes `policy` for that copy; `remove()` deletes both. */
export function installWithPolicy(policy: Record<string, unknown>): ManagedExtension {
  const extensionDir = join(mkdtempSync(join(tmpdir(), 'crm-sidebar-managed-')), 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const extensionId = unpackedExtensionId(extensionDir);
  const file = join(POLICY_DIR, `crm-sidebar-e2e-${extensionId}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  return {
    extensionDir,
    extensionId,
    remove() {
      rmSync(file, { force: true });
      rmSync(join(extensionDir, '..'), { recursive: true, force: true });
    },
  };
}
