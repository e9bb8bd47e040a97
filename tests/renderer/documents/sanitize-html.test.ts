/**
 * HTML documents are made safe before they touch the page. Under happy-dom DOMPurify cannot
 * walk the DOM as in a browser (its node iterator stops after a removal), so these tests hold
 * the guarantee that matters everywhere: what sanitizeHtml returns is clean or nothing (the
 * allowlist re-check fails closed). The exact sanitised output of every vector is checked in
 * real Chromium by tests/e2e/io-viewer.spec.ts.
 */
import './happy-dom-node-name';
import { describe, expect, it } from 'vitest';
import { isClean, sanitizeHtml } from '../../../src/renderer/features/documents/sanitize-html';
import { textOf } from '../../../src/renderer/features/find/text-marks';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Parsed without running or loading anything (template content is inert). */
function parsed(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

const VECTORS: Record<string, string> = {
  script: '<p>Chest pain</p><script>window.__planted = "script"</script>',
  'event handler': '<p onclick="window.__planted = 1">Seen</p>',
  'javascript: link': '<a href="javascript:window.__planted = 2">prior records</a>',
  'remote link': '<a href="https://example.invalid/x" target="_blank">portal</a>',
  'remote image': '<img src="https://example.invalid/t.png" alt="ECG strip">',
  'onerror image': '<img src="x" onerror="window.__planted = 3">',
  srcset: `<img src="${PIXEL}" srcset="https://example.invalid/a.png 2x">`,
  'non-image data: src': '<img src="data:text/html;base64,PHNjcmlwdD4=">',
  'style element with url()': '<style>body { background: url(https://example.invalid/bg.png) }</style><p>x</p>',
  'style attribute with url()': '<div style="background-image: url(https://example.invalid/s.png)">Disposition</div>',
  'class and id (app names)': '<div class="find-bar" id="root">x</div>',
  link: '<link rel="stylesheet" href="https://example.invalid/x.css">',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://example.invalid">',
  iframe: '<iframe src="https://example.invalid/f" srcdoc="<script>parent.__planted=4</script>"></iframe>',
  object: '<object data="x.pdf"></object><embed src="x.swf">',
  form: '<form action="https://example.invalid"><input name="q"><button>Send</button></form>',
  'svg onload': '<svg onload="window.__planted = 5"><circle r="5"/></svg>',
  math: '<math><mi href="javascript:1">x</mi></math>',
};

describe('the allowlist re-check (fails closed)', () => {
  it.each(Object.entries(VECTORS))('rejects %s', (_name, html) => {
    expect(isClean(parsed(html))).toBe(false);
  });

  it('accepts text, formatting, tables and inline raster images', () => {
    expect(isClean(parsed(`<h1>ED</h1><p><b>chest</b> <i>pain</i></p><table><tr><th colspan="2">Labs</th></tr><tr><td>Tn</td></tr></table><img src="${PIXEL}" alt="x">`))).toBe(true);
  });
});

describe('sanitizeHtml', () => {
  it.each(Object.entries(VECTORS))('never returns anything unsafe: %s', (_name, html) => {
    const safe = sanitizeHtml(html);
    if (safe) expect(isClean(safe)).toBe(true);
    expect((window as unknown as { __planted?: unknown }).__planted).toBeUndefined();
  });

  it('keeps text and formatting, and collapses source whitespace as the page shows it', () => {
    const safe = sanitizeHtml('<h1>ED note</h1><p>Chief complaint: <b>chest\n      pain</b>, <i>acute</i></p><ul><li>one</li></ul><pre>a\n  b</pre>')!;
    expect(safe).not.toBeNull();
    expect(safe.querySelector('b')?.textContent).toBe('chest pain');
    expect(safe.querySelector('pre')?.textContent).toBe('a\n  b');
    expect(textOf(safe)).toBe('ED note\nChief complaint: chest pain, acute\none\n\na\n  b\n');
  });
});
