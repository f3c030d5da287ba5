// The page scanner: reads what the agent can read (text nodes, form values, tel:/mailto: links, open
// shadow roots) and reports the texts that may hold a contact, in batches; the background finds and judges
// the contacts in them. Work is proportional to what changed: a new chat message costs a walk of that
// message, never of the page; a first scan of a huge page is cut into slices that each yield to the page.
// Text the agent cannot see (not rendered, zero-size, off the page, transparent) is reported marked
// hidden, so a page can never drive a lookup with it. A scan reports only its newest texts the agent sees
// (and a few hidden ones): the background keeps a tab's newest contacts and no more. Whether a text is
// readable and seen is asked when the scan ends, from the newest back, until enough are found: a first
// scan of a huge console lays out a few hundred texts, not thousands. Hidden ones are looked at again
// after the agent clicks or moves focus in the page, which is how consoles show another conversation.
// Content-script only.
import { MAX_READING_CHARS, MAX_READINGS_PER_REPORT, mayHoldContact, readingsOf, type PageReading } from '@/lib/contacts/page-reading';
import { createSeenCheck } from './visibility';

export interface PageScannerOptions {
  report: (readings: PageReading[]) => void;
  /** The readings a text gives (readingsOf by default); tests watch what is read through it. */
  readingsOf?: (text: string, context?: string) => readonly PageReading[];
  /** Runs the batched flush later, off the page's critical path; given, it runs every flush (tests, benchmarks). */
  schedule?: (flush: () => void) => void;
  /** How long one flush may work before leaving the rest to the next (default SLICE_BUDGET_MS). */
  sliceBudgetMs?: number;
  /** Whether the agent can see the element's content (createSeenCheck's by default; DOMs without layout fake it). */
  isRendered?: (element: Element) => boolean;
}

/**
 * Elements whose own text the agent does not read: code, styles, a field's default value, a list's
 * options, a frame's fallback. Their text sits directly in them (the parser allows nothing else).
 */
const UNREAD_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'OPTION', 'OPTGROUP', 'TITLE', 'IFRAME', 'NOEMBED', 'NOFRAMES']);
/** Attributes that may hide a subtree from the agent or make it the agent's own draft (values checked apart). */
const MAY_HIDE_OR_EDIT = '[hidden],[aria-hidden],[contenteditable]';
/** The same attributes, watched: when one changes, its subtree may have become readable. */
const REVEALING_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable'];
const MAX_CONTEXT = 240;
/**
 * A scan reports at most this many texts the agent sees, its newest: the background keeps a tab's 50
 * newest contacts and 30 newest texts, so an older text of a huge first scan would only be laid out, sent
 * and searched to be dropped there.
 */
const MAX_SEEN_TEXTS_PER_SCAN = MAX_READINGS_PER_REPORT;
/** And at most this many hidden ones, listed for the agent to see what the page holds out of sight. */
const MAX_HIDDEN_TEXTS_PER_SCAN = 50;
/** Texts asked whether the agent sees them per scan: bounds the layout a page of hidden numbers costs. */
const MAX_SEEN_CHECKS_PER_SCAN = 1_000;
/** A flush works at most about this long before yielding, so even a first scan of a huge page is no long task. */
const SLICE_BUDGET_MS = 12;
/** Reading the clock costs too: once per this many nodes. */
const NODES_PER_CLOCK_READ = 64;
/** Hidden texts kept to look at again when the page changes what it shows; older ones are forgotten. */
const MAX_UNSEEN_KEPT = 200;
/** After a click or a focus move in the page, the console has had time to show the other conversation. */
const RECHECK_AFTER_MS = 300;
/**
 * A message that arrived unseen is looked at once more this much later: consoles fade new messages in
 * from opacity 0, and by then the animation has begun (anything above 0 counts as seen).
 */
const ARRIVAL_RECHECK_MS = 500;
/** Events after which the page may show what it hid: a fade's end, the tab coming back into view. */
const SHOWING_EVENTS = ['animationend', 'transitionend', 'visibilitychange'] as const;

const defaultSchedule = (flush: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 300 });
  else setTimeout(flush, 50);
};

/** Whether the element itself hides its subtree or makes it an editor ("false" marks a readable island). */
function hidesOrEdits(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.getAttribute('aria-hidden')?.toLowerCase() === 'true';
}

/**
 * Whether the agent reads what `element` holds, up through the hosts of the shadow trees it sits in.
 * Asked only of the few texts that may hold a contact (and of fields, links and shadow hosts): one native
 * `closest` per tree instead of a look at every element of the page.
 */
