import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue';
import { useEventListener } from '@vueuse/core';

/**
 * Keeps keyboard focus inside a modal while it is open: remembers what had focus, moves focus in,
 * wraps Tab and Shift+Tab at the ends, pulls focus back if it lands outside, optionally closes on
 * Escape, and gives focus back when the modal closes. Works for a plain overlay and for a native
 * <dialog> opened with showModal() (whose Tab would otherwise leave for the browser's own UI).
 */
export interface FocusTrapOptions {
  /** Focused when the trap opens; else the first focusable element, unless focus is already inside. */
  initialFocus?: Readonly<Ref<HTMLElement | null>>;
  /** Called on Escape (the key is then consumed, so a native dialog gets no cancel event from it). */
  onEscape?: () => void;
}

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(',');

/** Tabbable elements inside `root`, in document order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/** Open traps, innermost last: only the innermost one acts (a modal over a modal). */
const stack: symbol[] = [];

export function useFocusTrap(container: Readonly<Ref<HTMLElement | null>>, active: () => boolean, options: FocusTrapOptions = {}): void {
  const me = Symbol('focus-trap');
  let opener: HTMLElement | null = null;
  let on = false;

  const isTop = () => on && stack[stack.length - 1] === me;

  function focusInside(): void {
    const root = container.value;
    if (!root) return;
    const target = options.initialFocus?.value ?? tabbables(root)[0];
    target?.focus();
  }

  function onKeydown(e: KeyboardEvent): void {
    const root = container.value;
    // Not shown (yet, or any more): nothing to keep focus in.
    if (!isTop() || !root || e.defaultPrevented || !root.getClientRects().length) return;
    if (e.key === 'Escape' && options.onEscape) {
      e.preventDefault();
      options.onEscape();
      return;
    }
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = tabbables(root);
    const here = document.activeElement as HTMLElement | null;
    const at = here ? items.indexOf(here) : -1;
    if (!items.length) {
      e.preventDefault(); // nowhere to go inside, and never outside
      return;
    }
    // Wrap at the ends, and come back in from anywhere outside; in between the browser moves focus.
    if (e.shiftKey && at <= 0) {
      e.preventDefault();
      items[items.length - 1]!.focus();
    } else if (!e.shiftKey && (at === -1 || at === items.length - 1)) {
      e.preventDefault();
      items[0]!.focus();
    }
  }

  function onFocusin(e: FocusEvent): void {
    const root = container.value;
    if (!isTop() || !root || !root.getClientRects().length || !(e.target instanceof Node) || root.contains(e.target)) return;
    focusInside();
  }

  async function start(): Promise<void> {
    if (on) return;
    on = true;
    // Runs before the DOM update that shows the modal: this is still the element the user was on.
    const was = document.activeElement;
    opener = was instanceof HTMLElement && was !== document.body ? was : null;
    stack.push(me);
    await nextTick();
    const root = container.value;
    if (!isTop() || !root) return;
    if (!root.contains(document.activeElement)) focusInside();
  }

  function stop(restore: boolean): void {
    if (!on) return;
    on = false;
    const i = stack.indexOf(me);
    if (i >= 0) stack.splice(i, 1);
    const back = opener;
    opener = null;
    if (!restore || !back) return;
    // After the DOM update that hides the modal (a native dialog may restore focus itself first).
    const root = container.value;
    void nextTick(() => {
      const now = document.activeElement;
      const lost = !now || now === document.body || !now.isConnected || !!root?.contains(now);
      if (back.isConnected && lost) back.focus();
    });
  }

  // Listening all along is cheap: both handlers return at once unless this trap is the open, innermost one.
  useEventListener(document, 'keydown', onKeydown, { capture: true });
  useEventListener(document, 'focusin', onFocusin, { capture: true });
  watch(
    () => !!active(),
    (now) => {
      if (now) void start();
      else stop(true);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => stop(false));
}
