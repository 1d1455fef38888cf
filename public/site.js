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
