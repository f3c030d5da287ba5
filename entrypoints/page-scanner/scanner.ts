// The page scanner: reads what the agent can read (text nodes, form values, tel:/mailto: links, open
// shadow roots) and reports the texts that may hold a contact, in batches; the background finds and judges
// the contacts in them. Work is proportional to what changed: a new chat message costs a walk of that
// message, never of the page; a first scan of a huge page is cut into slices that each yield to the page.
// Content-script only.
import { MAX_READINGS_PER_REPORT, readingsOf, type PageReading } from '@/lib/contacts/page-reading';

export interface PageScannerOptions {
  report: (readings: PageReading[]) => void;
  /** Whether a text is worth reading further; by default readingsOf's pre-test. Tests watch what is read through it. */
  readingsOf?: (text: string, context?: string) => readonly PageReading[];
  /** Runs the batched flush later, off the page's critical path. */
  schedule?: (flush: () => void) => void;
  /** How long one flush may work before leaving the rest to the next (default SLICE_BUDGET_MS). */
  sliceBudgetMs?: number;
}

/** Elements whose text the agent does not read (or is writing): their subtrees are skipped. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'svg']);
/**
 * What a scan must treat specially, found by native queries per root instead of a look at every element:
 * by tag (the browser keeps live lists of those), and by the attributes that hide text or make an editor.
 */
const HIDING_TAGS = ['script', 'style', 'noscript', 'textarea', 'select', 'svg'];
const HIDING_ATTRIBUTES = '[hidden],[aria-hidden="true"],[contenteditable]';
const MAX_CONTEXT = 240;
/** A flush works at most about this long before yielding, so even a first scan of a huge page is no long task. */
const SLICE_BUDGET_MS = 12;
/** Reading the clock costs too: once per this many nodes. */
const NODES_PER_CLOCK_READ = 64;

const defaultSchedule = (flush: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 300 });
  else setTimeout(flush, 50);
};

