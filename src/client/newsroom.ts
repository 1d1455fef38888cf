// The newsroom's one script. Every page works without it; it adds comfort.
import { startAutosave } from './autosave.js';
import { enhanceCoverPicker } from './cover-image.js';
import { enhanceDateInput, enhanceTimeInput } from './jalali-picker.js';
import { LocalBackup } from './local-backup.js';
import { enhanceTagInput } from './tag-input.js';
import { countWords, wordCountText } from './word-count.js';

function confirmDangerousActions(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const question = form.dataset.confirm;
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
  } catch (error) {
    console.error('khabar: the rich editor could not start; the plain text box stays', error);
  }
}

async function enhanceArticleForm(form: HTMLFormElement): Promise<void> {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-tag-input]'))
    enhanceTagInput(input);
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[data-image-picker-for]')) {
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
