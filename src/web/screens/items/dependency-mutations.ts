/**
 * Linking, unlinking and marking dependencies of the open item through the query cache: the panel's list
 * changes at once, goes back as it was if the server refuses, and every held dependency list (the other
 * item's too) is read again once settled.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { dependenciesApi } from '../../api/dependencies.ts';
import type { DependencyT, ExternalDependencyT, ItemDependenciesT } from '../../api/types.ts';
import { queryKeys } from '../../state/query-keys.ts';

export type Relation = 'blockedBy' | 'blocks';

type Change = (held: ItemDependenciesT) => ItemDependenciesT;

/** Applies `change` to the item's held dependencies and returns what was held, to put back on refusal. */
async function optimistic(client: QueryClient, key: readonly unknown[], change: Change) {
  await client.cancelQueries({ queryKey: key });
  const before = client.getQueryData<ItemDependenciesT>(key);
  if (before) client.setQueryData<ItemDependenciesT>(key, change(before));
  return { before };
}

export function useDependencyMutations(productId: string, itemId: string) {
  const client = useQueryClient();
  const key = queryKeys.itemDependencies(productId, itemId);
  const change = (apply: Change) =>
    client.setQueryData<ItemDependenciesT>(key, (held) => held && apply(held));
  const rollback = (
    _error: unknown,
    _input: unknown,
    context: { before?: ItemDependenciesT } | undefined,
  ) => {
    if (context?.before) client.setQueryData(key, context.before);
  };
  const settled = () =>
    client.invalidateQueries({ queryKey: [...queryKeys.product(productId), 'item-dependencies'] });

  const link = useMutation({
    mutationFn: (input: { relation: Relation; other: string; kind: 'technical' | 'business' }) =>
      dependenciesApi.add(itemId, { [input.relation]: input.other, kind: input.kind }),
    onSuccess: (created, { relation }) =>
      change((held) => ({ ...held, [relation]: [...held[relation], created] })),
    onSettled: settled,
  });

  const unlink = useMutation({
    mutationFn: (input: { dependency: DependencyT; list: Relation }) =>
      dependenciesApi.remove(input.dependency.id),
    onMutate: ({ dependency, list }) =>
      optimistic(client, key, (held) => ({
        ...held,
        [list]: held[list].filter((d) => d.id !== dependency.id),
      })),
    onError: rollback,
    onSettled: settled,
  });

  const addExternal = useMutation({
    mutationFn: (input: { title: string; owner: string; expectedDate: string | null }) =>
      dependenciesApi.addExternal(itemId, input),
    onSuccess: (created) => change((held) => ({ ...held, external: [...held.external, created] })),
    onSettled: settled,
  });

  const replaceExternal =
    (next: ExternalDependencyT): Change =>
    (held) => ({
      ...held,
      external: held.external.map((e) => (e.id === next.id ? next : e)),
    });

  const setMet = useMutation({
    mutationFn: (input: { external: ExternalDependencyT; met: boolean }) =>
      dependenciesApi.updateExternal(input.external.id, { met: input.met }),
    onMutate: ({ external, met }) => optimistic(client, key, replaceExternal({ ...external, met })),
    onError: rollback,
    onSuccess: (saved) => change(replaceExternal(saved)),
    onSettled: settled,
  });

  const removeExternal = useMutation({
    mutationFn: (external: ExternalDependencyT) => dependenciesApi.removeExternal(external.id),
    onMutate: (external) =>
      optimistic(client, key, (held) => ({
        ...held,
        external: held.external.filter((e) => e.id !== external.id),
      })),
    onError: rollback,
    onSettled: settled,
  });

  return { link, unlink, addExternal, setMet, removeExternal };
}
