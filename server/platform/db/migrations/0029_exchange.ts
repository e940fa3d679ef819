import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrator';

/**
 * The exchange with offices outside the deployment (edXML, QCVN 102:2016).
 *
 * - An organization is reached `inside` this deployment, through a `peer` VanPhong deployment, or
 *   through the provincial or national exchange `platform`; an outside one names its peer.
 * - `exchange_peers`: the other VanPhong deployments, by the node name they sign with, their address,
 *   the shared secret of the signatures, and whether the link is approved for secret documents.
 * - `exchange_messages`: every package and status message sent or received, with its state; the
 *   sender's own id of a received one is unique per source, so the same package twice is one.
 * - `exchange_links`: which delivery a message is about. `out`: our document's copy to an outside
 *   organization; `in`: an outside document's copy to one of ours, unique by its DocumentId and the
 *   receiving organization, so the same document sent again (a new package) is still one.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('reach', 'varchar(10)', (c) => c.notNull().defaultTo('inside'))
    .execute();
  await db.schema.alterTable('organizations').addColumn('peer_id', 'varchar(64)').execute();

  await db.schema
    .createTable('exchange_peers')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('node', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('url', 'varchar(500)', (c) => c.notNull())
    .addColumn('secret', 'varchar(200)', (c) => c.notNull())
    .addColumn('secret_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_messages')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('direction', 'varchar(3)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('business', 'integer')
    .addColumn('status_code', 'varchar(2)')
    .addColumn('source', 'varchar(60)', (c) => c.notNull())
    .addColumn('remote_id', 'varchar(200)')
    .addColumn('from_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('to_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('document_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('delivery_id', 'varchar(64)')
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'varchar(1000)')
    .addColumn('package_sha256', 'varchar(64)')
    .addColumn('size', 'bigint')
    .addColumn('warnings', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('done_at', 'varchar(30)')
    .execute();
  await sql`create unique index exchange_messages_remote_uq on exchange_messages (direction, source, remote_id)
    where remote_id is not null`.execute(db);
  await db.schema
    .createIndex('exchange_messages_state_idx')
    .on('exchange_messages')
    .columns(['direction', 'state', 'created_at'])
    .execute();
  await db.schema.createIndex('exchange_messages_delivery_idx').on('exchange_messages').column('delivery_id').execute();

  await db.schema
    .createTable('exchange_links')
    .addColumn('delivery_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('side', 'varchar(3)', (c) => c.notNull())
    .addColumn('document_ref', 'varchar(300)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('remote_org_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('remote_org_name', 'varchar(500)', (c) => c.notNull())
    .addColumn('source', 'varchar(60)', (c) => c.notNull())
    .addColumn('recall_state', 'varchar(10)')
    .addColumn('recall_reason', 'varchar(2000)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('exchange_links_document_uq')
    .on('exchange_links')
    .columns(['side', 'document_ref', 'organization_id'])
    .unique()
    .execute();
}
