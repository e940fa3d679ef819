import { forbidden } from '../http/errors';
import type { Actor } from './actor';

/**
 * A resource is anything with a kind; each kind has one policy. Modules
 * declare their resources and policies; the composition root registers them.
 */
export interface Resource {
  kind: string;
}

export type Policy<R extends Resource = Resource> = (actor: Actor, action: string, resource: R) => boolean;

export interface Authorizer {
  can(actor: Actor, action: string, resource: Resource): boolean;
  /** Throws `auth.forbidden` unless the policy for the resource's kind allows it. */
  authorize(actor: Actor, action: string, resource: Resource): void;
  /** The subset of `actions` the actor may take, for the UI to show only real buttons. */
  allowedActions<A extends string>(actor: Actor, actions: readonly A[], resource: Resource): A[];
}

export function createAuthorizer(policies: Record<string, Policy>): Authorizer {
  const can = (actor: Actor, action: string, resource: Resource): boolean => {
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
