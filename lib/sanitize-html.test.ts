import { describe, expect, it } from 'vitest';
import { formatLocalText, isVisuallyEmpty, LINK_REL, revealHiddenControls, safeHref, sanitizeRemoteHtml, statusHtml } from './sanitize-html';

/** Every attribute name in the output: no event handler or style may survive anywhere. */
function attributeNames(html: string): string[] {
  return [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) =>
    [...tag[0].slice(1).matchAll(/\s([^\s=>/]+)(?:=(?:"[^"]*"|'[^']*'|[^\s>]*))?/g)].map((a) => a[1]!.toLowerCase()),
  );
}

function tagNames(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase());
}

describe('sanitizeRemoteHtml', () => {
  it('drops scripts with their code and keeps the prose around them', () => {
    const out = sanitizeRemoteHtml('<p>hey mods <script>alert(1)</script> what are you going to do about it</p>');
    expect(out).toBe('<p>hey mods  what are you going to do about it</p>');
  });

  it('finds attributes in any spelling (the helper the other tests rely on)', () => {
    expect(attributeNames('<p onclick="x" ONMOUSEOVER=y data-a=\'z\'>a</p>')).toEqual(['onclick', 'onmouseover', 'data-a']);
  });

  it('removes every on* handler, also on allowed elements and in odd spellings', () => {
    const out = sanitizeRemoteHtml(
      '<p onclick="alert(1)" ONMOUSEOVER=alert(2)>a<span onfocus=alert(3) tabindex=0>b</span><a href="https://ok.example" onmouseenter="x()">c</a><img src=x onerror=alert(1)></p>',
    );
    expect(attributeNames(out).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(out).not.toMatch(/alert|tabindex|<img/i);
    expect(out).toContain('<span>b</span>');
  });

  it('turns javascript:, data: and vbscript: links into plain text, however they are spelled', () => {
    const hostile = [
      '<a href="javascript:alert(1)">one</a>',
      '<a href="JaVaScRiPt:alert(1)">two</a>',
      '<a href="java\tscript:alert(1)">three</a>',
      '<a href="&#106;avascript:alert(1)">four</a>',
      '<a href=" javascript:alert(1)">five</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">six</a>',
      '<a href="vbscript:msgbox(1)">seven</a>',
      '<a href="/relative/path">eight</a>',
      '<a href="//evil.example/protocol-relative">nine</a>',
      '<a>ten</a>',
    ];
    for (const html of hostile) {
      const out = sanitizeRemoteHtml(html);
      expect(out, html).not.toContain('<a');
      expect(out, html).not.toMatch(/javascript|data:|vbscript|href/i);
      expect(out, html).toMatch(/^<span>\w+<\/span>$/);
    }
  });

  it('marks kept links as external, opens them safely and names their real host', () => {
    const out = sanitizeRemoteHtml('<p><a href="https://palisade.test@evil.example/login" rel="me" target="_self" title="Trust me" class="u-url mention evil-class" style="color:red">Log in again</a></p>');
    expect(out).toBe(
      `<p><a href="https://palisade.test@evil.example/login" rel="${LINK_REL}" target="_blank" class="u-url mention" data-external="true" data-host="evil.example" title="evil.example">Log in again</a></p>`,
    );
  });

  it('removes iframes, objects, forms, meta refreshes and their content', () => {
    const out = sanitizeRemoteHtml(
      '<p>watch this</p><iframe src="https://evil.example/phish" width="800" height="600">fallback</iframe><object data="x.swf">obj</object><embed src="x"><form action="https://evil.example/steal" method="post"><p>Confirm your password:</p><input type="password" name="pw"><button>OK</button></form><meta http-equiv="refresh" content="0;url=https://evil.example">',
    );
    expect(tagNames(out)).toEqual(['p', 'p']);
    expect(out).not.toMatch(/iframe|fallback|obj|input|form|meta|refresh/i);
    expect(out).toContain('Confirm your password:');
  });

  it('drops style elements and style attributes, so a post cannot restyle the console', () => {
    const out = sanitizeRemoteHtml(
      '<style>body{display:none!important}</style><div style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:99999"><p style="color:red">Your session expired.</p></div>',
    );
    expect(out).toBe('<p>Your session expired.</p>');
  });

  it('drops SVG and MathML including scripts hidden inside them (mutation XSS shapes)', () => {
    expect(sanitizeRemoteHtml('<svg onload=alert(document.domain)><circle r="40" /><script>alert(1)</script></svg><p>svg art</p>')).toBe('<p>svg art</p>');
    expect(sanitizeRemoteHtml('<math><mtext><table><mglyph><style><img src=x onerror=alert(2)></style></mglyph></table></mtext></math><p>after</p>')).toBe('<p>after</p>');
    expect(sanitizeRemoteHtml('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>')).toBe('');
  });

  it('keeps double-escaped markup as text', () => {
    const out = sanitizeRemoteHtml('<p>&lt;script&gt;alert("double-escaped")&lt;/script&gt; &amp;lt;b&amp;gt;</p>');
    expect(out).toBe('<p>&lt;script&gt;alert("double-escaped")&lt;/script&gt; &amp;lt;b&amp;gt;</p>');
    expect(tagNames(out)).toEqual(['p']);
  });

  it('closes unclosed tags and flattens tables and divs into text', () => {
    const out = sanitizeRemoteHtml('<p><b><i><a href="https://xss.example/x"><div><span>unclosed <b>bold <i>italic <p>para <table><tr><td>cell');
    expect(tagNames(out)).not.toContain('div');
    expect(tagNames(out)).not.toContain('table');
    expect(out).toContain('cell');
    // Balanced: every opened element is closed.
    const opened = tagNames(out).filter((t) => t !== 'br').length;
    expect((out.match(/<\//g) ?? []).length).toBe(opened);
  });

  it('keeps Mastodon’s formatting: mentions, hashtags, ellipsis spans, lists and headings as bold', () => {
    const html =
      '<h1>Title</h1><p><span class="h-card" translate="no"><a href="https://remote.example/@bob" class="u-url mention">@<span>bob</span></a></span> <a href="https://remote.example/tags/x" class="mention hashtag" rel="tag">#<span>x</span></a></p><ol start="3"><li value="3">item</li></ol><blockquote><code>c</code></blockquote>';
    const out = sanitizeRemoteHtml(html);
    expect(out).toContain('<strong>Title</strong>');
    expect(out).toContain('<span class="h-card" translate="no">');
    expect(out).toContain('class="u-url mention"');
    expect(out).toContain('class="mention hashtag"');
    expect(out).toContain('<ol start="3"><li value="3">item</li></ol>');
    expect(out).toContain('<blockquote><code>c</code></blockquote>');
  });

  it('shows bidi overrides and zero-width characters instead of letting them disguise text', () => {
    expect(sanitizeRemoteHtml('<p>invoice_\u202efdp.exe</p>')).toBe('<p>invoice_⟦U+202E⟧fdp.exe</p>');
  });

  it('cuts absurd nesting instead of handing the browser a million-deep tree', () => {
    const deep = `${'<span>'.repeat(5000)}deep${'</span>'.repeat(5000)}`;
    const out = sanitizeRemoteHtml(deep);
    expect(out).toContain('deep');
    expect((out.match(/<span>/g) ?? []).length).toBeLessThanOrEqual(40);
  });
});

describe('safeHref', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(safeHref('https://example.com/a')?.hostname).toBe('example.com');
    expect(safeHref('http://example.com')?.protocol).toBe('http:');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('mailto:a@b.c')).toBeNull();
    expect(safeHref('/x')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});

describe('formatLocalText', () => {
  it('escapes the source text, keeps line breaks and paragraphs, links URLs as external', () => {
    const out = formatLocalText('hi <b>there</b>\nsecond line\n\nsee https://example.com/page.');
    expect(out).toBe(
      `<p>hi &lt;b&gt;there&lt;/b&gt;<br />second line</p><p>see <a href="https://example.com/page" rel="${LINK_REL}" target="_blank" data-external="true" data-host="example.com" title="example.com">https://example.com/page</a>.</p>`,
    );
  });

  it('never turns a javascript: text into a link', () => {
    expect(formatLocalText('javascript:alert(1)')).toBe('<p>javascript:alert(1)</p>');
  });
});

describe('statusHtml', () => {
  it('formats local source and sanitises remote HTML', () => {
    expect(statusHtml({ text: '<script>x</script>', local: true })).toBe('<p>&lt;script&gt;x&lt;/script&gt;</p>');
    expect(statusHtml({ text: '<script>x</script>', local: false })).toBe('');
  });
});

describe('revealHiddenControls / isVisuallyEmpty', () => {
  it('marks deceptive controls but leaves emoji joiners alone', () => {
    expect(revealHiddenControls('\u202enimdA')).toBe('⟦U+202E⟧nimdA');
    expect(revealHiddenControls('👨‍👩‍👧')).toBe('👨‍👩‍👧');
  });
  it('detects names made only of invisible characters', () => {
    expect(isVisuallyEmpty('\u200b\u200b \u200b')).toBe(true);
    expect(isVisuallyEmpty('a\u200b')).toBe(false);
  });
});
