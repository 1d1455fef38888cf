// The newsroom's one script. Every page works without it; it adds comfort.

import { countWords, wordCountText } from '../platform/persian/words.js';
import { startAutosave } from './autosave.js';
import { enhanceCoverPicker } from './cover-image.js';
import { enhanceDateInput, enhanceTimeInput } from './jalali-picker.js';
import { LocalBackup } from './local-backup.js';
import { enhanceTagInput } from './tag-input.js';

function confirmDangerousActions(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    // A button with its own formaction (e.g. «برداشتن از سایت») asks its own question.
    const question = event.submitter?.dataset.confirm ?? form.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
}

// Tiptap is most of the bundle's weight and only the article form needs it, so it is a separate chunk
// fetched here. If it fails to load, the plain textarea stays and still submits the body.
async function mountRichEditors(form: HTMLFormElement): Promise<void> {
  const textareas = form.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich-editor]');
  if (textareas.length === 0) return;
  const wordCount = form.querySelector<HTMLElement>('[data-word-count]');
  const showWordCount = (text: string) => {
    if (wordCount) wordCount.textContent = wordCountText(countWords(text));
  };
  try {
    const { mountRichEditor } = await import('./editor.js');
    for (const textarea of textareas) mountRichEditor(textarea, showWordCount);
    // The hint about typing HTML is for the plain box only.
    for (const hint of form.querySelectorAll<HTMLElement>('[data-plain-editor-hint]')) hint.hidden = true;
  } catch (error) {
    console.error('khabar: the rich editor could not start; the plain text box stays', error);
  }
}

async function enhanceArticleForm(form: HTMLFormElement): Promise<void> {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-tag-input]'))
    enhanceTagInput(input);
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[data-image-picker-for]')) {
    // Without the script the desk types the image's number; with it, the picker replaces that box.
    const input = document.getElementById(button.dataset.imagePickerFor ?? '');
    if (input instanceof HTMLInputElement && input.type === 'text') {
      input.hidden = true;
      for (const label of input.labels ?? []) if (label.classList.contains('nr-hint')) label.hidden = true;
    }
    button.hidden = false;
    enhanceCoverPicker(button);
  }
  // The backup is offered after the editor exists, so restoring the body reaches the editor too.
  await mountRichEditors(form);
  const backup = new LocalBackup(form);
  backup.offerRestore();
  startAutosave(form, backup);
}

confirmDangerousActions();
for (const input of document.querySelectorAll<HTMLInputElement>('input[data-jalali-date]'))
  enhanceDateInput(input);
for (const input of document.querySelectorAll<HTMLInputElement>('input[data-time]')) enhanceTimeInput(input);
const articleForm = document.getElementById('article-form');
if (articleForm instanceof HTMLFormElement) void enhanceArticleForm(articleForm);
