import sanitizeHtmlLib from 'sanitize-html';

/**
 * HTML from other servers (remote posts, bios) rendered for moderators. The allow-list mirrors
 * Mastodon's own `Sanitize::Config::MASTODON_STRICT` (lib/sanitize_ext/sanitize_config.rb), so a
 * moderator sees what Mastodon shows its users, minus everything a hostile server could use
 * against the moderator: no scripts, event handlers, styles, frames, SVG/MathML, forms or images
 * (a remote <img> would be a tracking pixel that leaks the moderator's IP).
 *
 * Links: only http(s) stay links; every other scheme (javascript:, data:, vbscript:, relative…)
 * becomes plain text, as Mastodon does for unsupported schemes. Kept links open in a new tab
 * with rel="noopener nofollow noreferrer" and carry `data-external` plus the real host, so the UI
 * can show where a link goes (`https://palisade.test@evil.example/` goes to evil.example).
 *
 * Pure: runs on the server (sanitize-html needs Node); its output is what the browser renders.
 */

const ALLOWED_TAGS = ['p', 'br', 'span', 'a', 'del', 's', 'pre', 'blockquote', 'code', 'b', 'strong', 'u', 'i', 'em', 'ul', 'ol', 'li', 'ruby', 'rt', 'rp'];

// Mastodon keeps microformat classes and its own link-formatting classes only.
const ALLOWED_CLASS_PATTERNS = [/^(h|p|u|dt|e)-[a-z0-9-]+$/, /^(mention|hashtag|ellipsis|invisible|quote-inline)$/];

/** Elements whose whole content is dropped, not just the tag (their text is code or markup, not prose). */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'noembed', 'noframes', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'head'];

export const LINK_REL = 'noopener nofollow noreferrer';

/**
 * Bidirectional override/isolate controls and invisible spaces that make text lie about itself
 * (`invoice_\u202Efdp.exe` displays as "invoice_exe.pdf"). Moderators see them as visible markers.
 * ZWJ/ZWNJ are left alone: emoji sequences and several scripts need them.
 */
const DECEPTIVE_CONTROLS = /[\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function revealHiddenControls(text: string): string {
  return text.replace(DECEPTIVE_CONTROLS, (ch) => `⟦U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** True when the text shows nothing once hidden controls and white space are removed. */
export function isVisuallyEmpty(text: string): boolean {
  return text.replace(DECEPTIVE_CONTROLS, '').replace(/[\s\u200C\u200D\u2060\u180E]/g, '') === '';
}

/** The URL a link may point to, or null when it must not be a link at all. */
export function safeHref(href: string | undefined): URL | null {
  if (!href) return null;
  let url: URL;
  try {
    // Absolute URLs only: the WHATWG parser also strips the tabs and newlines of "java\tscript:".
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

function keepClasses(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const kept = value.split(/[\t\n\f\r ]+/).filter((c) => ALLOWED_CLASS_PATTERNS.some((p) => p.test(c)));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

function withoutUndefined(attribs: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(attribs).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const OPTIONS: sanitizeHtmlLib.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    '*': ['lang'],
    a: ['href', 'rel', 'target', 'class', 'translate', 'data-external', 'data-host', 'title'],
    span: ['class', 'translate'],
    ol: ['start', 'reversed'],
    li: ['value'],
    p: ['class'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  // Deeply nested markup is a cheap way to freeze a browser tab; past this depth only text remains.
  nestingLimit: 40,
  parseStyleAttributes: false,
  transformTags: {
    a: (_tag, attribs) => {
      const url = safeHref(attribs.href);
      if (!url) return { tagName: 'span', attribs: {} };
      return {
        tagName: 'a',
        attribs: withoutUndefined({
          href: url.href,
          rel: LINK_REL,
          target: '_blank',
          class: keepClasses(attribs.class),
          lang: attribs.lang,
          translate: attribs.translate === 'no' ? 'no' : undefined,
          'data-external': 'true',
          'data-host': url.hostname,
          title: url.hostname,
        }),
      };
    },
    span: (_tag, attribs) => ({ tagName: 'span', attribs: withoutUndefined({ class: keepClasses(attribs.class), lang: attribs.lang, translate: attribs.translate === 'no' ? 'no' : undefined }) }),
    p: (_tag, attribs) => ({ tagName: 'p', attribs: withoutUndefined({ class: keepClasses(attribs.class), lang: attribs.lang }) }),
    // Mastodon turns headings into bold paragraphs rather than letting posts shout.
    ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, () => ({ tagName: 'strong', attribs: {} })])),
  },
  textFilter: (text) => revealHiddenControls(text),
};

/** Sanitises HTML written by another server (statuses.text of remote posts, remote bios). */
export function sanitizeRemoteHtml(html: string): string {
  return sanitizeHtmlLib(html, OPTIONS);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/g;

/**
 * Local posts store the author's plain source text (Mastodon formats it at render time):
 * paragraphs on blank lines, line breaks, and http(s) URLs as links. The result goes through the
 * same sanitiser, so links are marked the same way as in remote posts.
 */
export function formatLocalText(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const html = paragraphs
    .map((p) => {
      let out = '';
      let last = 0;
      for (const match of p.matchAll(URL_IN_TEXT)) {
        out += escapeHtml(p.slice(last, match.index));
        out += `<a href="${escapeHtml(match[0])}">${escapeHtml(match[0])}</a>`;
        last = (match.index ?? 0) + match[0].length;
      }
      out += escapeHtml(p.slice(last));
      return `<p>${out.replace(/\n/g, '<br>')}</p>`;
    })
    .join('');
  return sanitizeRemoteHtml(html);
}

/** Status HTML for moderators: remote HTML sanitised, local source text formatted then sanitised. */
export function statusHtml({ text, local }: { text: string; local: boolean }): string {
  return local ? formatLocalText(text) : sanitizeRemoteHtml(text);
}
