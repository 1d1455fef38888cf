import { announceChange, debounce, h, uniqueId } from './dom.js';
import { RequestError, requestJson } from './json-request.js';
import { finishedTags, lastTag, replaceLastTag } from './tag-list.js';

interface TagSuggestion {
  slug: string;
  name: string;
}

const SUGGEST_DELAY_MS = 200;

/**
 * Adds suggestions to the comma-separated tags field, following the WAI-ARIA combobox pattern: the
 * input stays the focus, arrows move through a listbox of matching tags, Enter picks one (replacing
 * the tag being typed) and Escape closes the list. Without JavaScript the field is still plain text.
 */
export function enhanceTagInput(input: HTMLInputElement): void {
  const suggestUrl = input.dataset.suggestUrl;
  if (!suggestUrl) return;
  const listId = uniqueId('nr-tag-list');
  const list = h('ul', {
    id: listId,
    class: 'nr-suggest',
    role: 'listbox',
    'aria-label': 'برچسب‌های پیشنهادی',
    hidden: true,
  });
  const wrapper = h('div', { class: 'nr-suggest-anchor' });
  input.before(wrapper);
  wrapper.append(input, list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let items: TagSuggestion[] = [];
  let active = -1;
  let request: AbortController | null = null;

  const setActive = (index: number) => {
    active = index;
    for (const [i, option] of Array.from(list.children).entries()) {
      option.setAttribute('aria-selected', String(i === index));
    }
    const option = list.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const choose = (item: TagSuggestion) => {
    input.value = replaceLastTag(input.value, item.name);
    close();
    announceChange(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  };
  const show = (suggestions: TagSuggestion[]) => {
    const taken = new Set(finishedTags(input.value));
    items = suggestions.filter((item) => !taken.has(item.name));
    list.replaceChildren(
      ...items.map((item, i) => {
        const option = h(
          'li',
          { id: `${listId}-${i}`, role: 'option', class: 'nr-suggest__option', 'aria-selected': 'false' },
          item.name,
        );
        // mousedown, not click: the input must keep focus, or blur would close the list first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(item);
        });
        return option;
      }),
    );
    if (items.length === 0) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };

  const suggest = debounce(async () => {
    const query = lastTag(input.value);
    request?.abort();
    if (query === '') return close();
    const controller = new AbortController();
    request = controller;
    const url = new URL(suggestUrl, window.location.href);
    url.searchParams.set('q', query);
    try {
      const body = await requestJson<{ items: TagSuggestion[] }>(url.href, { signal: controller.signal });
      if (!controller.signal.aborted) show(body.items);
    } catch (error) {
      if (controller.signal.aborted) return;
      // Suggestions are optional help; the writer can go on typing tags by hand.
      if (error instanceof RequestError) console.warn('khabar: tag suggestions failed', error.message);
      else throw error;
    }
  }, SUGGEST_DELAY_MS);

  input.addEventListener('input', (event) => {
    // Our own announceChange after a choice is not typing.
    if (event.isTrusted) suggest();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && items.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + items.length + (active < 0 && step < 0 ? 1 : 0)) % items.length);
    } else if (event.key === 'Enter' && open && active >= 0) {
      // Picking a tag must not submit the article form.
      event.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
}
