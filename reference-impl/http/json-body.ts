import type { FastifyInstance } from 'fastify';
import { Refusal } from '../domain/refusal.ts';

/** Bytes that are not UTF-8 are refused, not replaced by U+FFFD; a BOM is kept, so JSON.parse refuses it. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const charsetOf = (contentType: string | undefined) =>
  /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1];

/**
 * JSON bodies as RFC 8259 has them: UTF-8, so a charset that says otherwise or a content coding this
 * service cannot undo is unsupported_media_type, and bytes that are not UTF-8 (an unpaired surrogate
 * sent as CESU-8, say) malformed_request, never text quietly mangled. The rest is fastify's own parser
 * (empty bodies, prototype poisoning).
 */
export function strictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && !/^utf-?8$/i.test(charset))
      return done(new Refusal('unsupported_media_type', `JSON is UTF-8; charset=${charset} is not served`));
    const coding = request.headers['content-encoding']?.trim().toLowerCase();
    if (coding && coding !== 'identity')
      return done(new Refusal('unsupported_media_type', `content coding ${coding} is not served`));
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(new Refusal('malformed_request', 'the body is not UTF-8'));
    }
    parseJson(request, text, done);
  });
}
