// A tiny element builder instead of a framework: views build their DOM from view models.
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

/** A colour square for a list; decorative, the list's name stands beside it. */
export const swatch = (color: string): HTMLSpanElement =>
  h('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' });

/** Replaces the children of `region`, keeping keyboard focus on the "same" element (by data-key) if it was inside. */
export function replaceKeepingFocus(region: Element, ...nodes: Node[]): void {
  const active = document.activeElement;
  const key = active && region.contains(active) ? active.getAttribute('data-key') : null;
  region.replaceChildren(...nodes);
  if (key) (region.querySelector(`[data-key="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
}
