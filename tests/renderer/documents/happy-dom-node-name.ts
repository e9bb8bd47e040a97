/**
 * happy-dom puts each element's nodeName on its subclass, and Node.prototype's getter answers ''.
 * DOMPurify reads nodeName through Node.prototype's getter (so a document cannot clobber it), and
 * so sees no tag names under happy-dom. Browsers define it per spec on Node.prototype: make
 * happy-dom's getter answer as theirs do, before the sanitiser's first use in a test file.
 */
const own = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')?.get;

Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node): string {
    for (let proto = Object.getPrototypeOf(this) as object | null; proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
      if (getter) return getter.call(this) as string;
    }
    return own ? (own.call(this) as string) : '';
  },
});
