import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { toPersianDigits } from '../platform/persian/digits.js';
import { announceChange, csrfToken, h } from './dom.js';
import { RequestError, requestJson } from './json-request.js';
import {
  ruleDescription,
  type TypographyResult,
  type TypographySuggestion,
  textBlocks,
} from './typography-blocks.js';

// The «ویرایش نگارشی» assistant of the article editor. It sends the surtitle, title, lead and every
// text block of the body to the server, marks each suggestion in the body with a decoration (the
// document itself is not touched until the writer applies one), lists the fields' suggestions under
// the button, and applies them one by one or all at once. Decorations follow the writer's typing;
// a suggestion whose text changed meanwhile is dropped instead of applied to the wrong words.

interface BodySpec {
  id: number;
  original: string;
  replacement: string;
  rule: string;
}

const marksKey = new PluginKey<DecorationSet>('typography-marks');
const FIELDS = [
  ['surtitle', 'روتیتر'],
  ['title', 'تیتر'],
  ['lead', 'لید'],
] as const;

const TEXT = {
  button: 'ویرایش نگارشی',
  asking: 'در حال بررسی نگارش…',
  none: 'نکته‌ای برای اصلاح پیدا نشد.',
  count: (n: number) =>
    `${toPersianDigits(n)} پیشنهاد نگارشی؛ روی هر نشانه بزنید تا اعمال یا نادیده گرفته شود.`,
  allDone: 'همهٔ پیشنهادها اعمال شد.',
  remaining: (n: number) => `${toPersianDigits(n)} پیشنهاد مانده است.`,
  stale: 'این بخش از متن پس از بررسی تغییر کرده است؛ دوباره «ویرایش نگارشی» را بزنید.',
  failed: (message: string) => `ویرایش نگارشی انجام نشد: ${message}`,
};

function marksPlugin(onMarkClick: (view: EditorView, decoration: Decoration) => void): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: marksKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => (tr.getMeta(marksKey) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
    },
    props: {
      decorations: (state) => marksKey.getState(state),
      handleClick(view, pos) {
        const [decoration] = marksKey.getState(view.state)?.find(pos, pos) ?? [];
        if (!decoration) return false;
        onMarkClick(view, decoration);
        return true;
      },
    },
  });
}

function bodyDecoration(
  from: number,
  suggestion: TypographySuggestion,
  id: number,
  original: string,
): Decoration {
  const spec: BodySpec = { id, original, replacement: suggestion.replacement, rule: suggestion.rule };
  return Decoration.inline(
    from + suggestion.start,
    from + suggestion.end,
    {
      class: 'nr-typo-mark',
      'data-typo-id': String(id),
      title: `${ruleDescription(suggestion.rule)}: ${suggestion.replacement}`,
    },
    spec,
  );
}

interface FieldSuggestion extends TypographySuggestion {
  field: HTMLInputElement | HTMLTextAreaElement;
  original: string;
  row: HTMLElement;
}

