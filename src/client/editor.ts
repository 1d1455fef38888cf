import { type ChainedCommands, Editor } from '@tiptap/core';
import { Placeholder } from '@tiptap/extension-placeholder';
import { NodeSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { announceChange, csrfToken, h, uniqueId } from './dom.js';
import { Figure } from './figure-node.js';
import { figureCaption, pickImage } from './image-picker.js';
import { askForLink } from './link-dialog.js';
import { normalizeLinkHref } from './link-href.js';
import { mountTypographyAssistant } from './typography.js';

interface ToolbarItem {
  label: string;
  text: string;
  className?: string;
  /** Toggles report their state with aria-pressed. */
  isActive?: (editor: Editor) => boolean;
  isEnabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const chain = (editor: Editor): ChainedCommands => editor.chain().focus();

async function editLink(editor: Editor): Promise<void> {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const choice = await askForLink(current);
  if (choice === null) return;
  if ('remove' in choice) chain(editor).extendMarkRange('link').unsetLink().run();
  else if (editor.state.selection.empty && current === '') {
    // Nothing selected: insert the address itself as the link's text.
    chain(editor)
      .insertContent({
        type: 'text',
        text: choice.href,
        marks: [{ type: 'link', attrs: { href: choice.href } }],
      })
      .run();
  } else chain(editor).extendMarkRange('link').setLink({ href: choice.href }).run();
}

async function insertImage(editor: Editor, textarea: HTMLTextAreaElement): Promise<void> {
  const mediaUrl = textarea.dataset.mediaUrl;
  if (!mediaUrl) return;
  const item = await pickImage({
    mediaUrl,
    uploadUrl: textarea.dataset.uploadUrl,
    csrfToken: csrfToken(textarea.form),
  });
  if (!item) return;
  const figure = {
    src: item.url,
    alt: item.alt,
    width: item.width,
    height: item.height,
    caption: figureCaption(item),
  };
  // With an image (or another block) selected, put the new one after it rather than replacing it.
  const { selection } = editor.state;
  if (selection instanceof NodeSelection) {
    chain(editor).insertContentAt(selection.to, { type: 'figure', attrs: figure }).run();
  } else chain(editor).insertFigure(figure).run();
}

function toolbarGroups(textarea: HTMLTextAreaElement): ToolbarItem[][] {
  const blocks: ToolbarItem[] = [
    {
      label: 'تیتر میانی',
      text: 'تیتر ۲',
      isActive: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => chain(e).toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'تیتر فرعی',
      text: 'تیتر ۳',
      isActive: (e) => e.isActive('heading', { level: 3 }),
      run: (e) => chain(e).toggleHeading({ level: 3 }).run(),
    },
    {
      label: 'بند عادی',
      text: 'متن',
      isActive: (e) => e.isActive('paragraph'),
      run: (e) => chain(e).setParagraph().run(),
    },
  ];
  const marks: ToolbarItem[] = [
    {
      label: 'درشت (Ctrl+B)',
      text: 'درشت',
      className: 'nr-tool--bold',
      isActive: (e) => e.isActive('bold'),
      run: (e) => chain(e).toggleBold().run(),
    },
    {
      label: 'کج (Ctrl+I)',
      text: 'کج',
      className: 'nr-tool--italic',
      isActive: (e) => e.isActive('italic'),
      run: (e) => chain(e).toggleItalic().run(),
    },
    { label: 'پیوند', text: 'پیوند', isActive: (e) => e.isActive('link'), run: (e) => void editLink(e) },
  ];
  const structure: ToolbarItem[] = [
    {
      label: 'نقل‌قول',
      text: '«نقل‌قول»',
      isActive: (e) => e.isActive('blockquote'),
      run: (e) => chain(e).toggleBlockquote().run(),
    },
    {
      label: 'فهرست نشانه‌دار',
      text: '• فهرست',
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => chain(e).toggleBulletList().run(),
    },
    {
      label: 'فهرست شماره‌دار',
      // The visible words are the spoken name (WCAG 2.5.3): a leading «۱.» would make them differ.
      text: 'فهرست شماره‌دار',
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => chain(e).toggleOrderedList().run(),
    },
  ];
  const media: ToolbarItem[] = textarea.dataset.mediaUrl
    ? [{ label: 'افزودن تصویر با زیرنویس', text: 'تصویر', run: (e) => void insertImage(e, textarea) }]
    : [];
  const history: ToolbarItem[] = [
    {
      label: 'واگرد (Ctrl+Z)',
      text: 'واگرد',
      isEnabled: (e) => e.can().undo(),
      run: (e) => chain(e).undo().run(),
    },
    {
      label: 'ازنو (Ctrl+Shift+Z)',
      text: 'ازنو',
      isEnabled: (e) => e.can().redo(),
      run: (e) => chain(e).redo().run(),
    },
  ];
  return [blocks, marks, structure, media, history].filter((group) => group.length > 0);
}

// One Tab stop for the whole toolbar, arrows move within it (WAI-ARIA toolbar pattern). In RTL the
// next button is to the left.
function rovingFocus(toolbar: HTMLElement, buttons: HTMLButtonElement[]): void {
  const focusAt = (index: number) => {
    const target = buttons[(index + buttons.length) % buttons.length];
    if (!target) return;
    for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
    target.focus();
  };
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const moves: Record<string, number> = { ArrowLeft: index + 1, ArrowRight: index - 1, Home: 0, End: -1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusAt(next);
  });
  buttons.forEach((button, i) => {
    button.tabIndex = i === 0 ? 0 : -1;
  });
}

function buildToolbar(
  editor: Editor,
  textarea: HTMLTextAreaElement,
): { element: HTMLElement; refresh: () => void } {
  const toolbar = h('div', {
    class: 'nr-toolbar',
    role: 'toolbar',
    'aria-label': 'قالب‌بندی متن',
  });
  const entries: [HTMLButtonElement, ToolbarItem][] = [];
  for (const group of toolbarGroups(textarea)) {
    const groupElement = h('div', { class: 'nr-toolbar__group', role: 'group' });
    for (const item of group) {
      const button = h(
        'button',
        {
          type: 'button',
          class: `nr-tool ${item.className ?? ''}`.trim(),
          'aria-label': item.label,
          title: item.label,
        },
        item.text,
      );
      // Keep the editor's selection: a click on the toolbar must not move focus away first.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-disabled') !== 'true') item.run(editor);
      });
      groupElement.append(button);
      entries.push([button, item]);
    }
    toolbar.append(groupElement);
  }
  rovingFocus(
    toolbar,
    entries.map(([button]) => button),
  );
  const refresh = () => {
    for (const [button, item] of entries) {
      if (item.isActive) button.setAttribute('aria-pressed', String(item.isActive(editor)));
      if (item.isEnabled) button.setAttribute('aria-disabled', String(!item.isEnabled(editor)));
    }
  };
  return { element: toolbar, refresh };
}

