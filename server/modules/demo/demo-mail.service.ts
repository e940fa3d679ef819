import type { PlatformDeps } from '../../platform/deps';
import type { Actor } from '../../platform/security/actor';
import type { MailboxModule } from '../mailbox/mailbox.contract';
import { organizationMailboxAddress } from './demo.repository';
import { demoPdf } from './demo-documents.service';

export interface DemoMailPeople {
  clerk: Actor;
  leader: Actor;
  rootId: string;
  standingGroupId: string;
}

/**
 * A letter from the provincial office that arrived over SMTP at the committee's mailbox, with
 * its document attached, waiting for the clerk to register it; and a leader's note to the
 * Standing Committee, so the mailbox is not empty on first sight.
 */
export async function seedDemoMail(deps: PlatformDeps, mailbox: MailboxModule, p: DemoMailPeople) {
  const domain = deps.config.mail.domain;
  await mailbox.reading.mailboxes(p.clerk);
  const root = { address: await organizationMailboxAddress(deps.database.db, p.rootId) };
  const pdf = demoPdf('Cong van 245-CV/VPTU ve viec bao cao tong ket cong tac nam 2026');
  await mailbox.transport.receive({
    messageId: `<245-cv-vptu@tinhuy.hagiang.dang.vn>`,
    from: { name: 'Văn phòng Tỉnh ủy Hà Giang', address: 'vanphong@tinhuy.hagiang.dang.vn' },
    to: [{ name: 'Huyện ủy Đồng Văn', address: root.address }],
    cc: [],
    subject: 'Công văn số 245-CV/VPTU về việc báo cáo tổng kết công tác năm 2026',
    text: 'Kính gửi Văn phòng Huyện ủy Đồng Văn.\n\nVăn phòng Tỉnh ủy gửi kèm Công văn số 245-CV/VPTU. Đề nghị các đồng chí báo cáo trước ngày 20/12/2026.\n\nTrân trọng.',
    html: null,
    date: deps.clock.now(),
    headers: { from: 'Văn phòng Tỉnh ủy Hà Giang <vanphong@tinhuy.hagiang.dang.vn>', to: root.address },
    envelope: { mailFrom: 'vanphong@tinhuy.hagiang.dang.vn', rcptTo: [root.address] },
    attachments: [
      { filename: 'Công văn 245-CV-VPTU.pdf', contentType: 'application/pdf', size: pdf.length, content: pdf },
    ],
  });
  const boxes = await mailbox.reading.mailboxes(p.leader);
  const own = boxes.items.find((b) => b.kind !== 'organization');
  if (!own) return;
  await mailbox.compose.write(p.leader, {
    mailboxId: own.id,
    to: [{ kind: 'group', id: p.standingGroupId }],
    cc: [{ kind: 'address', address: root.address }],
    bcc: [],
    subject: 'Chuẩn bị nội dung Hội nghị Ban Thường vụ tháng 12',
    text: `Đề nghị các đồng chí Ủy viên Ban Thường vụ chuẩn bị ý kiến về dự thảo báo cáo tổng kết năm 2026 trước Hội nghị.\n\nĐịa chỉ hộp thư này: ${own.address} (miền ${domain}).`,
    uploadIds: [],
    draft: false,
  });
}
