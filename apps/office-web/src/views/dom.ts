// A tiny element builder instead of a framework: views build their DOM once per render.
type Child = Node | string | number | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;
type Attributes = Readonly<Record<string, AttributeValue | ((event: Event) => void)>>;

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
