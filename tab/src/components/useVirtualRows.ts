import { useLayoutEffect, useState, useSyncExternalStore } from "react";
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type ScrollToOptions,
  type VirtualItem,
} from "@tanstack/react-virtual";

export interface VirtualRowsOptions {
  count: number;
  /** Fixed row height in pixels: rows are never measured, which keeps scrolling cheap. */
  rowHeight: number;
  /** Height above the rows inside the scroll element (a sticky header). */
  scrollMargin: number;
  overscan: number;
  getScrollElement: () => HTMLElement | null;
}

interface Snapshot {
  items: VirtualItem[];
  totalSize: number;
}

/**
 * TanStack Virtual's engine behind an external store: each change publishes an immutable snapshot
 * that React reads with `useSyncExternalStore`, rather than a mutable instance read during render.
 */
class VirtualRowsStore {
  readonly virtualizer: Virtualizer<HTMLElement, Element>;
  private snapshot: Snapshot = { items: [], totalSize: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(options: VirtualRowsOptions) {
    this.virtualizer = new Virtualizer<HTMLElement, Element>(this.resolve(options));
  }

  resolve(options: VirtualRowsOptions) {
    return {
      count: options.count,
      getScrollElement: options.getScrollElement,
      estimateSize: () => options.rowHeight,
      overscan: options.overscan,
      scrollMargin: options.scrollMargin,
      scrollPaddingStart: options.scrollMargin,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      onChange: () => this.publish(),
    };
  }

  publish(): void {
    const items = this.virtualizer.getVirtualItems();
    const totalSize = this.virtualizer.getTotalSize();
    if (items === this.snapshot.items && totalSize === this.snapshot.totalSize) return;
    this.snapshot = { items, totalSize };
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.snapshot;
}

/** The rows to render for a scroll element, and a way to bring one into view. */
export function useVirtualRows(options: VirtualRowsOptions) {
  const [store] = useState(() => new VirtualRowsStore(options));
  const { count, rowHeight, scrollMargin, overscan, getScrollElement } = options;

  useLayoutEffect(() => store.virtualizer._didMount(), [store]);
  useLayoutEffect(() => {
    store.virtualizer.setOptions(store.resolve({ count, rowHeight, scrollMargin, overscan, getScrollElement }));
    store.virtualizer._willUpdate();
    store.publish();
  }, [store, count, rowHeight, scrollMargin, overscan, getScrollElement]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return {
    items: snapshot.items,
    totalSize: snapshot.totalSize,
    scrollToIndex: (index: number, scrollOptions?: ScrollToOptions) =>
      store.virtualizer.scrollToIndex(index, scrollOptions),
  };
}
