import { addDays } from '../../platform/clock';
import { claimReminder } from '../../platform/reminders';
import { openAssignmentsDueBy } from './assignments.repository';
import type { DocumentsCore } from './documents.steps.service';

/**
 * Reminds handlers of documents due tomorrow and of those overdue, once each per due date,
 * in the app and then by e-mail and SMS as each person's settings say.
 */
export function createDocumentReminders(core: DocumentsCore) {
  const { db, deps } = core;
  return {
    async run(): Promise<number> {
      const today = core.today();
      const tomorrow = addDays(today, 1);
      const open = await openAssignmentsDueBy(db, tomorrow);
      let sent = 0;
      for (const a of open) {
        const overdue = (a.due_date as string) < today;
        const key = `${overdue ? 'overdue' : 'due'}:${a.id}:${a.due_date}`;
        if (!overdue && a.due_date !== tomorrow) continue;
        await deps.transact(async ({ trx }) => {
          if (!(await claimReminder(trx, key, core.now()))) return;
          const row = { id: a.document_id, secrecy: a.secrecy, summary: a.summary, number_text: a.number_text };
          const told = { ...core.facts(row), assigneeId: a.user_id as string, dueDate: a.due_date as string };
          await deps.events.emit(trx, overdue ? 'document.overdue' : 'document.due_tomorrow', told);
          sent++;
        });
      }
      return sent;
    },
  };
}
