/**
 * An HTML document made safe before it touches the page: DOMPurify with an allowlist of text,
 * formatting and tables. No script, event handler, style, form, frame, object, SVG or MathML;
 * no link a click could follow (link text stays as text); no remote load of any kind (the only
 * image source kept is an inline data: image). The strict CSP would block most of this anyway;
 * the sanitiser means the page never even holds it.
 */
import DOMPurify, { type Config } from 'dompurify';

const TAGS = [
  'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'abbr', 'cite', 'q', 'time',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre', 'code', 'blockquote', 'hr',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'address', 'img',
];
// No id, class, name or style: a document must not pick up (or clobber) the app's own names.
const ATTRIBUTES = ['colspan', 'rowspan', 'scope', 'headers', 'alt', 'title', 'src', 'lang', 'dir', 'start', 'datetime', 'width', 'height'];

/** Inline images only, of raster types an <img> shows without running anything. */
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Nothing to follow anywhere: the only URI attribute left is img src, checked below.
  ALLOWED_URI_REGEXP: DATA_IMAGE,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'src' && (node.nodeName !== 'IMG' || !DATA_IMAGE.test(data.attrValue))) data.keepAttr = false;
  });
  // An image whose source was remote is named, not silently dropped: the coder knows it was there.
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'IMG' || (node as Element).hasAttribute('src')) return;
    const alt = (node as Element).getAttribute('alt')?.trim();
    node.parentNode?.replaceChild(node.ownerDocument!.createTextNode(alt ? `[image not shown: ${alt}]` : '[image not shown]'), node);
  });
  purifier = p;
  return p;
}

/**
 * Source line breaks and indentation collapse to one space, as the page shows them (outside
 * <pre>), so find's text has the words as the coder sees them: "chest pain", not "chest\n  pain".
 */
function collapseWhitespace(node: Node): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) (child as Text).data = (child as Text).data.replace(/\s+/g, ' ');
    else if (child.nodeName !== 'PRE') collapseWhitespace(child);
  }
}

const ALLOWED_TAGS = new Set(TAGS.map((t) => t.toUpperCase()));
const ALLOWED_ATTRIBUTES = new Set(ATTRIBUTES);

/**
 * The sanitiser's result checked again against the allowlist, by a plain walk that depends on
 * nothing DOMPurify does: a DOM or sanitiser that let anything else through (a test DOM does)
 * fails closed. True when every element and attribute is allowed and every src an inline image.
 */
export function isClean(root: Node): boolean {
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) continue;
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    if (!ALLOWED_TAGS.has(element.tagName.toUpperCase())) return false;
    for (const attribute of Array.from(element.attributes)) {
      if (!ALLOWED_ATTRIBUTES.has(attribute.name.toLowerCase())) return false;
      if (attribute.name.toLowerCase() === 'src' && (element.tagName.toUpperCase() !== 'IMG' || !DATA_IMAGE.test(attribute.value))) return false;
    }
    if (!isClean(element)) return false;
  }
  return true;
}

/** The document's HTML as a safe fragment of this page's document; null when it cannot be made safe. */
export function sanitizeHtml(html: string): DocumentFragment | null {
  const fragment = instance().sanitize(html, CONFIG);
  if (!isClean(fragment)) return null;
  collapseWhitespace(fragment);
  return fragment;
}
