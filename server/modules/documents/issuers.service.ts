import type { IssuerSuggestion } from '../../../common/schemas/documents';
import { foldVietnamese } from '../../../common/text/fold';
import type { Actor } from '../../platform/security/actor';
import type { DocumentsCore } from './documents.steps.service';
import { issuerNames } from './issuers.repository';

/** How many names of each source are read to pick from: a province's directory and a clerk's years of registers. */
const READ_LIMIT = 3000;
const ANSWER_LIMIT = 20;

/**
 * The issuing bodies a clerk may mean when registering: the directory's organizations, the
 * outside organizations the office has sent to, and every issuer registered before, so the
 * list learns as documents come in. Matched word by word, without diacritics.
 */
export function createIssuers(core: DocumentsCore) {
  const { db } = core;
  return {
    async suggest(actor: Actor, q: string): Promise<{ items: IssuerSuggestion[] }> {
      const paths = actor.grants.filter((g) => g.role === 'clerk').map((g) => g.organizationPath);
      if (paths.length === 0) return { items: [] };
      const { directory, outside, seen } = await issuerNames(db, paths, READ_LIMIT);
      const words = foldVietnamese(q).split(' ').filter(Boolean);
      const byName = new Map<string, IssuerSuggestion & { rank: number }>();
      const add = (name: string, source: IssuerSuggestion['source'], organizationId: string | null) => {
        const folded = foldVietnamese(name);
        if (!folded || byName.has(folded)) return;
        const tokens = folded.split(' ');
        // Every typed word begins a word of the name; a name beginning with the first ranks first.
        if (!words.every((w) => tokens.some((t) => t.startsWith(w)))) return;
        const rank = words.length === 0 ? 1 : folded.startsWith(words.join(' ')) ? 0 : 1;
        byName.set(folded, { name, source, organizationId, rank });
      };
      for (const o of directory) add(o.name, 'directory', o.id);
      for (const r of outside) add(r.name, 'outside', null);
      for (const s of seen) add(s.issuer_name, 'seen', null);
      const items = [...byName.values()]
        .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'))
        .slice(0, ANSWER_LIMIT)
        .map(({ rank: _rank, ...item }) => item);
      return { items };
    },
  };
}
