type AttributeValue = string | number | boolean | null | undefined;

/**
 * Creates an element with attributes and children. `true` sets an empty attribute, `false`, null and
 * undefined leave it out; strings become text nodes, so nothing passed here is ever parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, AttributeValue> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

let lastId = 0;

/** An id unique within the page, for aria-controls and friends. */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/** The page's CSRF token, sent with every request that changes something. */
export function csrfToken(form: HTMLFormElement | null = null): string {
  const field = (form ?? document).querySelector<HTMLInputElement>('input[name="_csrf"]');
  return field?.value ?? '';
}

/** Tells listeners on the form (autosave, backup) that a field changed from code rather than typing. */
export function announceChange(field: HTMLElement): void {
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Calls `fn` once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
