import type { z } from 'zod';
import type { SavingKind } from '../../../common/meetings';
import { SAVINGS_TARGET_PER_YEAR } from '../../../common/meetings';
import type {
  SavingsReport,
  SavingsSettings,
  savingsQuerySchema,
  savingsSettingsWriteSchema,
} from '../../../common/schemas/savings';
import { dayInVietnam } from '../../platform/clock';
import { updateVersioned } from '../../platform/db/versioned';
import type { PlatformDeps } from '../../platform/deps';
import { staleVersion } from '../../platform/http/errors';
import { type Actor, auditActorOf } from '../../platform/security/actor';
import { visibleSavingsPaths } from './savings.policy';
import * as repo from './savings.repository';

const SETTINGS_KEY = 'savings.costs';
/** A page of paper and toner, and one copy carried by hand, as priced by a district office (VND). */
const DEFAULT_COSTS = { costPerPage: 500, costPerCopy: 3000 };

export function createSavingsService(deps: PlatformDeps) {
  const db = deps.database.db;

  async function settings(): Promise<SavingsSettings> {
    const row = await repo.findSetting(db, SETTINGS_KEY);
    if (!row) return { ...DEFAULT_COSTS, version: 1, updatedAt: null };
    const value = JSON.parse(row.value) as typeof DEFAULT_COSTS;
    return { ...DEFAULT_COSTS, ...value, version: row.version, updatedAt: row.updated_at };
  }

  /** The organizations whose savings the actor may see; refused when there are none. */
  function visiblePaths(actor: Actor): string[] {
    deps.authorizer.authorize(actor, 'view', { kind: 'savings' });
    return visibleSavingsPaths(actor);
  }

  return {
    settings: async (actor: Actor) => {
      visiblePaths(actor);
      return settings();
    },

    async updateSettings(actor: Actor, body: z.infer<typeof savingsSettingsWriteSchema>): Promise<SavingsSettings> {
      deps.authorizer.authorize(actor, 'configure', { kind: 'savings' });
      const at = deps.clock.now().toISOString();
      const value = JSON.stringify({ costPerPage: body.costPerPage, costPerCopy: body.costPerCopy });
      await deps.transact(async ({ trx, audit }) => {
        const current = await repo.findSetting(trx, SETTINGS_KEY);
        if (!current) {
          if (body.version !== 1) throw staleVersion('Đơn giá');
          await repo.insertSetting(trx, {
            key: SETTINGS_KEY,
            value,
            version: 2,
            updated_by: actor.userId,
            updated_at: at,
          });
        } else {
          const done = await updateVersioned(
            trx,
            'settings',
            SETTINGS_KEY,
            body.version,
            { value, updated_by: actor.userId, updated_at: at },
            { by: 'key' },
          );
          if (!done) throw staleVersion('Đơn giá');
        }
        await audit(auditActorOf(actor), {
          action: 'savings.settings',
          entityType: 'settings',
          entityId: SETTINGS_KEY,
          summary: `Đơn giá: ${body.costPerPage} đ/trang, ${body.costPerCopy} đ/bản chuyển tay`,
        });
      });
      return settings();
    },

    async report(actor: Actor, query: z.infer<typeof savingsQuerySchema>): Promise<SavingsReport> {
      const paths = visiblePaths(actor);
      const today = dayInVietnam(deps.clock.now());
      const year = query.year ?? Number(today.slice(0, 4));
      const costs = await settings();
      const {
        months,
        kinds,
        organizations: orgs,
        first,
      } = await repo.savingsFigures(db, {
        year,
        paths,
        organizationId: query.organizationId,
      });
      const money = (r: { pages: number; copies: number }) =>
        Number(r.pages) * costs.costPerPage + Number(r.copies) * costs.costPerCopy;
      const figures = <T extends { pages: number; copies: number }>(r: T) => ({
        ...r,
        pages: Number(r.pages),
        copies: Number(r.copies),
        money: money(r),
      });
      const byMonth = months.map((m) => figures({ month: m.month, pages: m.pages, copies: m.copies }));
      const totals = byMonth.reduce(
        (t, m) => ({ pages: t.pages + m.pages, copies: t.copies + m.copies, money: t.money + m.money }),
        {
          pages: 0,
          copies: 0,
          money: 0,
        },
      );
      // A whole year at the pace kept since the first electronic delivery counted (an office that
      // started in November is not judged by January), over at least 30 days so a first day
      // does not promise a fortune.
      const DAY = 86_400_000;
      const yearEnd = Date.parse(`${year + 1}-01-01T00:00:00Z`);
      const until = Math.min(yearEnd, Date.parse(`${today}T00:00:00Z`) + DAY);
      const since = first ? Date.parse(`${dayInVietnam(new Date(String(first)))}T00:00:00Z`) : until;
      const days = Math.max(30, Math.round((until - since) / DAY));
      const projectedYear = totals.money > 0 ? Math.round((totals.money * 365) / days) : 0;
      return {
        year,
        settings: costs,
        totals,
        projectedYear,
        target: SAVINGS_TARGET_PER_YEAR,
        byMonth,
        byKind: kinds.map((k) => figures({ kind: k.kind as SavingKind, pages: k.pages, copies: k.copies })),
        byOrganization: orgs
          .map((o) =>
            figures({
              organizationId: o.organizationId,
              organizationName: o.organizationName,
              pages: o.pages,
              copies: o.copies,
            }),
          )
          .sort((a, b) => b.money - a.money),
      };
    },
  };
}
export type SavingsService = ReturnType<typeof createSavingsService>;
