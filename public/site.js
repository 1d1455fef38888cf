// Progressive enhancement only: every page works without this file.
for (const button of document.querySelectorAll('[data-copy-button]')) {
  const field = button.parentElement?.querySelector('[data-copy-source]');
  if (!field || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = 'کپی شد';
    } catch {
      field.select();
    }
  });
}

// The phone's own share sheet (Telegram, Eitaa, Bale… whatever the reader has), where the browser offers it.
for (const button of document.querySelectorAll('[data-web-share]')) {
  if (typeof navigator.share !== 'function') continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(() => {
      // The reader closed the sheet; nothing to do.
    });
  });
}