/** Mounts the assistant's bar under the editor's toolbar. */
export function mountTypographyAssistant(editor: Editor, wrapper: HTMLElement, url: string): void {
  const form = wrapper.closest('form');
  const status = h('span', { class: 'nr-typo-bar__status', role: 'status', 'aria-live': 'polite' });
  const askButton = h('button', { type: 'button', class: 'nr-button nr-typo-bar__ask' }, TEXT.button);
  const nextButton = h('button', { type: 'button', class: 'nr-button', hidden: true }, 'پیشنهاد بعدی');
  const applyAllButton = h('button', { type: 'button', class: 'nr-button', hidden: true }, 'اعمال همه');
  const clearButton = h(
    'button',
    { type: 'button', class: 'nr-button nr-typo-ignore', hidden: true },
    'پایان',
  );
  // Unlabelled on purpose: each row names its field, and a list labelled with the fields' names would be
  // found, by assistive technology and tests alike, as if it were one of those fields.
  const fieldList = h('ul', { class: 'nr-typo-fields' });
  const bar = h(
    'div',
    { class: 'nr-typo-bar' },
    h('div', { class: 'nr-typo-bar__actions' }, askButton, nextButton, applyAllButton, clearButton, status),
    fieldList,
  );
  wrapper.querySelector('.nr-toolbar')?.after(bar);
  let fieldSuggestions: FieldSuggestion[] = [];
  let popover: { element: HTMLElement; returnTo: HTMLElement | undefined } | undefined;
  // Where «پیشنهاد بعدی» continues from: the position of the mark it showed last.
  let lastShown = -1;

  const bodyMarks = () => marksKey.getState(editor.state)?.find() ?? [];
  const setMarks = (set: DecorationSet) => editor.view.dispatch(editor.state.tr.setMeta(marksKey, set));
  const remaining = () => bodyMarks().length + fieldSuggestions.length;

  const refresh = (message?: string) => {
    const left = remaining();
    applyAllButton.hidden = left === 0;
    nextButton.hidden = bodyMarks().length === 0;
    clearButton.hidden = left === 0 && fieldList.childElementCount === 0;
    status.textContent = message ?? (left > 0 ? TEXT.remaining(left) : TEXT.allDone);
  };

  /** Closes the popover; focus goes back where the writer came from (the editor or «پیشنهاد بعدی»). */
  const closePopover = (refocus = true) => {
    const closing = popover;
    popover = undefined;
    closing?.element.remove();
    if (!refocus) return;
    if (closing?.returnTo && !closing.returnTo.hidden) closing.returnTo.focus();
    else editor.commands.focus();
  };

  // The popover holds the mark's id, not the decoration: typing moves decorations to new objects.
  const markById = (id: number) => bodyMarks().find((d) => (d.spec as BodySpec).id === id);

  /** Applies one body suggestion if its text is still what was checked; returns whether it did. */
  const applyBody = (decoration: Decoration): boolean => {
    const spec = decoration.spec as BodySpec;
    const current = editor.state.doc.textBetween(decoration.from, decoration.to, '\n');
    const set = marksKey.getState(editor.state) ?? DecorationSet.empty;
    const tr = editor.state.tr.setMeta(marksKey, set.remove([decoration]));
    if (current === spec.original) tr.insertText(spec.replacement, decoration.from, decoration.to);
    editor.view.dispatch(tr);
    return current === spec.original;
  };

  const ignoreBody = (decoration: Decoration) => {
    setMarks((marksKey.getState(editor.state) ?? DecorationSet.empty).remove([decoration]));
  };

  const openPopover = (view: EditorView, decoration: Decoration, returnTo?: HTMLElement) => {
    closePopover(false);
    const spec = decoration.spec as BodySpec;
    lastShown = decoration.from;
    const apply = h('button', { type: 'button', class: 'nr-button' }, 'اعمال');
    const ignore = h('button', { type: 'button', class: 'nr-button nr-typo-ignore' }, 'نادیده');
    const element = h(
      'div',
      { class: 'nr-typo-popover', role: 'group', 'aria-label': 'پیشنهاد نگارشی', dir: 'rtl' },
      h('p', { class: 'nr-typo-popover__rule' }, ruleDescription(spec.rule)),
      h(
        'p',
        { class: 'nr-typo-popover__change' },
        h('del', {}, spec.original),
        ' ← ',
        h('ins', {}, spec.replacement),
      ),
      h('div', { class: 'nr-typo-popover__actions' }, apply, ignore),
    );
    apply.addEventListener('click', () => {
      const current = markById(spec.id);
      const applied = current ? applyBody(current) : false;
      refresh(applied ? undefined : TEXT.stale);
      closePopover();
    });
    ignore.addEventListener('click', () => {
      const current = markById(spec.id);
      if (current) ignoreBody(current);
      refresh();
      closePopover();
    });
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closePopover();
    });
    wrapper.append(element);
    // Under the word, its right edge at the word's start (the text runs right to left), kept inside
    // the editor; on a phone the stylesheet spans it across the editor instead.
    const at = view.coordsAtPos(decoration.from);
    const box = wrapper.getBoundingClientRect();
    element.style.top = `${at.bottom - box.top + 6}px`;
    element.style.right = `${Math.max(0, Math.min(box.right - at.right, box.width - element.offsetWidth))}px`;
    popover = { element, returnTo };
    apply.focus();
  };

  const applyField = (suggestion: FieldSuggestion): boolean => {
    const { field, start, end, original, replacement } = suggestion;
    fieldSuggestions = fieldSuggestions.filter((s) => s !== suggestion);
    suggestion.row.remove();
    if (field.value.slice(start, end) !== original) return false;
    field.value = field.value.slice(0, start) + replacement + field.value.slice(end);
    // Later suggestions in the same field move by the change in length.
    const shift = replacement.length - (end - start);
    for (const other of fieldSuggestions) {
      if (other.field === field && other.start >= end) {
        other.start += shift;
        other.end += shift;
      }
    }
    announceChange(field);
    return true;
  };

  const fieldRow = (suggestion: Omit<FieldSuggestion, 'row'>, label: string): FieldSuggestion => {
    const apply = h('button', { type: 'button', class: 'nr-button' }, 'اعمال');
    const ignore = h('button', { type: 'button', class: 'nr-button nr-typo-ignore' }, 'نادیده');
    const row = h(
      'li',
      { class: 'nr-typo-fields__item' },
      h('span', { class: 'nr-typo-fields__label' }, `${label}:`),
      h('span', {}, h('del', {}, suggestion.original), ' ← ', h('ins', {}, suggestion.replacement)),
      h('span', { class: 'nr-typo-fields__rule' }, ruleDescription(suggestion.rule)),
      apply,
      ignore,
    );
    const full: FieldSuggestion = { ...suggestion, row };
    apply.addEventListener('click', () => {
      refresh(applyField(full) ? undefined : TEXT.stale);
    });
    ignore.addEventListener('click', () => {
      fieldSuggestions = fieldSuggestions.filter((s) => s !== full);
      row.remove();
      refresh();
    });
    return full;
  };

  const show = (
    fields: (HTMLInputElement | HTMLTextAreaElement | null)[],
    results: TypographyResult[],
    blocks: { from: number; text: string }[],
  ) => {
    fieldList.replaceChildren();
    fieldSuggestions = [];
    fields.forEach((field, i) => {
      if (!field) return;
      const label = FIELDS[i]?.[1] ?? '';
      for (const s of results[i]?.suggestions ?? []) {
        const suggestion = fieldRow({ ...s, field, original: field.value.slice(s.start, s.end) }, label);
        fieldSuggestions.push(suggestion);
        fieldList.append(suggestion.row);
      }
    });
    let id = 0;
    const decorations = blocks.flatMap((block, i) =>
      (results[fields.length + i]?.suggestions ?? []).map((s) =>
        bodyDecoration(block.from, s, ++id, block.text.slice(s.start, s.end)),
      ),
    );
    setMarks(DecorationSet.create(editor.state.doc, decorations));
    lastShown = -1;
    const count = remaining();
    refresh(count > 0 ? TEXT.count(count) : TEXT.none);
  };

  askButton.addEventListener('click', async () => {
    closePopover(false);
    const fields = FIELDS.map(
      ([name]) => form?.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`) ?? null,
    );
    const blocks = textBlocks(editor.state.doc);
    const docAtAsk = editor.state.doc;
    askButton.disabled = true;
    status.textContent = TEXT.asking;
    try {
      const { results } = await requestJson<{ results: TypographyResult[] }>(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken(form) },
        body: JSON.stringify({ texts: [...fields.map((f) => f?.value ?? ''), ...blocks.map((b) => b.text)] }),
      });
      // Typing during the request moved the text under the offsets: ask again rather than mark wrong words.
      if (editor.state.doc !== docAtAsk) {
        status.textContent = TEXT.stale;
        return;
      }
      show(fields, results, blocks);
    } catch (error) {
      status.textContent = TEXT.failed(error instanceof RequestError ? error.message : String(error));
    } finally {
      askButton.disabled = false;
    }
  });

  // The marks cannot take keyboard focus inside the editable text, so this steps through them.
  nextButton.addEventListener('click', () => {
    const marks = [...bodyMarks()].sort((a, b) => a.from - b.from);
    const target = marks.find((d) => d.from > lastShown) ?? marks[0];
    if (!target) return;
    editor.chain().setTextSelection(target.from).scrollIntoView().run();
    openPopover(editor.view, target, nextButton);
  });

  applyAllButton.addEventListener('click', () => {
    closePopover(false);
    // From the end backwards, so each replacement leaves the positions before it where they were.
    const marks = [...bodyMarks()].sort((a, b) => b.from - a.from);
    let stale = 0;
    const tr = editor.state.tr.setMeta(marksKey, DecorationSet.empty);
    for (const decoration of marks) {
      const spec = decoration.spec as BodySpec;
      if (tr.doc.textBetween(decoration.from, decoration.to, '\n') === spec.original) {
        tr.insertText(spec.replacement, decoration.from, decoration.to);
      } else stale++;
    }
    editor.view.dispatch(tr);
    for (const suggestion of [...fieldSuggestions].sort((a, b) => b.start - a.start)) {
      if (!applyField(suggestion)) stale++;
    }
    refresh(stale > 0 ? TEXT.stale : TEXT.allDone);
  });

  clearButton.addEventListener('click', () => {
    closePopover(false);
    setMarks(DecorationSet.empty);
    fieldSuggestions = [];
    fieldList.replaceChildren();
    refresh('');
  });

  editor.registerPlugin(marksPlugin(openPopover));
}
