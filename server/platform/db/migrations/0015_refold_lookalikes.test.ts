import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput, makeOffice, ok } from '../../../test/documents';
import { signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';
import { migrateToLatest } from '../migrator';

/** What the fold before this step made of "Ðảng ủy xã Ðồng Văn" (U+00D0, not Đ). */
const OLD_FOLD = 'ðang uy xa ðong van';
const TITLE = 'Ðảng ủy xã Ðồng Văn';

describe.each(testEngines())('0015_refold_lookalikes (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('finds rows indexed with the old fold by the words a person types', async () => {
    const db = t.deps.database.db;
    const { cookie } = await signedInAs(t, 'admin');
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie },
      payload: { fullName: TITLE },
    });
    expect(person.statusCode).toBe(201);
    const office = await makeOffice(t);
    const doc = ok<{ id: string }>(
      await office.clerk.api.post(
        '/api/documents/incoming',
        incomingInput(office.incomingRegister, { summary: TITLE }),
      ),
      201,
    );

    // The rows as the fold before this step indexed them: the people list kept ð, the
    // document index (a-z and 0-9 only) lost it.
    await db.updateTable('people').set({ search_text: OLD_FOLD }).where('id', '=', person.json().id).execute();
    const oldDocument = (
      await db.selectFrom('documents').select('search_text').where('id', '=', doc.id).executeTakeFirstOrThrow()
    ).search_text.replace('dang uy xa dong van', 'ang uy xa ong van');
    await db.updateTable('documents').set({ search_text: oldDocument }).where('id', '=', doc.id).execute();
    const found = async () => ({
      people: (await t.app.inject({ url: '/api/people?q=dang%20uy%20xa', headers: { cookie } })).json().items.length,
      documents: ok<{ items: unknown[] }>(
        await office.clerk.api.get('/api/documents?direction=incoming&q=dang%20uy%20xa'),
      ).items.length,
    });
    expect(await found()).toEqual({ people: 0, documents: 0 });

    await sql`delete from schema_migrations where name = '0015_refold_lookalikes'`.execute(db);
    const result = await migrateToLatest(db as unknown as Kysely<unknown>, { kind: engine });
    expect(result.applied).toEqual(['0015_refold_lookalikes']);

    expect(await found()).toEqual({ people: 1, documents: 1 });
    const row = await db
      .selectFrom('people')
      .select('search_text')
      .where('id', '=', person.json().id)
      .executeTakeFirstOrThrow();
    expect(row.search_text).toBe('dang uy xa dong van');
  });
});
