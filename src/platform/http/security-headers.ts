import type { FastifyInstance } from 'fastify';

// No inline script and no third-party origin anywhere on the public site: a
// comment or a body that slipped past the sanitizer still could not run code.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries; HSTS only when the public site is served over HTTPS. */
export function securityHeaders({ https, html }: { https: boolean; html: boolean }): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(https && { 'Strict-Transport-Security': 'max-age=31536000' }),
    ...(html && { 'Content-Security-Policy': contentSecurityPolicy, 'X-Frame-Options': 'DENY' }),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }): void {
  const forHtml = securityHeaders({ https, html: true });
  const forOthers = securityHeaders({ https, html: false });
  app.addHook('onSend', async (_request, reply, payload) => {
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    reply.headers(html ? forHtml : forOthers);
    return payload;
  });
}
