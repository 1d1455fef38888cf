import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { toPersianDigits } from '../../../platform/persian/digits.js';
import { Picture } from '../../media/views/Picture.js';
import { type ArticleLine, type ArticleSummary, articleKindNames, articlePath } from '../article.js';
import { teaserStamp } from './stamp.js';

/** A one-line teaser needs only an `ArticleLine` (any summary is one); «مطالب مرتبط» reads no more. */
export interface TeaserProps<Item extends ArticleLine = ArticleSummary> {
  item: Item;
  now: Date;
  timeZone: string;
}

function Stamp({ item, now, timeZone }: TeaserProps<ArticleLine>) {
  return (
    <time class="stamp" dateTime={item.publishedAt.toISOString()}>
      {teaserStamp(item.publishedAt, now, timeZone)}
    </time>
  );
}

function KindBadge({ item }: { item: Pick<ArticleLine, 'kind'> }) {
  if (item.kind === 'news') return null;
  return <span class={`kind kind--${item.kind}`}>{articleKindNames[item.kind]}</span>;
}

/** The top story: the largest picture on the page, loaded first. */
export function LeadTeaser(props: TeaserProps) {
  const { item } = props;
  return (
    <article class="teaser teaser--lead">
      <a href={articlePath(item)} class="teaser__link">
        {item.cover && <Picture image={item.cover} sizes="(min-width: 1000px) 640px, 100vw" eager />}
        <div class="teaser__text">
          {item.surtitle && <p class="surtitle">{item.surtitle}</p>}
          <h2 class="teaser__title">{item.title}</h2>
          {item.lead && <p class="teaser__lead">{item.lead}</p>}
        </div>
      </a>
      <Stamp {...props} />
    </article>
  );
}

const cardSizes = '(min-width: 1000px) 300px, (min-width: 600px) 45vw, 100vw';

// A card (its picture's srcset above all) is the costliest teaser to render, and the
// same cards fill the boxes of page after page. Its markup is kept with the teaser it
// was made from: a changed article is fetched as a new teaser, so nothing goes stale,
// and markup of teasers no longer held is collected with them.
const renderedCards = new WeakMap<ArticleSummary, Map<string, string>>();

function renderedOnce(item: ArticleSummary, variant: string, children: () => VNode): string {
  let forItem = renderedCards.get(item);
  if (!forItem) {
    forItem = new Map();
    renderedCards.set(item, forItem);
  }
  let html = forItem.get(variant);
  if (html === undefined) {
    html = render(children());
    forItem.set(variant, html);
  }
  return html;
}

/** A picture, the headline and its time; for grids and section blocks. */
export function CardTeaser(props: TeaserProps & { withLead?: boolean; sizes?: string }) {
  const { item, withLead, sizes = cardSizes, now, timeZone } = props;
  const stamp = teaserStamp(item.publishedAt, now, timeZone);
  const inner = renderedOnce(item, `${sizes}|${withLead === true}|${stamp}`, () => (
    <>
      <a href={articlePath(item)} class="teaser__link">
        {item.cover && <Picture image={item.cover} sizes={sizes} />}
        <div class="teaser__text">
          {item.surtitle && <p class="surtitle">{item.surtitle}</p>}
          <h3 class="teaser__title">
            <KindBadge item={item} />
            {item.title}
          </h3>
          {withLead && item.lead && <p class="teaser__lead">{item.lead}</p>}
        </div>
      </a>
      <Stamp {...props} />
    </>
  ));
  // The markup was rendered by preact from this teaser, escaped as any other.
  return <article class="teaser teaser--card" dangerouslySetInnerHTML={{ __html: inner }} />;
}

/** A headline on one line with its time, for the dense "latest news" list. */
export function LineTeaser(props: TeaserProps<ArticleLine>) {
  const { item } = props;
  return (
    <li class="teaser teaser--line">
      <Stamp {...props} />
      <a href={articlePath(item)}>
        <KindBadge item={item} />
        {item.title}
      </a>
    </li>
  );
}

/** A numbered list, for most viewed. */
export function RankedList({ items, label }: { items: ArticleSummary[]; label: string }) {
  return (
    <ol class="ranked" aria-label={label}>
      {items.map((item, index) => (
        <li key={item.id}>
          <span class="ranked__n">{toPersianDigits(index + 1)}</span>
          <a href={articlePath(item)}>{item.title}</a>
        </li>
      ))}
    </ol>
  );
}