/** `contenteditable`, `contenteditable=""` and `="plaintext-only"` all make an editor; only "false" does not. */
function isEditor(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether the element itself (not its ancestors) hides its subtree from the agent or is being written in. */
function hidesItsText(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || isEditor(element);
}

/** Text the agent reads, not text the agent is writing or the page hides. */
function isReadable(element: Element | null): boolean {
  for (let current = element; current; current = current.parentElement) if (hidesItsText(current)) return false;
  return true;
}

const isFormField = (element: Element): element is HTMLInputElement | HTMLTextAreaElement =>
  element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';

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
 * One root being read, resumable between flushes. At the start, one query finds the few notable
 * elements (fields and links are read then; the texts under hiding elements are set aside). Then one
 * native TreeWalker visits its elements, only to find open shadow roots, and a second its text nodes
 * (text only: the cheapest way through a big page).
 */
interface ScanJob {
  root: Node;
  walker: TreeWalker;
  readingTexts: boolean;
  /** Text nodes under an element that hides them: never read, not even pre-tested. */
  unreadTexts: Set<Node>;
  /** The elements found hiding text, to tell whether a shadow host sits inside one. */
  hiders: Element[];
  shadowHosts: Element[];
}

export function createPageScanner(options: PageScannerOptions) {
  const schedule = options.schedule ?? defaultSchedule;
  const sliceBudgetMs = options.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const readingsIn = options.readingsOf ?? readingsOf;
  const pendingRoots = new Set<Node>();
  const jobs: ScanJob[] = [];
  const observers: MutationObserver[] = [];
  const observedShadowRoots = new WeakSet<ShadowRoot>();
  let flushScheduled = false;
  let batch: PageReading[] = [];

  function read(text: string, context?: string) {
    const readings = readingsIn(text, context);
    if (readings.length > 0) batch.push(...readings);
  }

  function scanLink(link: Element) {
    const href = link.getAttribute('href');
    if (!href || !/^(tel|mailto):/i.test(href)) return;
    const address = decodedAddress(href.replace(/^(tel|mailto):/i, '').split('?')[0] ?? '');
    if (address) read(address, (link.textContent || address).trim().slice(0, MAX_CONTEXT));
  }

  function scanFormField(field: HTMLInputElement | HTMLTextAreaElement) {
    if (field === focusedElement() || field.type === 'hidden' || field.type === 'password' || !field.value) return;
    read(field.value);
  }

  /** Whether an element hiding text holds `element`: a link hidden itself counts, a field's own tag does not. */
  function isHiddenWithin(element: Element, job: ScanJob): boolean {
    const isField = isFormField(element);
    return job.hiders.some((hider) => (hider !== element || !isField) && hider.contains(element));
  }

  function setAsideTextsOf(hider: Element, job: ScanJob) {
    if (!hidesItsText(hider)) return; // contenteditable="false"
    job.hiders.push(hider);
    const texts = document.createTreeWalker(hider, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) job.unreadTexts.add(text);
  }

  /** Sets aside the texts hiding elements hold, then reads the fields and links the agent can see. */
  function readNotableElements(job: ScanJob) {
    const root = job.root as Element | ShadowRoot;
    // A shadow root has no getElementsByTagName; its content is small next to a page.
    const byTag = (tag: string): ArrayLike<Element> => ('getElementsByTagName' in root ? root.getElementsByTagName(tag) : root.querySelectorAll(tag));
    for (const tag of HIDING_TAGS) Array.prototype.forEach.call(byTag(tag), (hider: Element) => setAsideTextsOf(hider, job));
    root.querySelectorAll(HIDING_ATTRIBUTES).forEach((hider) => setAsideTextsOf(hider, job));
    for (const tag of ['input', 'textarea', 'a']) {
      Array.prototype.forEach.call(byTag(tag), (element: Element) => {
        if (isHiddenWithin(element, job)) return;
        if (isFormField(element)) scanFormField(element);
        else scanLink(element);
      });
    }
  }

  function startJob(root: Node) {
    if (root.nodeType === Node.TEXT_NODE) {
      // Readability is asked only of a text that may hold a contact: typing indicators change all the time.
      const readings = readingsIn(root.nodeValue ?? '');
      if (readings.length > 0 && isReadable(root.parentElement)) batch.push(...readings);
      return;
    }
    if (!('querySelectorAll' in root)) return; // a comment, say: nothing to read
    if (root instanceof Element) {
      // A field the agent just left (a change event): its own value, if the agent can see the field.
      if (isFormField(root)) {
        if (isReadable(root.parentElement)) scanFormField(root);
        return;
      }
      if (!isReadable(root)) return;
      if (root.tagName === 'A') scanLink(root);
      if (root.shadowRoot) scanShadowRoot(root.shadowRoot);
    }
    const job: ScanJob = {
      root,
      walker: document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT),
      readingTexts: false,
      unreadTexts: new Set(),
      hiders: [],
      shadowHosts: [],
    };
    readNotableElements(job);
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
      } else if (!(job.unreadTexts.size > 0 && job.unreadTexts.has(node))) {
        read(node.nodeValue!);
      }
      if (visited % NODES_PER_CLOCK_READ === 0 && performance.now() > deadline) return false;
    }
    for (const host of job.shadowHosts) if (!job.hiders.some((hider) => hider.contains(host))) scanShadowRoot(host.shadowRoot!);
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
    while (batch.length > 0) {
      options.report(batch.slice(0, MAX_READINGS_PER_REPORT));
      batch = batch.slice(MAX_READINGS_PER_REPORT);
    }
    // A big first scan continues in the next slice, leaving the page free to respond in between.
    if (jobs.length > 0) scheduleFlush();
  }

  function scheduleFlush() {
    if (flushScheduled) return;
    flushScheduled = true;
    schedule(flush);
  }

  function enqueue(node: Node) {
    pendingRoots.add(node);
    scheduleFlush();
  }

  function observe(root: Document | ShadowRoot) {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') enqueue(record.target);
        else record.addedNodes.forEach(enqueue);
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    observers.push(observer);
  }

  const onChange = (event: Event) => {
    if (event.target instanceof Element && isFormField(event.target)) enqueue(event.target);
  };

  return {
    start() {
      observe(document);
      document.addEventListener('change', onChange, true);
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
      document.removeEventListener('change', onChange, true);
    },
  };
}
