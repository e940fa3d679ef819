import { Empty, Input, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { OrganizationTreeNode } from '../../../../common/schemas/directory';
import { foldVietnamese } from '../../../../common/text/fold';
import { td } from '../directory.i18n';

interface Indexed {
  nodes: OrganizationTreeNode[];
  parentOf: Map<string, string | null>;
  folded: Map<string, string>;
}

function index(nodes: OrganizationTreeNode[]): Indexed {
  const parentOf = new Map<string, string | null>();
  const folded = new Map<string, string>();
  for (const n of nodes) {
    parentOf.set(n.id, n.parentId);
    // The same folding the server uses: "dong van" finds "Đồng Văn".
    folded.set(n.id, foldVietnamese(`${n.name} ${n.code} ${n.abbreviation} ${n.nationalId ?? ''}`));
  }
  return { nodes, parentOf, folded };
}

function ancestorsOf(id: string, parentOf: Map<string, string | null>): string[] {
  const out: string[] = [];
  for (let p = parentOf.get(id) ?? null; p; p = parentOf.get(p) ?? null) out.push(p);
  return out;
}

/** Builds antd's nested nodes from the server's depth-first list, keeping only `visible` ones. */
function toTreeData(nodes: OrganizationTreeNode[], visible: Set<string> | null, matches: Set<string>): TreeDataNode[] {
  const byId = new Map<string, TreeDataNode & { children: TreeDataNode[] }>();
  const roots: TreeDataNode[] = [];
  for (const n of nodes) {
    if (visible && !visible.has(n.id)) continue;
    const node = {
      key: n.id,
      title: (
        <span>
          {matches.has(n.id) ? <Typography.Text strong>{n.name}</Typography.Text> : n.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.abbreviation}
            {n.nationalId ? ` · ${n.nationalId}` : ''}
          </Typography.Text>
        </span>
      ),
      children: [],
      isLeaf: n.childCount === 0,
    };
    byId.set(n.id, node);
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The whole organization tree, filtered as you type (without diacritics, đ as d). */
export default function OrganizationTree({
  nodes,
  selectedId,
  onSelect,
  height,
}: {
  nodes: OrganizationTreeNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Set on large screens: the tree then renders only the rows in view. */
  height?: number;
}) {
  const [query, setQuery] = useState('');
  const indexed = useMemo(() => index(nodes), [nodes]);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const folded = foldVietnamese(query);
  const searching = folded !== '';
  const { treeData, searchExpanded, matchCount } = useMemo(() => {
    const words = folded.split(' ').filter(Boolean);
    if (words.length === 0) {
      return { treeData: toTreeData(indexed.nodes, null, new Set()), searchExpanded: null, matchCount: 0 };
    }
    const matches = new Set(
      indexed.nodes.filter((n) => words.every((w) => indexed.folded.get(n.id)?.includes(w))).map((n) => n.id),
    );
    const visible = new Set(matches);
    const open = new Set<string>();
    for (const id of matches) {
      for (const a of ancestorsOf(id, indexed.parentOf)) {
        visible.add(a);
        open.add(a);
      }
    }
    return {
      treeData: toTreeData(indexed.nodes, visible, matches),
      searchExpanded: [...open],
      matchCount: matches.size,
    };
  }, [indexed, folded]);

  // Until someone opens or closes a branch: the top levels open, and the way to the selection.
  const defaultExpanded = useMemo(() => {
    const open = new Set(indexed.nodes.filter((n) => n.parentId === null).map((n) => n.id));
    if (selectedId) for (const a of ancestorsOf(selectedId, indexed.parentOf)) open.add(a);
    return [...open];
  }, [indexed, selectedId]);

  return (
    <div>
      <Input.Search
        placeholder={td.organizations.search}
        aria-label={td.organizations.search}
        title={td.organizations.searchHint}
        allowClear
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      {nodes.length === 0 ? (
        <Empty description={td.organizations.empty} />
      ) : searching && matchCount === 0 ? (
        <Empty description={td.organizations.noMatch} />
      ) : (
        <Tree
          treeData={treeData}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={searchExpanded ?? expanded ?? defaultExpanded}
          onExpand={(keys) => {
            if (!searchExpanded) setExpanded(keys.map(String));
          }}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
          height={height}
          blockNode
        />
      )}
    </div>
  );
}