function labelIdFor(textarea: HTMLTextAreaElement, editor: () => Editor): string | undefined {
  const label = textarea.labels?.[0];
  if (!label) return undefined;
  if (!label.id) label.id = uniqueId('nr-body-label');
  // The label points at the hidden textarea; send its clicks to the editor instead.
  label.addEventListener('click', (event) => {
    event.preventDefault();
    editor().commands.focus();
  });
  return label.id;
}

/**
 * Replaces a `[data-rich-editor]` textarea with a Tiptap editor. The textarea stays in the form, hidden,
 * and holds the editor's HTML after every change, so a plain submit, FormData and autosave all carry
 * the body; `onTextChange` receives the body's plain text for the word count.
 */
export function mountRichEditor(textarea: HTMLTextAreaElement, onTextChange: (text: string) => void): Editor {
  const surface = h('div', { class: 'nr-rich__surface' });
  const wrapper = h('div', { class: 'nr-rich' }, surface);
  textarea.before(wrapper);
  textarea.hidden = true;
  // A hidden required control would block submitting with a message nobody can see.
  textarea.required = false;

  const labelId = labelIdFor(textarea, () => editor);
  const editor: Editor = new Editor({
    element: surface,
    content: textarea.value,
    // Strict CSP (style-src 'self') blocks the <style> tag Tiptap would add; editor.css carries those rules.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          HTMLAttributes: { target: null, rel: null },
          isAllowedUri: (url) => normalizeLinkHref(url) !== null,
        },
      }),
      Placeholder.configure({ placeholder: 'متن خبر را اینجا بنویسید…' }),
      Figure,
    ],
    editorProps: {
      attributes: {
        dir: 'rtl',
        lang: 'fa',
        class: 'nr-rich__content',
        'aria-multiline': 'true',
        ...(labelId ? { 'aria-labelledby': labelId } : { 'aria-label': 'متن خبر' }),
      },
    },
    onUpdate: ({ editor: updated }) => {
      textarea.value = updated.isEmpty ? '' : updated.getHTML();
      announceChange(textarea);
      onTextChange(updated.getText());
    },
  });

  const toolbar = buildToolbar(editor, textarea);
  wrapper.prepend(toolbar.element);
  if (!editor.view.dom.id) editor.view.dom.id = uniqueId('nr-body');
  toolbar.element.setAttribute('aria-controls', editor.view.dom.id);
  editor.on('transaction', toolbar.refresh);
  editor.on('focus', () => wrapper.classList.add('nr-rich--focused'));
  editor.on('blur', () => wrapper.classList.remove('nr-rich--focused'));
  toolbar.refresh();
  if (textarea.dataset.typographyUrl)
    mountTypographyAssistant(editor, wrapper, textarea.dataset.typographyUrl);

  // A restored draft writes the textarea directly; load it into the editor without echoing it back.
  textarea.addEventListener('input', () => {
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (textarea.value === current) return;
    editor.commands.setContent(textarea.value, { emitUpdate: false });
    onTextChange(editor.getText());
  });
  onTextChange(editor.getText());
  return editor;
}
