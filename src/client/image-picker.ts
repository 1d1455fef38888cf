import { messageLine, openDialog } from './dialog.js';
import { h, uniqueId } from './dom.js';
import { RequestError, requestJson } from './json-request.js';

export interface MediaItem {
  id: number | string;
  url: string;
  thumbUrl: string;
  width: number | null;
  height: number | null;
  alt: string;
  /** null when the library has none. */
  caption: string | null;
  credit: string | null;
}

export interface MediaEndpoints {
  mediaUrl: string;
  /** Absent when the page offers no upload; the dialog then only lists the library. */
  uploadUrl: string | undefined;
  csrfToken: string;
}

interface MediaPage {
  items: MediaItem[];
  nextCursor: string | number | null;
}

function pageUrl(mediaUrl: string, query: string, cursor: string | null): string {
  const url = new URL(mediaUrl, window.location.href);
  url.searchParams.set('q', query);
  if (cursor !== null) url.searchParams.set('cursor', cursor);
  return url.href;
}

function field(label: string, control: HTMLInputElement): HTMLElement {
  control.id = uniqueId('nr-upload');
  return h('div', { class: 'nr-field' }, h('label', { for: control.id }, label), control);
}

function uploadForm(endpoints: MediaEndpoints, onUploaded: (item: MediaItem) => void): HTMLElement {
  const file = h('input', { type: 'file', name: 'file', accept: 'image/*', required: true });
  const alt = h('input', { type: 'text', name: 'alt', required: true, maxlength: 300 });
  const credit = h('input', { type: 'text', name: 'credit', required: true, maxlength: 200 });
  const caption = h('input', { type: 'text', name: 'caption', maxlength: 500 });
  const submit = h('button', { type: 'submit', class: 'nr-button nr-button--primary' }, 'بارگذاری و انتخاب');
  const message = messageLine();
  const form = h(
    'form',
    { class: 'nr-upload' },
    field('پرونده تصویر', file),
    field('متن جایگزین (برای نابینایان، الزامی)', alt),
    field('منبع یا عکاس (الزامی)', credit),
    field('زیرنویس', caption),
    message.element,
    h('div', { class: 'nr-dialog__actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!endpoints.uploadUrl || !chosen) return;
    // The server checks the token before it reads the upload, so it has to come first.
    const body = new FormData();
    body.append('_csrf', endpoints.csrfToken);
    body.append('alt', alt.value);
    body.append('credit', credit.value);
    body.append('caption', caption.value);
    body.append('file', chosen);
    submit.disabled = true;
    message.show('در حال بارگذاری…');
    try {
      const { item } = await requestJson<{ item: MediaItem }>(endpoints.uploadUrl, {
        method: 'POST',
        body,
        headers: { 'x-csrf-token': endpoints.csrfToken },
      });
      onUploaded(item);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      message.show(error.message, true);
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', { class: 'nr-upload-box' }, h('summary', {}, 'بارگذاری تصویر تازه'), form);
}

/**
 * Opens the image library in a dialog: search, page through with «بیشتر», or upload a new image.
 * Resolves with the chosen (or just uploaded) image, or null if the dialog is closed.
 */
export function pickImage(endpoints: MediaEndpoints): Promise<MediaItem | null> {
  return new Promise((resolve) => {
    let chosen: MediaItem | null = null;
    let cursor: string | null = null;
    let query = '';
    let loading: AbortController | null = null;

    const searchId = uniqueId('nr-media-search');
    const search = h('input', { id: searchId, type: 'search', autocomplete: 'off' });
    const searchForm = h(
      'form',
      { class: 'nr-media-search', role: 'search' },
      h('label', { for: searchId, class: 'nr-label' }, 'جست‌وجو در تصویرها'),
      search,
      h('button', { type: 'submit', class: 'nr-button' }, 'جست‌وجو'),
    );
    const grid = h('ul', { class: 'nr-media-grid', 'aria-label': 'تصویرها' });
    const more = h('button', { type: 'button', class: 'nr-button', hidden: true }, 'بیشتر');
    const message = messageLine();
    const choose = (item: MediaItem) => {
      chosen = item;
      close();
    };
    const body = h(
      'div',
      { class: 'nr-dialog__body nr-media-picker' },
      searchForm,
      message.element,
      grid,
      more,
    );
    if (endpoints.uploadUrl) body.append(uploadForm(endpoints, choose));
    const { close } = openDialog('انتخاب تصویر', body, () => {
      loading?.abort();
      resolve(chosen);
    });

    const render = (item: MediaItem) => {
      const button = h(
        'button',
        { type: 'button', class: 'nr-media-item' },
        h('img', { src: item.thumbUrl, alt: '', loading: 'lazy', width: item.width, height: item.height }),
        h('span', { class: 'nr-media-item__alt' }, item.alt || 'بدون متن جایگزین'),
      );
      button.addEventListener('click', () => choose(item));
      grid.append(h('li', {}, button));
    };

    const load = async (append: boolean) => {
      loading?.abort();
      const controller = new AbortController();
      loading = controller;
      message.show('در حال بارگذاری…');
      try {
        const page = await requestJson<MediaPage>(
          pageUrl(endpoints.mediaUrl, query, append ? cursor : null),
          {
            signal: controller.signal,
          },
        );
        if (!append) grid.replaceChildren();
        const firstNew = grid.children.length;
        page.items.forEach(render);
        cursor = page.nextCursor === null || page.nextCursor === undefined ? null : String(page.nextCursor);
        more.hidden = cursor === null;
        message.show(grid.children.length === 0 ? 'تصویری پیدا نشد.' : '');
        // After «بیشتر», move focus to the first new image so keyboard users carry on from there.
        if (append) grid.children[firstNew]?.querySelector('button')?.focus();
      } catch (error) {
        if (controller.signal.aborted) return;
        if (!(error instanceof RequestError)) throw error;
        message.show(error.message, true);
      }
    };

    searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      query = search.value.trim();
      void load(false);
    });
    more.addEventListener('click', () => void load(true));
    search.focus();
    void load(false);
  });
}

/** The caption a body image gets: the library's caption, with the photo credit after it. */
export function figureCaption(item: MediaItem): string {
  const by = item.credit?.trim() ?? '';
  const credit = by === '' ? '' : `عکس: ${by}`;
  return [item.caption?.trim() ?? '', credit].filter((part) => part !== '').join('؛ ');
}
