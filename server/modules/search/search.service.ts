import type { PersonListQuery, PersonView } from '../../../common/schemas/directory';
import type { DocumentListQuery, DocumentSummary } from '../../../common/schemas/documents';
import type { CaseListQuery, CaseSummary } from '../../../common/schemas/inspection';
import type { MailListItem } from '../../../common/schemas/mail';
import type { MeetingListQuery, MeetingSummary } from '../../../common/schemas/meetings';
import type { SearchGroup, SearchHit, SearchKind, SearchQuery, SearchResponse } from '../../../common/schemas/search';
import { DomainError } from '../../platform/http/errors';
import type { Actor } from '../../platform/security/actor';

/**
 * What the search asks of each module: the list each module already serves its own page
 * with, called with the reader, so each module's policy decides what they see.
 */
export interface SearchSources {
  documents(actor: Actor, query: DocumentListQuery): Promise<{ items: DocumentSummary[]; total: number }>;
  mailboxes(actor: Actor): Promise<{ items: { id: string; name: string }[] }>;
  mail(
    actor: Actor,
    mailboxId: string,
    query: { folder: string; q: string; page: number; pageSize: number },
  ): Promise<{ items: MailListItem[]; total: number }>;
  meetings(actor: Actor, query: MeetingListQuery): Promise<{ items: MeetingSummary[]; total: number }>;
  people(actor: Actor, query: PersonListQuery): Promise<{ items: PersonView[]; total: number }>;
  cases(actor: Actor, query: CaseListQuery): Promise<{ items: CaseSummary[]; total: number }>;
}

/** Mail is searched in this many of the reader's mailboxes (their own first), inbox and sent. */
const MAILBOXES_SEARCHED = 6;
const MAIL_FOLDERS = ['inbox', 'sent'] as const;

const when = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const day = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const enc = encodeURIComponent;
const line = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join(' · ');

/** A kind the reader may not use at all is left out, not an error: the other kinds still answer. */
async function unlessForbidden(work: () => Promise<SearchGroup>): Promise<SearchGroup | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && (error.kind === 'forbidden' || error.kind === 'not_found')) return null;
    throw error;
  }
}

export function createSearchService(sources: SearchSources) {
  async function documents(actor: Actor, q: string, limit: number): Promise<SearchGroup> {
    const ask = (direction: 'incoming' | 'outgoing') =>
      sources.documents(actor, { direction, q, sort: 'newest', page: 1, pageSize: limit });
    const [incoming, outgoing] = await Promise.all([ask('incoming'), ask('outgoing')]);
    const items = [...incoming.items, ...outgoing.items]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map(
        (d): SearchHit => ({
          id: d.id,
          title: d.summary,
          detail: line(
            d.direction === 'incoming' ? 'Văn bản đến' : 'Văn bản đi',
            d.numberText ?? d.typeCode,
            d.issuerName,
            d.issueDate ? day(d.issueDate) : null,
          ),
          path: `/documents/${enc(d.id)}`,
        }),
      );
    return { kind: 'documents', total: incoming.total + outgoing.total, items };
  }

  async function mail(actor: Actor, q: string, limit: number): Promise<SearchGroup> {
    const boxes = (await sources.mailboxes(actor)).items.slice(0, MAILBOXES_SEARCHED);
    const lists = await Promise.all(
      boxes.flatMap((box) =>
        MAIL_FOLDERS.map(async (folder) => {
          const list = await sources.mail(actor, box.id, { folder, q, page: 1, pageSize: Math.max(limit, 5) });
          return { box, list };
        }),
      ),
    );
    const hits = lists.flatMap(({ box, list }) => list.items.map((item) => ({ box, item })));
    const items = hits
      .sort((a, b) => b.item.at.localeCompare(a.item.at))
      .slice(0, limit)
      .map(
        ({ box, item }): SearchHit => ({
          id: item.id,
          title: item.subject || '(Không có tiêu đề)',
          detail: line(item.from.name ?? item.from.address, box.name, when.format(new Date(item.at))),
          path: `/mailbox/${enc(box.id)}/${enc(item.id)}`,
        }),
      );
    return { kind: 'mail', total: lists.reduce((sum, { list }) => sum + list.total, 0), items };
  }

  async function meetings(actor: Actor, q: string, limit: number): Promise<SearchGroup> {
    const list = await sources.meetings(actor, { scope: 'all', q, page: 1, pageSize: limit });
    return {
      kind: 'meetings',
      total: list.total,
      items: list.items.map((m) => ({
        id: m.id,
        title: m.title,
        detail: line(when.format(new Date(m.startsAt)), m.place),
        path: `/meetings/${enc(m.id)}`,
      })),
    };
  }

  async function people(actor: Actor, q: string, limit: number): Promise<SearchGroup> {
    const list = await sources.people(actor, { q, page: 1, pageSize: limit, includeDescendants: false });
    return {
      kind: 'people',
      total: list.total,
      items: list.items.map((p) => {
        const primary = p.memberships.find((m) => m.isPrimary) ?? p.memberships[0];
        return {
          id: p.id,
          title: p.fullName,
          detail: line(p.position ?? primary?.position, primary?.organizationName),
          path: `/directory/people?q=${enc(p.fullName)}`,
        };
      }),
    };
  }

  async function cases(actor: Actor, q: string, limit: number): Promise<SearchGroup> {
    const list = await sources.cases(actor, { q, page: 1, pageSize: limit });
    return {
      kind: 'cases',
      total: list.total,
      items: list.items.map((c) => ({
        id: c.id,
        title: c.title,
        detail: line(c.unitOrganizationName ?? c.organizationName, day(c.openedOn)),
        path: `/inspection/cases/${enc(c.id)}`,
      })),
    };
  }

  const searches: Record<SearchKind, (actor: Actor, q: string, limit: number) => Promise<SearchGroup>> = {
    documents,
    mail,
    meetings,
    people,
    cases,
  };

  return {
    /** Every kind the reader may search, each with its first matches; kinds without a match are left out. */
    async search(actor: Actor, query: SearchQuery): Promise<SearchResponse> {
      const groups = await Promise.all(
        Object.values(searches).map((run) => unlessForbidden(() => run(actor, query.q, query.limit))),
      );
      return { q: query.q, groups: groups.filter((g): g is SearchGroup => g !== null && g.total > 0) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
