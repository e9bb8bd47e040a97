/** The one Content-Security-Policy, served by the Electron window and the browser host alike. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The call worker (src/renderer/lib/call-worker.ts) and pdf.js's worker
  // (features/documents/pdf-worker.ts) are same-origin scripts. pdf.js runs without eval and
  // without WebAssembly (pdf-engine.ts), so neither 'unsafe-eval' nor 'wasm-unsafe-eval' is here.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
