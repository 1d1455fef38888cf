import { announceChange, debounce, h } from './dom.js';
import { backupFields, DraftStore, type Fields, shouldOfferRestore } from './draft-backup.js';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isControl(element: Element): element is Control {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  );
}

function currentFields(form: HTMLFormElement): Fields {
  return backupFields(new FormData(form));
}

// Puts saved values back into the form's controls. A name seen several times fills its controls in
// order; checkboxes and radios are checked exactly when their value was saved.
function restoreFields(form: HTMLFormElement, fields: Fields): void {
  const values = new Map<string, string[]>();
  for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value]);
  const used = new Map<string, number>();
  for (const element of Array.from(form.elements)) {
    if (!isControl(element) || element.name === '' || element.type === 'file') continue;
    const saved = values.get(element.name);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = saved?.includes(element.value) ?? false;
    } else if (saved !== undefined) {
      const index = used.get(element.name) ?? 0;
      used.set(element.name, index + 1);
      element.value = saved[index] ?? saved[0] ?? '';
    } else {
      continue;
    }
    announceChange(element);
  }
}

/**
 * Keeps a copy of the article form in this browser after every change, so a crash, a closed tab or an
 * expired session loses nothing; on load it offers an unsaved copy back. Plain submits cannot report
 * success to the page, so a backup made stale by a later save is recognised (and dropped) on the next
 * load instead.
 */
export class LocalBackup {
  private readonly store: DraftStore;
  private readonly revisionField: HTMLInputElement | null;
  readonly saveSoon: () => void;

  constructor(private readonly form: HTMLFormElement) {
    this.store = new DraftStore(safeLocalStorage());
    this.revisionField = form.querySelector<HTMLInputElement>('input[name="revision"]');
    this.saveSoon = debounce(() => this.save(), 400);
  }

  get draftKey(): string | undefined {
    return this.form.dataset.draftKey;
  }

  save(): void {
    const key = this.draftKey;
    if (key === undefined) return;
    this.store.write(key, {
      savedAt: new Date().toISOString(),
      baseRevision: this.revisionField?.value ?? '',
      fields: currentFields(this.form),
    });
  }

  clear(key = this.draftKey): void {
    if (key !== undefined) this.store.remove(key);
  }

  /** Shows the restore bar if this browser holds unsaved work newer than the page; drops a stale copy. */
  offerRestore(): void {
    const key = this.draftKey;
    if (key === undefined) return;
    const backup = this.store.read(key);
    if (backup === null) return;
    if (!shouldOfferRestore(backup, currentFields(this.form), this.revisionField?.value ?? '')) {
      this.clear(key);
      return;
    }
    const restore = h('button', { type: 'button', class: 'nr-button nr-button--primary' }, 'بازگرداندن');
    const discard = h('button', { type: 'button', class: 'nr-button' }, 'دور انداختن');
    const bar = h(
      'div',
      { class: 'nr-restore', role: 'region', 'aria-label': 'نسخهٔ ذخیره‌نشده' },
      h('p', { class: 'nr-restore__text' }, 'نسخهٔ ذخیره‌نشده‌ای از این مطلب در این مرورگر هست.'),
      restore,
      discard,
    );
    restore.addEventListener('click', () => {
      restoreFields(this.form, backup.fields);
      bar.remove();
    });
    discard.addEventListener('click', () => {
      this.clear(key);
      bar.remove();
    });
    this.form.prepend(bar);
  }
}

// Reading `localStorage` itself throws when storage is blocked by the browser's settings.
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch (error) {
    console.warn('khabar: local storage is not available; drafts are not backed up here', error);
    return null;
  }
}
