// What the extension knows about a CRM backend without loading it: its kind, its own hosts, what the
// options form asks for to connect it and how that is checked, and the words that are its own. Each
// backend folder exports one; lib/crm/registry.ts lists them. Plain data and small checks only: the
// options page, the panel's wording and the build configuration import descriptors.
import type { MessageKey } from '../message-key';
import type { ErrorCode } from '../messaging/reply';

/** Settings a connection may carry beyond address, account and secret (see Settings in lib/settings/settings.ts). */
export type ExtraSetting = 'signatureRecipe';

/** One more text field of the connection form, stored as a setting of its own. */
interface ExtraField {
  setting: ExtraSetting;
  /** The input's element id. */
  id: string;
  label: MessageKey;
  hint: MessageKey;
  placeholder: string;
  /** Why the typed value cannot be used, in words, or undefined. Empty is never checked: it means the backend's default. */
  check(value: string): string | undefined;
}

export interface BackendDescriptor<Kind extends string = string> {
  readonly kind: Kind;
  /**
   * The origins the CRM itself runs on, granted with the extension (its host permissions). The form
   * offers them with a custom address as the last choice; without any, the address is typed.
   */
  readonly hosts: readonly string[];
  readonly extraFields?: readonly ExtraField[];
  readonly text: {
    /** The backend's name among the choices. */
    readonly label: MessageKey;
    /** The label of the host choice, when there are hosts. */
    readonly hosts?: MessageKey;
    readonly appid: MessageKey;
    readonly secret: MessageKey;
    /** What a successful connection test proved. */
    readonly connectionOk: MessageKey;
    /** Errors this backend words its own way. */
    readonly errors?: Partial<Record<ErrorCode, MessageKey>>;
    /**
     * Every error code the backend's API document lists, each with its own words: a message (given the
     * code as its substitution) or the words of one of our error codes. The CRM's own text is never
     * shown in their place: it is in the language of its server whatever the agent's.
     */
    readonly crmCodes?: Readonly<Record<string, CrmCodeWords>>;
  };
}

export type CrmCodeWords = MessageKey | { readonly as: ErrorCode };
