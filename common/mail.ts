/**
 * The most characters each text of a mail may hold, without zod so the web's forms import them
 * cheaply: common/schemas/mail.ts refuses more, and the forms stop the typing there. Registering a
 * mail as an incoming document takes the document's limits (DOCUMENT_LIMITS in common/documents.ts).
 */
export const MAIL_LIMITS = {
  subject: 500,
  /** A message's text, as large as a long report typed in (files go as attachments); its rich-text form may take twice as much for the markup. */
  body: 200_000,
  folderName: 100,
  /** An address typed in whole: the longest a mail path may be (RFC 5321). */
  address: 320,
} as const;
