// How values read on screen: phones in the national spelling agents know, times in the agent's locale.
// Pure and light (no phone library): extension pages import it.

export function formatContact(contact: { kind: 'phone' | 'email'; value: string }): string {
  if (contact.kind === 'email') return contact.value;
  const cnMobile = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(contact.value);
  if (cnMobile) return `${cnMobile[1]} ${cnMobile[2]} ${cnMobile[3]}`;
  const cnLandline = /^\+86((?:10|2\d)|[3-9]\d{2})(\d{7,8})$/.exec(contact.value);
  if (cnLandline) return `0${cnLandline[1]}-${cnLandline[2]}`;
  return contact.value;
}

/**
 * A phone as the CRM stored it (as some agent once typed it: "13812345678", "+86 139…", "010-6234…")
 * in the same spelling as detected ones: national grouping for mainland numbers, international otherwise.
 */
export function formatPhone(stored: string): string {
  const compact = stored.replace(/[\s()-]/g, '');
  const mainland = /^(?:\+86|0086)(\d{6,11})$/.exec(compact)?.[1] ?? (/^1\d{10}$/.test(compact) ? compact : /^0([1-9]\d{8,10})$/.exec(compact)?.[1]);
  if (mainland) return formatContact({ kind: 'phone', value: `+86${mainland}` });
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact || stored;
}

/** Building a formatter costs about a third of a millisecond, formatting with one a microsecond: one per locale. */
const timeFormats = new Map<string | undefined, Intl.DateTimeFormat>();

export function formatTime(epochMs: number | undefined, locale?: string): string {
  if (!epochMs) return '';
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    timeFormats.set(locale, format);
  }
  return format.format(epochMs);
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();

/** A time in a summary line: "11/19 14:05", with the year only when it is not this year's. */
export function formatShortTime(epochMs: number, locale?: string, now = Date.now()): string {
  return shortFormat(epochMs, locale, now, true);
}

function shortFormat(epochMs: number, locale: string | undefined, now: number, withTime: boolean): string {
  const sameYear = new Date(epochMs).getFullYear() === new Date(now).getFullYear();
  const key = `${locale}|${sameYear}|${withTime}`;
  let format = shortFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(sameYear ? {} : { year: 'numeric' }),
      month: 'numeric',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    shortFormats.set(key, format);
  }
  return format.format(epochMs);
}

const relativeFormats = new Map<string | undefined, Intl.RelativeTimeFormat>();
const AGO_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
];

/**
 * How long ago, in the agent's words: undefined within the last minute (the caller says "just now"),
 * "2 min. ago" / "2分钟前" up to an hour, hours up to a day, days up to a week, then the short date.
 */
export function formatAgo(epochMs: number, locale?: string, now = Date.now()): string | undefined {
  const elapsed = Math.max(0, now - epochMs);
  if (elapsed < 60_000) return undefined;
  // A week on, the day says enough, and the line it stands in stays short enough to read whole.
  if (elapsed >= 7 * 86_400_000) return shortFormat(epochMs, locale, now, false);
  const [unit, size] = AGO_STEPS.findLast(([, step]) => elapsed >= step)!;
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { style: 'short' });
    relativeFormats.set(locale, format);
  }
  return format.format(-Math.floor(elapsed / size), unit);
}
