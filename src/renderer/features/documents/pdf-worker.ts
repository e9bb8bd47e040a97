/**
 * pdf.js's worker, built into the app and served from its own origin like the call worker
 * (worker-src 'self'): parsing a PDF never runs on the page's thread and nothing is fetched.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
