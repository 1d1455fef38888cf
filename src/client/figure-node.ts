import { Node } from '@tiptap/core';

export interface FigureAttributes {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  caption: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a captioned image at the selection. */
      insertFigure: (attributes: FigureAttributes) => ReturnType;
    };
  }
}

// Rules match either a <figure> around an <img> or a bare <img> from older bodies, which becomes a
// figure without a caption rather than being dropped.
function imageOf(element: HTMLElement): HTMLImageElement | null {
  return element instanceof HTMLImageElement ? element : element.querySelector('img');
}

function dimension(element: HTMLElement, name: 'width' | 'height'): number | null {
  const value = Number(imageOf(element)?.getAttribute(name));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * A captioned image, stored as exactly the markup the body sanitizer keeps:
 * `<figure><img src alt width height><figcaption>caption</figcaption></figure>`. The caption is plain
 * text held as an attribute, so the figure moves and deletes as one block.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: {
        default: '',
        parseHTML: (element) => imageOf(element)?.getAttribute('src') ?? '',
        rendered: false,
      },
      alt: {
        default: '',
        parseHTML: (element) => imageOf(element)?.getAttribute('alt') ?? '',
        rendered: false,
      },
      width: { default: null, parseHTML: (element) => dimension(element, 'width'), rendered: false },
      height: { default: null, parseHTML: (element) => dimension(element, 'height'), rendered: false },
      caption: {
        default: '',
        parseHTML: (element) => element.querySelector('figcaption')?.textContent?.trim() ?? '',
        rendered: false,
      },
    };
  },

  parseHTML() {
    return [
      { tag: 'figure', getAttrs: (element) => (imageOf(element)?.getAttribute('src') ? null : false) },
      { tag: 'img[src]' },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, width, height, caption } = node.attrs as FigureAttributes;
    const image: Record<string, string> = { src, alt };
    if (width !== null) image.width = String(width);
    if (height !== null) image.height = String(height);
    return caption === '' ? ['figure', ['img', image]] : ['figure', ['img', image], ['figcaption', caption]];
  },

  addCommands() {
    return {
      insertFigure:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
    };
  },
});
