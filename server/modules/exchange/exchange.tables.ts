/** The exchange's tables (migration 0029), added to the database type below. */

/** Another VanPhong deployment documents are exchanged with directly. */
export interface ExchangePeersTable {
  id: string;
  /** The name the peer signs its messages with, and ours with it. */
  node: string;
  name: string;
  /** Its exchange address, `https://…/api/exchange/peer`. */
  url: string;
  /** The shared secret of the signatures (HMAC-SHA256); never shown back. */
  secret: string;
  /** 1 when the operator approved this link for secret documents. */
  secret_approved: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A package or status message sent (`out`) or received (`in`). */
export interface ExchangeMessagesTable {
  id: string;
  direction: string;
  /** `package` or `status`. */
  kind: string;
  /** A package's BussinessDocType: 0 new, 1 recall, 2 update, 3 replace. */
  business: number | null;
  status_code: string | null;
  /** `peer:<peer id>`, `platform` or `file` (brought on a stick, the command line). */
  source: string;
  /** The sender's own id of a received message (unique per source), or the platform's of a sent one. */
  remote_id: string | null;
  from_id: string;
  to_id: string;
  /** The edXML DocumentId the message is about. */
  document_ref: string;
  delivery_id: string | null;
  /** out: queued, sent, failed (given up); in: stored, refused. */
  state: string;
  attempts: number;
  last_error: string | null;
  package_sha256: string | null;
  size: number | string | null;
  /** JSON: what was corrected on reading it. */
  warnings: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

/** A delivery that crosses the boundary, and the DocumentId it travels under. */
export interface ExchangeLinksTable {
  delivery_id: string;
  side: string;
  document_ref: string;
  /** out: the outside organization; in: ours, which received it. */
  organization_id: string;
  /** The other side's OrganId and name. */
  remote_org_id: string;
  remote_org_name: string;
  source: string;
  /** A recall asked of this copy: requested, agreed, refused. */
  recall_state: string | null;
  recall_reason: string | null;
  created_at: string;
}

declare module '../../platform/db/schema' {
  interface DB {
    exchange_peers: ExchangePeersTable;
    exchange_messages: ExchangeMessagesTable;
    exchange_links: ExchangeLinksTable;
  }
}
