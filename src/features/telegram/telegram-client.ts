import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { TelegramConfig } from '../../config/config.js';

/**
 * How a Bot API call ended, judged for "never post twice":
 * - `sent`: Telegram answered ok.
 * - `refused`: Telegram answered with an error, or the request never reached it whole (refused
 *   connection, reset while sending): nothing was posted, so trying again is safe.
 * - `unknown`: the whole request was sent but no answer came back; Telegram may have posted it.
 */
export type CallOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'refused'; error: string; retryAfterSeconds?: number }
  | { kind: 'unknown'; error: string };

export interface PhotoPost {
  caption: string;
  /** A JPEG to upload; without it the post is a text message. */
  photo?: Buffer;
}

interface BotAnswer {
  ok?: boolean;
  description?: string;
  result?: { message_id?: number };
  parameters?: { retry_after?: number };
}

function multipart(fields: Record<string, string>, photo: Buffer): { body: Buffer; type: string } {
  const boundary = `khabar${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="cover.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** A Bot API client that posts to one channel and tells apart "not posted" from "cannot tell". */
export function createTelegramClient(config: TelegramConfig, timeoutMs = 30_000) {
  function call(method: string, body: Buffer, type: string): Promise<CallOutcome> {
    const url = new URL(`${config.apiBase}/bot${config.botToken}/${method}`);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let written = false;
      const request = transport.request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': type, 'content-length': body.length },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) =>
            resolve({ kind: 'unknown', error: `answer cut off: ${error.message}` }),
          );
          response.on('end', () =>
            resolve(judge(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))),
          );
        },
      );
      request.on('finish', () => {
        written = true;
      });
      request.on('timeout', () => request.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      request.on('error', (error) => {
        // The token is part of the URL; an error message never carries the URL, only the reason.
        const reason = error.message.replaceAll(config.botToken, '***');
        resolve(written ? { kind: 'unknown', error: reason } : { kind: 'refused', error: reason });
      });
      request.end(body);
    });
  }

  function judge(status: number, text: string): CallOutcome {
    let answer: BotAnswer = {};
    try {
      answer = JSON.parse(text) as BotAnswer;
    } catch {
      // A proxy's HTML error page: Telegram did not take the post.
    }
    const messageId = answer.result?.message_id;
    if (status === 200 && answer.ok === true && messageId !== undefined)
      return { kind: 'sent', messageId: String(messageId) };
    const error = `HTTP ${status}: ${answer.description ?? text.slice(0, 200)}`;
    const retryAfter = answer.parameters?.retry_after;
    return retryAfter === undefined
      ? { kind: 'refused', error }
      : { kind: 'refused', error, retryAfterSeconds: retryAfter };
  }

  return {
    /** Posts a photo with its caption, or a text message when there is no photo. */
    post({ caption, photo }: PhotoPost): Promise<CallOutcome> {
      if (photo) {
        const form = multipart({ chat_id: config.chatId, caption, parse_mode: 'HTML' }, photo);
        return call('sendPhoto', form.body, form.type);
      }
      const json = JSON.stringify({ chat_id: config.chatId, text: caption, parse_mode: 'HTML' });
      return call('sendMessage', Buffer.from(json), 'application/json');
    },
  };
}

export type TelegramClient = ReturnType<typeof createTelegramClient>;
