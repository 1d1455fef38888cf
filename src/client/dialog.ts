import { h, uniqueId } from './dom.js';

export interface OpenDialog {
  dialog: HTMLDialogElement;
  close: () => void;
}

/**
 * Opens a modal `<dialog>` titled `title` around `content`. The native dialog traps focus and closes on
 * Escape; when it closes for any reason it is removed, `onClose` runs and focus goes back to where it
 * was. The dialog is appended to `<body>`, never inside the article form, so its fields are not sent.
 */
export function openDialog(title: string, content: Node, onClose: () => void = () => {}): OpenDialog {
  const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = uniqueId('nr-dialog-title');
  const closeButton = h('button', { type: 'button', class: 'nr-dialog__close', 'aria-label': 'بستن' }, '×');
  const dialog = h(
    'dialog',
    { class: 'nr-dialog', dir: 'rtl', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'nr-dialog__head' },
      h('h2', { id: titleId, class: 'nr-dialog__title' }, title),
      closeButton,
    ),
    content,
  );
  const close = () => {
    if (dialog.open) dialog.close();
  };
  closeButton.addEventListener('click', close);
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose();
    returnFocusTo?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close };
}

/** A line for errors and progress inside a dialog, read out by screen readers as it changes. */
export function messageLine(): { element: HTMLElement; show: (text: string, isError?: boolean) => void } {
  const element = h('p', { class: 'nr-dialog__message', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    show: (text, isError = false) => {
      element.textContent = text;
      element.classList.toggle('nr-dialog__message--error', isError);
    },
  };
}
