// A tiny typed element builder instead of a framework: views build their DOM from view models,
// once per render. Shared by the office app, the public results page and the postal-vote form.
export type Child = Node | string | number | null | undefined | false;
export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Readonly<Record<string, AttributeValue | ((event: Event) => void)>>;

/**
 * `h('p', { class: 'hint', onclick: … }, 'text', child)`: attributes by name (`true` → present,
 * `false`/`null`/`undefined` → absent), `on…` functions become event listeners; children may be
 * nested arrays, and `null`/`undefined`/`false` children are skipped so conditions read inline.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

// Views that hold a socket or a timer register how to stop it; the shell calls `dispose` on the
// content it replaces, so nothing keeps running for a page that is gone.
const disposers = new WeakMap<Node, (() => void)[]>();

export function onDispose(element: Node, stop: () => void): void {
  disposers.set(element, [...(disposers.get(element) ?? []), stop]);
}

export function dispose(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const stop of disposers.get(node) ?? []) stop();
    disposers.delete(node);
    stack.push(...node.childNodes);
  }
}

/**
 * Keeps `container`'s children in step with `items` without rebuilding them: an item whose
 * signature is unchanged keeps its element (and focus); only changed ones are built anew. Live
 * screens with thousands of districts stay fast when one district changes.
 */
export function keyedChildren<T>(
  container: HTMLElement,
  key: (item: T) => string,
  signature: (item: T) => string,
  build: (item: T) => HTMLElement,
): (items: readonly T[]) => void {
  let previous = new Map<string, { signature: string; element: HTMLElement }>();
  let order: string[] = [];
  return (items) => {
    const next = new Map<string, { signature: string; element: HTMLElement }>();
    const keys = items.map(key);
    const sameOrder = keys.length === order.length && keys.every((value, index) => value === order[index]);
    items.forEach((item, index) => {
      const id = keys[index]!;
      const sig = signature(item);
      const old = previous.get(id);
      const element = old && old.signature === sig ? old.element : build(item);
      if (sameOrder && old && old.element !== element) old.element.replaceWith(element);
      next.set(id, { signature: sig, element });
    });
    if (!sameOrder) container.replaceChildren(...keys.map((id) => next.get(id)!.element));
    previous = next;
    order = keys;
  };
}

/** Replaces the children of `region`, keeping keyboard focus on the "same" element (by data-key) if it was inside. */
export function replaceKeepingFocus(region: Element, ...nodes: Node[]): void {
  const active = document.activeElement;
  const key = active && region.contains(active) ? active.getAttribute('data-key') : null;
  region.replaceChildren(...nodes);
  if (key) (region.querySelector(`[data-key="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
}

/** Runs `handler` on a window event until `owner` has left the page, so re-rendered views leave no listeners behind. */
export function onWindow(owner: Node, type: keyof WindowEventMap, handler: () => void): void {
  const listener = (): void => {
    if (!owner.isConnected) window.removeEventListener(type, listener);
    else handler();
  };
  window.addEventListener(type, listener);
}

/** Offers a blob as a download under `fileName` (an invisible link, clicked once). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
