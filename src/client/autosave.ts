import { RequestError, requestJson } from './json-request.js';
import type { LocalBackup } from './local-backup.js';

interface AutosaveResponse {
  savedAtText: string;
  newsCode: number | string;
  editUrl: string;
  autosaveUrl: string;
  revision: string;
}

type StatusState = 'dirty' | 'saving' | 'saved' | 'quiet' | 'error' | 'conflict';

const AUTOSAVE_DELAY_MS = 5000;
// Browsers refuse keepalive requests with bodies over 64 KiB; longer articles are sent without it.
const KEEPALIVE_LIMIT = 60_000;

const TEXT = {
  dirty: 'تغییرات هنوز ذخیره نشده است.',
  saving: 'در حال ذخیره…',
  needsTitle: 'برای ذخیرهٔ خودکار، تیتر بنویسید',
  failed: (message: string) => `ذخیرهٔ خودکار انجام نشد: ${message}`,
};

/**
 * Saves the article form in the background 5 seconds after the last change and when the tab is hidden,
 * keeps the local backup current, and warns before leaving with unsaved changes. The first autosave of
 * a new article creates it, so the form is pointed at the article's edit URL from then on.
 *
 * Reads the form's `action` attribute rather than `form.action`: the submit buttons are named `action`,
 * and a control's name shadows the form property of the same name.
 */
export function startAutosave(form: HTMLFormElement, backup: LocalBackup): void {
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const revisionField = form.querySelector<HTMLInputElement>('input[name="revision"]');
  const titleField = form.querySelector<HTMLInputElement>('[name="title"]');
  let changes = 0;
  let savedChanges = 0;
  let inFlight = false;
  let stopped = false;
  let leaving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (state: StatusState, text: string) => {
    if (!status) return;
    status.dataset.state = state;
    if (status.textContent !== text) status.textContent = text;
  };

  const schedule = () => {
    clearTimeout(timer);
    if (form.dataset.autosaveUrl && !stopped && !leaving) timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  };

  async function save(): Promise<void> {
    clearTimeout(timer);
    const url = form.dataset.autosaveUrl;
    if (!url || inFlight || stopped || leaving || changes === savedChanges) return;
    inFlight = true;
    const startedAt = changes;
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') body.append(name, value);
    }
    const text = body.toString();
    show('saving', TEXT.saving);
    try {
      const saved = await requestJson<AutosaveResponse>(url, {
        method: 'POST',
        body: text,
        keepalive: text.length < KEEPALIVE_LIMIT,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-csrf-token': form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '',
        },
      });
      savedChanges = startedAt;
      applySaved(saved);
      show('saved', saved.savedAtText);
      if (changes !== savedChanges) schedule();
    } catch (error) {
      showFailure(error);
    } finally {
      inFlight = false;
    }
  }

  function applySaved(saved: AutosaveResponse): void {
    if (revisionField) revisionField.value = saved.revision;
    const oldKey = backup.draftKey;
    const editUrl = new URL(saved.editUrl, window.location.href);
    if (editUrl.href !== new URL(form.getAttribute('action') ?? '', window.location.href).href) {
      form.setAttribute('action', saved.editUrl);
      form.dataset.autosaveUrl = saved.autosaveUrl;
      form.dataset.draftKey = `article-${saved.newsCode}`;
      window.history.replaceState(null, '', saved.editUrl);
    }
    backup.clear(oldKey);
    // Work typed while the request was out is not on the server yet; keep it backed up.
    if (changes !== savedChanges) backup.save();
  }

  function showFailure(error: unknown): void {
    if (!(error instanceof RequestError)) {
      console.error('khabar: autosave failed', error);
      show('error', TEXT.failed(String(error)));
    } else if (error.status === 409) {
      // Saving over someone else's work would lose it; the writer has to reload and merge by hand.
      stopped = true;
      show('conflict', error.message);
    } else if (error.status === 400 && (titleField?.value.trim() ?? '') === '') {
      show('quiet', TEXT.needsTitle);
    } else {
      show('error', TEXT.failed(error.message));
    }
  }

  const onChange = () => {
    if (leaving) return;
    changes += 1;
    backup.saveSoon();
    if (form.dataset.autosaveUrl && !stopped) {
      if (!inFlight) show('dirty', TEXT.dirty);
      schedule();
    } else if (!stopped) {
      show('dirty', TEXT.dirty);
    }
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden' || changes === savedChanges) return;
    backup.save();
    void save();
  });

  // Listening on window runs after the document-level `data-confirm` handler, so a cancelled submit
  // is seen as cancelled. Submits into another tab (preview) do not leave the page.
  window.addEventListener('submit', (event) => {
    if (event.target !== form || event.defaultPrevented) return;
    const submitter = event.submitter;
    if (submitter?.hasAttribute('formtarget') && submitter.getAttribute('formtarget') !== '_self') return;
    leaving = true;
    clearTimeout(timer);
    backup.save();
  });

  window.addEventListener('beforeunload', (event) => {
    if (leaving || changes === savedChanges) return;
    backup.save();
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  });

  window.addEventListener('pageshow', (event) => {
    // Coming back through the back/forward cache after a submit: the page is live again.
    if (event.persisted) leaving = false;
  });
}