function isReadable(element: Element | null): boolean {
  if (element && (UNREAD_TEXT_PARENTS.has(element.tagName) || element instanceof SVGElement)) return false;
  for (let current = element; current; current = (current.getRootNode() as Partial<ShadowRoot>).host ?? null) {
    for (let found = current.closest(MAY_HIDE_OR_EDIT); found; found = found.parentElement?.closest(MAY_HIDE_OR_EDIT) ?? null) {
      if (hidesOrEdits(found)) return false;
    }
  }
  return true;
}

/** A text's parent element; for a text right inside a shadow root, its host. */
const parentOf = (text: Node): Element | null => text.parentElement ?? (text.parentNode as Partial<ShadowRoot> | null)?.host ?? null;

const isFormField = (element: Element): element is HTMLInputElement | HTMLTextAreaElement => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';

/** The focused element, looking into open shadow roots: `document.activeElement` stops at the host. */
function focusedElement(): Element | null {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

/** A link's address decoded, or as written when it is not valid percent-encoding ("mailto:100%off@…"). */
function decodedAddress(address: string): string {
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/**
 * One root being read, resumable between flushes. At the start, native tag queries find its fields and
 * links. Then one native TreeWalker visits its elements, only to find open shadow roots, and a second its
 * text nodes (text only: the cheapest way through a big page).
 */
interface ScanJob {
  root: Node;
  walker: TreeWalker;
  readingTexts: boolean;
  shadowHosts: Element[];
}

/** A text the scan found that may hold a contact, and where it stands on the page. */
interface FoundText {
  text: string;
  context?: string;
  /** The node it is read from (a text node, a field, a link), kept to look at again while unseen. */
  node: Node;
  /** The element whose box the agent sees the text in. */
  shownIn: Element | null;
  /** The element that decides whether the agent reads it at all (a field's parent: a field holds no text node). */
  readIn: Element | null;
}

export function createPageScanner(options: PageScannerOptions) {
  const schedule = options.schedule ?? defaultSchedule;
  /**
   * What the page just added is read right after the task that added it, not at the next idle period
   * (after a frame, 5–15 ms later): its contact is what the agent waits for. Reading its visibility lays
   * the page out then, work the frame would do anyway. A first scan and its slices stay on idle time.
   */
  const scheduleSoon = options.schedule ?? ((flush: () => void) => void setTimeout(flush, 0));
  const sliceBudgetMs = options.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const readingsIn = options.readingsOf ?? readingsOf;
  const isRendered = options.isRendered ?? createSeenCheck();
  /** Hidden texts read, to look at again once the page may show them (bounded, oldest dropped). */
  const unseen = new Set<Node>();
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  /** Texts found unseen when they arrived, oldest first, each looked at once more ARRIVAL_RECHECK_MS later. */
  const arrivals: { node: Node; at: number }[] = [];
  let arrivalTimer: ReturnType<typeof setTimeout> | undefined;
  const pendingRoots = new Set<Node>();
  const jobs: ScanJob[] = [];
  const observers: MutationObserver[] = [];
  const observedShadowRoots = new WeakSet<ShadowRoot>();
  let flushScheduled = false;
  /**
   * The texts this scan found, in page order. A scan ends with the flush that finishes its last job and
   * reports them then: once a page is read, each new message is a scan of its own (and its contact
   * becomes the newest).
   */
  let found: FoundText[] = [];

  /**
   * The scan's newest texts as readings, oldest first, each once: a canned reply with the hotline in it,
   * said fifty times, is one text, where it was said last, and seen if any copy of it is.
   */
  function readingsOfScan(): PageReading[] {
    const chosen = new Map<string, { text: string; context?: string; hidden: boolean }>();
    let seenTexts = 0;
    let hiddenTexts = 0;
    let checks = 0;
    for (let index = found.length - 1; index >= 0 && seenTexts < MAX_SEEN_TEXTS_PER_SCAN && checks < MAX_SEEN_CHECKS_PER_SCAN; index--) {
      const { text, context, node, shownIn, readIn } = found[index]!;
      const key = context === undefined ? text : `${text}\n${context}`;
      const known = chosen.get(key);
      if ((known && !known.hidden) || !isReadable(readIn)) continue;
      checks += 1;
      if (shownIn && seen(shownIn, node)) {
        seenTexts += 1;
        if (known) known.hidden = false;
        else chosen.set(key, { text, context, hidden: false });
      } else if (!known && hiddenTexts < MAX_HIDDEN_TEXTS_PER_SCAN) {
        hiddenTexts += 1;
        chosen.set(key, { text, context, hidden: true });
      }
    }
    found = [];
    return [...chosen.values()].reverse().flatMap(({ text, context, hidden }) => {
      const readings = readingsIn(text, context);
      return hidden ? readings.map((reading) => ({ ...reading, hidden: true })) : readings;
    });
  }

  /** Whether the agent sees `element`; a node they do not see is kept to look at again later. */
  function seen(element: Element, node: Node): boolean {
    if (isRendered(element)) {
      unseen.delete(node);
      return true;
    }
    if (!unseen.delete(node)) arrived(node);
    unseen.add(node);
    if (unseen.size > MAX_UNSEEN_KEPT) unseen.delete(unseen.values().next().value!);
    return false;
  }

  function arrived(node: Node) {
    arrivals.push({ node, at: Date.now() });
    if (arrivals.length > MAX_UNSEEN_KEPT) arrivals.shift();
    if (arrivalTimer === undefined) arrivalTimer = setTimeout(recheckArrivals, ARRIVAL_RECHECK_MS);
  }

  /** Looks again at the arrivals now old enough; a page planting hidden text keeps them at one look each. */
  function recheckArrivals() {
    arrivalTimer = undefined;
    const due = Date.now() - ARRIVAL_RECHECK_MS;
    while (arrivals.length > 0 && arrivals[0]!.at <= due) lookAgain(arrivals.shift()!.node);
    if (arrivals.length > 0) arrivalTimer = setTimeout(recheckArrivals, arrivals[0]!.at - due);
  }

  /** Reads a text kept as unseen again if the agent sees it now. */
  function lookAgain(node: Node) {
    if (!unseen.has(node)) return;
    const element = node instanceof Element ? node : parentOf(node);
    if (!node.isConnected || !element) unseen.delete(node);
    else if (isRendered(element)) {
      unseen.delete(node);
      enqueue(node, true);
    }
  }

  /**
   * Most texts on a page fail the one-regex pre-test and cost nothing more; the rest are kept for the
   * end of the scan, which asks the newest of them whether the agent reads and sees them. A long text (a
   * bundled script, a pasted log) is asked first: where the agent cannot read it, it is not even pre-tested.
   */
  function readText(text: Node) {
    const value = text.nodeValue ?? '';
    const parent = parentOf(text);
    if (value.length <= MAX_READING_CHARS) {
      if (!mayHoldContact(value)) return;
    } else if (!isReadable(parent) || !mayHoldContact(value)) {
      return;
    }
    found.push({ text: value, node: text, shownIn: parent, readIn: parent });
  }

  function scanLink(link: Element) {
    const href = link.getAttribute('href');
    if (!href || !/^(tel|mailto):/i.test(href)) return;
    const address = decodedAddress(href.replace(/^(tel|mailto):/i, '').split('?')[0] ?? '');
    if (address) found.push({ text: address, context: (link.textContent || address).trim().slice(0, MAX_CONTEXT), node: link, shownIn: link, readIn: link });
  }

  function scanFormField(field: HTMLInputElement | HTMLTextAreaElement) {
    if (field === focusedElement() || field.type === 'hidden' || field.type === 'password' || !field.value) return;
    found.push({ text: field.value, node: field, shownIn: field, readIn: field.parentElement });
  }

  /** Reads the fields and links under the job's root. */
  function readFieldsAndLinks(job: ScanJob) {
    const root = job.root as Element | ShadowRoot;
    // A shadow root has no getElementsByTagName; its content is small next to a page.
    const byTag = (tag: string): ArrayLike<Element> => ('getElementsByTagName' in root ? root.getElementsByTagName(tag) : root.querySelectorAll(tag));
    for (const tag of ['input', 'textarea']) Array.prototype.forEach.call(byTag(tag), scanFormField);
    Array.prototype.forEach.call(byTag('a'), scanLink);
  }

  function startJob(root: Node) {
    if (root.nodeType === Node.TEXT_NODE) return readText(root);
    if (!('querySelectorAll' in root)) return; // a comment, say: nothing to read
    if (root instanceof Element) {
      // A field the agent just left (a change event): its own value.
      if (isFormField(root)) return scanFormField(root);
      if (!isReadable(root)) return;
      if (root.tagName === 'A') scanLink(root);
      if (root.shadowRoot) scanShadowRoot(root.shadowRoot);
    }
    const job: ScanJob = { root, walker: document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT), readingTexts: false, shadowHosts: [] };
    readFieldsAndLinks(job);
    jobs.push(job);
  }

  /** Observed once, read each time its host is (a rescan reads shadow content again). */
  function scanShadowRoot(shadow: ShadowRoot) {
    if (!observedShadowRoots.has(shadow)) {
      observedShadowRoots.add(shadow);
      observe(shadow);
    }
    startJob(shadow);
  }

  /** Advances the job until done (true) or until `deadline` (false). */
  function advance(job: ScanJob, deadline: number): boolean {
    for (let visited = 1; ; visited++) {
      const node = job.walker.nextNode();
      if (!node) {
        if (job.readingTexts) break;
        job.readingTexts = true;
        job.walker = document.createTreeWalker(job.root, NodeFilter.SHOW_TEXT);
        continue;
      }
      if (!job.readingTexts) {
        // Open shadow roots show only on their hosts, and any element may be one.
        if ((node as Element).shadowRoot) job.shadowHosts.push(node as Element);
      } else {
        readText(node);
      }
      if (visited % NODES_PER_CLOCK_READ === 0 && performance.now() > deadline) return false;
    }
    for (const host of job.shadowHosts) if (isReadable(host)) scanShadowRoot(host.shadowRoot!);
    return true;
  }

  function flush() {
    flushScheduled = false;
    const deadline = performance.now() + sliceBudgetMs;
    const roots = new Set(pendingRoots);
    pendingRoots.clear();
    // Crossing from a shadow root to its host: a host pending with its shadow content reads it once.
    const insideAnother = (node: Node) => {
      for (let parent = node.parentNode; parent; parent = parent instanceof ShadowRoot ? parent.host : parent.parentNode) {
        if (roots.has(parent)) return true;
      }
      return false;
    };
    for (const root of roots) {
      // A root inside another pending root is walked with it, not twice.
      if (root.isConnected && !insideAnother(root)) startJob(root);
    }
    while (jobs.length > 0 && advance(jobs[0]!, deadline)) jobs.shift();
    // A big first scan continues in the next slice, leaving the page free to respond in between.
    if (jobs.length > 0) return scheduleFlush();
    // A very long text gives several readings: a report still holds no more than the protocol allows.
    const readings = readingsOfScan();
    for (let from = 0; from < readings.length; from += MAX_READINGS_PER_REPORT) options.report(readings.slice(from, from + MAX_READINGS_PER_REPORT));
  }

  function scheduleFlush(soon = false) {
    if (flushScheduled) return;
    flushScheduled = true;
    (soon && jobs.length === 0 ? scheduleSoon : schedule)(flush);
  }

  function enqueue(node: Node, soon = false) {
    pendingRoots.add(node);
    scheduleFlush(soon);
  }

  /** What the page added or changed, or what it now shows: read soon. */
  const enqueueSoon = (node: Node) => enqueue(node, true);

  function observe(root: Document | ShadowRoot) {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'childList') record.addedNodes.forEach(enqueueSoon);
        // A changed text, or a subtree that may have just come into view (a conversation the agent
        // switched to, a page a modal had hidden): what was skipped while hidden is read now.
        else enqueueSoon(record.target);
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributeFilter: REVEALING_ATTRIBUTES });
    observers.push(observer);
  }

  const onChange = (event: Event) => {
    if (event.target instanceof Element && isFormField(event.target)) enqueue(event.target, true);
  };

  const lookAgainAtUnseen = () => [...unseen].forEach(lookAgain);

  /** The agent clicked or moved focus: texts hidden until now may be shown (another conversation). */
  const onAgentAction = () => {
    if (unseen.size === 0) return;
    clearTimeout(recheckTimer);
    recheckTimer = setTimeout(lookAgainAtUnseen, RECHECK_AFTER_MS);
  };

  /**
   * A fade-in ended, or the tab came back into view: what was unseen may be seen now. ARRIVAL_RECHECK_MS
   * is a guess at how long a fade takes; a busy or background tab can run the fade later than that.
   * The events of one moment share one look, so a page ending many animations asks little of layout.
   */
  let shownCheckQueued = false;
  const onPageShowsMore = () => {
    if (unseen.size === 0 || document.visibilityState === 'hidden' || shownCheckQueued) return;
    shownCheckQueued = true;
    setTimeout(() => {
      shownCheckQueued = false;
      lookAgainAtUnseen();
    });
  };

  return {
    start() {
      observe(document);
      document.addEventListener('change', onChange, true);
      document.addEventListener('click', onAgentAction, true);
      document.addEventListener('focusin', onAgentAction, true);
      for (const type of SHOWING_EVENTS) document.addEventListener(type, onPageShowsMore, true);
      enqueue(document.body ?? document.documentElement);
    },
    /** Scans the whole page again now, e.g. when the agent asks for it. */
    rescan() {
      enqueue(document.body ?? document.documentElement);
    },
    stop() {
      observers.forEach((observer) => observer.disconnect());
      pendingRoots.clear();
      jobs.length = 0;
      found = [];
      unseen.clear();
      arrivals.length = 0;
      clearTimeout(recheckTimer);
      clearTimeout(arrivalTimer);
      arrivalTimer = undefined;
      document.removeEventListener('change', onChange, true);
      document.removeEventListener('click', onAgentAction, true);
      document.removeEventListener('focusin', onAgentAction, true);
      for (const type of SHOWING_EVENTS) document.removeEventListener(type, onPageShowsMore, true);
    },
  };
}
