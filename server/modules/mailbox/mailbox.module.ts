import type { PlatformDeps } from '../../platform/deps';
import type { App } from '../../platform/http/http-server';
import type { MailSender } from '../../platform/mail/outgoing';
import { createCompose } from './compose.service';
import { registerMailboxRoutes } from './mailbox.routes';
import { createMailboxAccess } from './mailbox-access.service';
import { createOfficialMail } from './official.service';
import { createMailReading } from './reading.service';
import { createMailRegistration, type IncomingRegistrar } from './registration.service';
import { createMailTransport, type OutsideDelivered } from './transport.service';

/**
 * Mail other modules write in their own transactions. It needs no other module, so the
 * modules the mailboxes depend on (documents) can be given it before the mailboxes exist.
 */
export const createOfficialMailbox = (deps: PlatformDeps) => createOfficialMail(createMailboxAccess(deps));

/** Official mailboxes: mail between the office's mailboxes, and over SMTP to and from the world. */
export function createMailboxModule(
  deps: PlatformDeps,
  documents: IncomingRegistrar,
  mail: MailSender | null,
  outsideDelivered: OutsideDelivered | null = null,
) {
  const core = createMailboxAccess(deps);
  const module = {
    compose: createCompose(core),
    reading: createMailReading(core),
    registration: createMailRegistration(core, documents),
    transport: createMailTransport(core, mail, outsideDelivered),
    /** Mail written by another module's step, in its transaction. */
    official: createOfficialMail(core),
    files: deps.files,
    /** Gives every owner still without one a mailbox (done at start; later ones on first use). */
    ensure: () => core.sync(true),
  };
  return { ...module, register: (app: App) => registerMailboxRoutes(app, module) };
}
export type MailboxModule = Omit<ReturnType<typeof createMailboxModule>, 'register'>;
