import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, SYSTEM, signedInAs } from '../../../test/factories';
import { createTestApp, type TestApp, testEngines } from '../../../test/harness';

describe.each(testEngines())('a person shared by two organizations (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('is not deleted, nor their place in the other organization changed, by one organization’s clerk', async () => {
    const root = await makeOrganization(t);
    const mine = await makeOrganization(t, { parent: root });
    const theirs = await makeOrganization(t, { parent: root });
    const person = await t.services.directory.createPerson(SYSTEM, {
      fullName: 'Giàng Seo Phử',
      memberships: [
        { organizationId: mine.id, position: 'Đảng viên', isPrimary: false },
        { organizationId: theirs.id, position: 'Bí thư', isPrimary: true },
      ],
    });
    const { cookie } = await signedInAs(t, 'clerk', mine);

    const del = await t.app.inject({ method: 'DELETE', url: `/api/people/${person.id}`, headers: { cookie } });
    expect(del.statusCode).toBe(403);

    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      headers: { cookie },
      payload: {
        version: person.version,
        memberships: [
          { organizationId: mine.id, position: 'Đảng viên', isPrimary: false },
          { organizationId: theirs.id, position: 'Đảng viên', isPrimary: true },
        ],
      },
    });
    expect(demote.statusCode).toBe(403);

    const still = await t.app.inject({ url: `/api/people/${person.id}`, headers: { cookie } });
    expect(still.statusCode).toBe(200);
    expect(still.json().memberships).toEqual(
      expect.arrayContaining([expect.objectContaining({ organizationId: theirs.id, position: 'Bí thư' })]),
    );
  });
});
