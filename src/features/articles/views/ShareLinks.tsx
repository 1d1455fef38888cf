export interface ShareLinksProps {
  title: string;
  shortUrl: string;
}

/**
 * Plain links to the sharing pages of each app: nothing is loaded from those
 * services until the reader taps one. The short link is a selectable field,
 * and /assets/site.js turns its button into "copy" and offers the Web Share
 * sheet where scripts run. No mail is sent by the server: «ایمیل» opens the
 * reader's own mail app, so the site can never be used as a spam relay.
 */
export function ShareLinks({ title, shortUrl }: ShareLinksProps) {
  // The short link, because a percent-encoded Persian slug is hundreds of characters in a chat.
  const u = encodeURIComponent(shortUrl);
  const t = encodeURIComponent(title);
  const links = [
    { name: 'تلگرام', className: 'telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { name: 'واتس‌اپ', className: 'whatsapp', href: `https://wa.me/?text=${t}%20${u}` },
    { name: 'ایکس', className: 'x', href: `https://x.com/intent/tweet?url=${u}&text=${t}` },
    { name: 'فیسبوک', className: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'ایمیل', className: 'email', href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="share__title">
        ارسال به دوستان
      </h2>
      {/* Shown by /assets/site.js where the browser can hand the link to the phone's own share sheet. */}
      <button
        type="button"
        class="share__native"
        data-web-share=""
        data-title={title}
        data-url={shortUrl}
        hidden
      >
        اشتراک‌گذاری…
      </button>
      <ul class="share__links">
        {links.map((link) => (
          <li key={link.className}>
            <a
              class={`share__link share__link--${link.className}`}
              href={link.href}
              rel="noopener noreferrer nofollow"
            >
              {link.name}
            </a>
          </li>
        ))}
      </ul>
      <div class="share__short">
        <label for="short-link">لینک کوتاه:</label>
        <input id="short-link" type="text" readonly value={shortUrl} dir="ltr" data-copy-source="" />
        <button type="button" class="share__copy" data-copy-button="" hidden>
          کپی لینک
        </button>
      </div>
    </section>
  );
}
