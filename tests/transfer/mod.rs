//! Moving entries in and out: exports (JSON, Markdown, HTML, CSV, summaries), the
//! redaction pass, and imports from praxis and other journal tools.

mod circle;
mod export;
mod hostile;
mod html;
mod import_foreign;
mod import_stream;
mod redact;
mod round_trip;
