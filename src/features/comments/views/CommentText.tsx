import { Fragment } from 'preact';
import { linkSegments } from '../comment.js';

/**
 * A comment's body as plain text: each line a text node, a <br> between lines.
 * Nothing in it is ever read as markup; with `links` on, http(s) addresses
 * become links that pass no reputation and no opener to the target.
 */
export function CommentText({ body, links = false }: { body: string; links?: boolean }) {
  return (
    <>
      {body.split('\n').map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {links
            ? linkSegments(line).map((segment) =>
                'href' in segment ? (
                  <a href={segment.href} rel="nofollow ugc noopener noreferrer" dir="ltr">
                    {segment.text}
                  </a>
                ) : (
                  segment.text
                ),
              )
            : line}
        </Fragment>
      ))}
    </>
  );
}
