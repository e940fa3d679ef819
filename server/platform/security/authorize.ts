import { forbidden } from '../http/errors';
import type { Actor } from './actor';

/**
 * The actions of each resource kind, declared by the module that owns the kind, beside its policy:
 *
 *   declare module '../../platform/security/authorize' {
 *     interface ResourceActions { meeting: MeetingAction }
 *   }
 *
 * so asking for an action the kind does not have (a typo) is a compile error.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module's policy
export interface ResourceActions {}
export type ResourceKind = keyof ResourceActions;
/** The actions of a kind (of every kind in a union of kinds). */
export type ActionOf<K extends ResourceKind> = ResourceActions[K];

/**
 * A resource is anything with a kind; each kind has one policy. Modules
 * declare their resources and policies; the composition root registers them.
 */
export interface Resource {
  kind: ResourceKind;
}

export type Policy<R extends Resource = Resource> = (actor: Actor, action: ActionOf<R['kind']>, resource: R) => boolean;

export interface Authorizer {
  can<R extends Resource>(actor: Actor, action: ActionOf<R['kind']>, resource: R): boolean;
  /** Throws `auth.forbidden` unless the policy for the resource's kind allows it. */
  authorize<R extends Resource>(actor: Actor, action: ActionOf<R['kind']>, resource: R): void;
  /** The subset of `actions` the actor may take, for the UI to show only real buttons. */
  allowedActions<R extends Resource, A extends ActionOf<R['kind']>>(
    actor: Actor,
    actions: readonly A[],
    resource: R,
  ): A[];
}

export function createAuthorizer(policies: Record<string, Policy>): Authorizer {
  const can = (actor: Actor, action: ActionOf<ResourceKind>, resource: Resource): boolean => {
    const policy = policies[resource.kind];
    // Fail closed: a resource without a policy is refused to everyone.
    return policy ? policy(actor, action, resource) : false;
  };
  return {
    can,
    authorize(actor, action, resource) {
      if (!can(actor, action, resource)) throw forbidden();
    },
    allowedActions(actor, actions, resource) {
      return actions.filter((a) => can(actor, a, resource));
    },
  };
}

/** Narrows a generic resource to a module's own resource type inside its policy. */
export function definePolicy<R extends Resource>(kind: R['kind'], policy: Policy<R>): [string, Policy] {
  return [kind, policy as Policy];
}
