import { messageLine, openDialog } from './dialog.js';
import { h, uniqueId } from './dom.js';
import { normalizeLinkHref } from './link-href.js';

export type LinkChoice = { href: string } | { remove: true } | null;

/**
 * Asks for a link target in a small dialog (window.prompt cannot be styled, labelled or kept RTL).
 * Resolves with the checked href, with `{ remove: true }` when the writer removes an existing link,
 * or with null when the dialog is dismissed.
 */
export function askForLink(currentHref: string): Promise<LinkChoice> {
  return new Promise((resolve) => {
    let choice: LinkChoice = null;
    const inputId = uniqueId('nr-link-url');
    const input = h('input', {
      id: inputId,
      type: 'text',
      dir: 'ltr',
      inputmode: 'url',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'https://',
      value: currentHref,
    });
    const message = messageLine();
    const remove =
      currentHref === ''
        ? null
        : h('button', { type: 'button', class: 'nr-button nr-button--danger' }, 'برداشتن پیوند');
    const form = h(
      'form',
      { class: 'nr-dialog__body nr-link-form', novalidate: true },
      h('label', { for: inputId, class: 'nr-label' }, 'نشانی پیوند'),
      input,
      h('p', { class: 'nr-hint' }, 'نشانی کامل با https:// یا نشانی درون سایت مثل /news/123'),
      message.element,
      h(
        'div',
        { class: 'nr-dialog__actions' },
        h('button', { type: 'submit', class: 'nr-button nr-button--primary' }, 'ثبت پیوند'),
        remove,
      ),
    );
    const { close } = openDialog('پیوند', form, () => resolve(choice));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const href = normalizeLinkHref(input.value);
      if (href === null) {
        input.setAttribute('aria-invalid', 'true');
        message.show('این نشانی پذیرفته نیست؛ فقط نشانی‌های http، https، mailto یا درون سایت.', true);
        input.focus();
        return;
      }
      choice = { href };
      close();
    });
    remove?.addEventListener('click', () => {
      choice = { remove: true };
      close();
    });
    input.select();
  });
}
