import { toPersianDigits } from '../platform/persian/digits.js';
import { announceChange, csrfToken, h } from './dom.js';
import { type MediaItem, pickImage } from './image-picker.js';

/**
 * Turns a `[data-image-picker-for]` button into a cover-image chooser: the chosen image's id goes into
 * the hidden input the button names, and a thumbnail with its alt text into `[data-cover-preview]`,
 * with a «حذف» button that clears both.
 */
export function enhanceCoverPicker(button: HTMLButtonElement): void {
  const input = document.getElementById(button.dataset.imagePickerFor ?? '');
  const mediaUrl = button.dataset.mediaUrl;
  if (!(input instanceof HTMLInputElement) || !mediaUrl) return;
  const preview = (input.form ?? document).querySelector<HTMLElement>('[data-cover-preview]');
  let shownId = input.value;

  const removeButton = () => {
    const remove = h(
      'button',
      { type: 'button', class: 'nr-button nr-button--danger', 'data-cover-remove': true },
      'حذف',
    );
    return remove;
  };
  const show = (...content: Node[]) => {
    shownId = input.value;
    preview?.replaceChildren(...content);
  };
  const choose = (item: MediaItem) => {
    input.value = String(item.id);
    show(
      h('img', {
        src: item.thumbUrl,
        alt: item.alt,
        width: item.width,
        height: item.height,
        class: 'nr-cover__image',
      }),
      h('span', { class: 'nr-cover__alt' }, item.alt),
      removeButton(),
    );
    announceChange(input);
  };

  if (preview && input.value !== '' && !preview.querySelector('[data-cover-remove]'))
    preview.append(removeButton());
  preview?.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-cover-remove]')) return;
    input.value = '';
    show();
    announceChange(input);
    button.focus();
  });
  // A restored draft may bring back another image id than the one shown; say so rather than lie.
  input.addEventListener('input', () => {
    if (input.value === shownId) return;
    if (input.value === '') show();
    else
      show(
        h('span', { class: 'nr-cover__alt' }, `تصویر شمارهٔ ${toPersianDigits(input.value)}`),
        removeButton(),
      );
  });
  button.addEventListener('click', async () => {
    const item = await pickImage({
      mediaUrl,
      uploadUrl: button.dataset.uploadUrl,
      csrfToken: csrfToken(input.form),
    });
    if (item) choose(item);
  });
}
