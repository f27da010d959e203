// How big a document may be: shared by the reader (server) and the upload page (browser).

/** A Word document with a few photos stays well under this; a plan's text is far smaller. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * 250,000 characters is some ten times the longest report we know (罗湖, 28,000) and keeps
 * the edited outline the preview sends back well under the 1 MB a server action accepts.
 */
export const MAX_DOCUMENT_CHARS = 250_000;
