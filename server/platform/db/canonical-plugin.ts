import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { canonicalText, isCanonicalText } from '../../../common/text/canonical';

/**
 * The backstop for text that reaches the database without passing through
 * HTTP (the SMTP listener, the command line, CSV and XLSX import, parsed mail):
 * every string bound as a parameter is made canonical (well-formed, NFC, NUL
 * dropped) before the query is compiled. HTTP input is canonical already, so
 * the usual cost is one `isCanonicalText` per string parameter and no copy of
 * the query tree; only a query carrying a non-canonical string is rebuilt.
 */
export class CanonicalTextPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return canonicalNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** A bound value, canonical if it is text. */
export function canonicalParameter<T>(value: T): T {
  return typeof value === 'string' && !isCanonicalText(value) ? (canonicalText(value) as T) : value;
}

type NodeLike = { readonly [key: string]: unknown };

/** The same node when nothing in it changes; otherwise a copy along the changed path only. */
function canonicalNode<T extends OperationNode>(node: T): T {
  const n = node as unknown as NodeLike;
  if (n.kind === 'ValueNode') {
    const value = canonicalParameter(n.value);
    return value === n.value ? node : ({ ...n, value } as unknown as T);
  }
  if (n.kind === 'PrimitiveValueListNode') {
    const values = n.values as readonly unknown[];
    const canonical = values.map(canonicalParameter);
    return canonical.every((v, i) => v === values[i]) ? node : ({ ...n, values: canonical } as unknown as T);
  }
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(n)) {
    const child = n[key];
    const next = canonicalChild(child);
    if (next !== child) {
      copy ??= { ...n };
      copy[key] = next;
    }
  }
  return (copy ?? node) as T;
}

function canonicalChild(child: unknown): unknown {
  if (Array.isArray(child)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < child.length; i++) {
      const next = canonicalChild(child[i]);
      if (next !== child[i]) {
        copy ??= [...child];
        copy[i] = next;
      }
    }
    return copy ?? child;
  }
  if (child !== null && typeof child === 'object' && typeof (child as NodeLike).kind === 'string') {
    return canonicalNode(child as OperationNode);
  }
  return child;
}
