import sharp from 'sharp';
import type { Services } from '../../src/app.js';
import type { Article } from '../../src/features/articles/article.js';
import type { ArticleFields, CreateOptions } from '../../src/features/articles/article-service.js';
import type { Image } from '../../src/features/media/image.js';
import { type Role, systemActor } from '../../src/features/users/user.js';

let counter = 0;

/** A published article with believable defaults; override any field. */
export function createArticle(
  services: Pick<Services, 'articles'>,
  overrides: Partial<ArticleFields> = {},
  options: CreateOptions = {},
): Promise<Article> {
  counter += 1;
  return services.articles.create(
    systemActor,
    {
      title: `افزایش بارش‌ها در استان‌های شمالی، گزارش شمارهٔ ${counter}`,
      surtitle: 'هواشناسی',
      lead: 'سازمان هواشناسی از ادامهٔ بارش‌ها تا پایان هفته خبر داد.',
      body: '<p>بند نخست خبر.</p><h2>جزئیات</h2><p>بند دوم خبر.</p><blockquote><p>نقل قول.</p></blockquote>',
      section: 'society',
      tags: ['هواشناسی'],
      state: 'published',
      ...overrides,
    },
    options,
  );
}

/** A user of the given role and a Bearer token for them. */
export async function createUserWithToken(
  services: Pick<Services, 'users'>,
  role: Role,
): Promise<{ email: string; token: string; authorization: string }> {
  counter += 1;
  const email = `${role}${counter}@khabar.test`;
  await services.users.createUser({ email, name: `کاربر ${role}`, role, password: 'a-long-password' });
  const { token } = await services.users.createApiToken(email);
  return { email, token, authorization: `Bearer ${token}` };
}

/** A small stored image, drawn on the spot. */
export async function createImage(
  services: Pick<Services, 'media'>,
  caption = 'تصویر آزمایشی',
): Promise<Image> {
  const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  return services.media.storeImage(png, { alt: caption, caption });
}
