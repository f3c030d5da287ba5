// @vitest-environment happy-dom
// The timeline section says when it comes within reach of the panel's viewport, leaves it, or takes
// focus, so its reader can wait for the agent. happy-dom has no layout: the observer is stubbed and told
// what a real one would report. Test-only.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/entrypoints/sidepanel/models/test-support';
import { REACH_MARGIN, Timeline } from './Timeline';

class StubObserver {
  static made: StubObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly report: (entries: Pick<IntersectionObserverEntry, 'isIntersecting' | 'target'>[]) => void,
    readonly options: IntersectionObserverInit = {},
  ) {
    StubObserver.made.push(this);
  }
  observe(target: Element) {
    this.observed.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
}

describe('the timeline section', () => {
  let host: HTMLElement;
  const onInView = vi.fn();
  const onFocusIn = vi.fn();
  const filters = [
    { value: 'all', name: 'All' },
    { value: 'staff', name: 'Staff' },
  ];
  const show = () =>
    act(() => {
      render(
        <Timeline
          filters={filters}
          filter="all"
          items={[]}
          loading={true}
          error={undefined}
          canLoadMore={false}
          complete={false}
          onFilter={() => undefined}
          onLoadMore={() => undefined}
          onInView={onInView}
          onFocusIn={onFocusIn}
        />,
        host,
      );
    });
  const sectionObserver = () => StubObserver.made.find((observer) => observer.observed.some((target) => target.matches('section.timeline')))!;

  beforeEach(() => {
    useEnglishMessages();
    StubObserver.made = [];
    onInView.mockReset();
    onFocusIn.mockReset();
    vi.stubGlobal('IntersectionObserver', StubObserver);
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => {
    act(() => {
      render(null, host);
    });
    host.remove();
    vi.unstubAllGlobals();
  });

  it('shows its heading and that it is loading before anything is read', () => {
    show();
    expect(host.querySelector('h3')?.textContent).toBe('Timeline');
    expect(host.querySelector('[role="tabpanel"]')?.getAttribute('aria-busy')).toBe('true');
    expect(host.querySelector('[role="status"]')).not.toBeNull();
  });

  it('watches the section with a margin beyond the viewport and passes on what the observer reports', () => {
    show();
    const observer = sectionObserver();
    expect(observer.options.rootMargin).toBe(REACH_MARGIN);
    expect(onInView).not.toHaveBeenCalled();
    const target = observer.observed[0]!;
    observer.report([{ isIntersecting: false, target }]);
    expect(onInView).toHaveBeenLastCalledWith(false);
    observer.report([
      { isIntersecting: false, target },
      { isIntersecting: true, target },
    ]);
    expect(onInView).toHaveBeenLastCalledWith(true);
  });

  it('says it is out of view once it is gone', () => {
    show();
    const observer = sectionObserver();
    observer.report([{ isIntersecting: true, target: observer.observed[0]! }]);
    act(() => {
      render(null, host);
    });
    expect(observer.disconnected).toBe(true);
    expect(onInView).toHaveBeenLastCalledWith(false);
  });

  it('says when focus enters it, as a keyboard user tabbing to the filters does', () => {
    show();
    host.querySelector<HTMLButtonElement>('[role="tab"]')!.focus();
    expect(onFocusIn).toHaveBeenCalledTimes(1);
  });
});
