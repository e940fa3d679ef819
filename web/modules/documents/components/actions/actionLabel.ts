import type { DocumentAction, DocumentView } from '../../../../../common/schemas/documents';
import { tdoc } from '../../documents.i18n';

/** A step of the document that opens a dialog (editing and replying open the drafting form). */
export type ActionDialogKind = Exclude<DocumentAction, 'edit' | 'reply'>;

export function actionLabel(action: ActionDialogKind, doc: DocumentView): string {
  if (action === 'submit' && doc.direction === 'outgoing') return tdoc.actions.submitOutgoing;
  return tdoc.actions[action];
}
