/**
 * The objects every fuzz run aims at: two products with items, planning objects, a team, a sprint, a release
 * and a saved view.
 */
import { buildItem, buildProduct, buildUser, type TestApi } from '../support/api.ts';
import type { Pools } from './field-values.ts';

/** Seeds one of each kind of object (more items) and returns their ids, by pool. */
export async function seedFixtures(api: TestApi): Promise<Pools> {
  const pools: Pools = {
    product: [],
    productRef: [],
    item: [],
    itemRef: [],
    objective: [],
    theme: [],
    initiative: [],
    user: [],
    dependency: [],
    external: [],
    token: [],
    team: [],
    sprint: [],
    release: [],
    view: [],
    storyMap: [],
    shareLink: [],
    prd: [],
    comment: [],
    audienceView: ['executive', 'customer', 'team', 'customer.csv'],
    visionVersion: [],
    roadmapBaseline: [],
    roadmapAnnouncement: [],
    webhook: [],
    webhookDelivery: [],
  };
  const product = await buildProduct(api);
  const other = await buildProduct(api);
  pools.product.push(product.id, other.id);
  pools.productRef.push(product.id, product.key, other.id, other.key);
  const objective = await api.call('POST', `/products/${product.id}/objectives`, {
    body: { title: 'Grow' },
  });
  const theme = await api.call('POST', `/products/${product.id}/themes`, { body: { name: 'Checkout' } });
  const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
    body: { title: 'One-click', themeId: theme.body.id, objectiveIds: [objective.body.id] },
  });
  pools.objective.push(objective.body.id);
  pools.theme.push(theme.body.id);
  pools.initiative.push(initiative.body.id);
  for (const [productId, count] of [
    [product.id, 6],
    [other.id, 2],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const item = await buildItem(api, productId, { title: `Fixture ${i}` });
      pools.item.push(item.id);
      pools.itemRef.push(item.id, item.key);
    }
  }
  const dependency = await api.call('POST', `/items/${pools.item[0]}/dependencies`, {
    body: { blocks: pools.item[1] },
  });
  const external = await api.call('POST', `/items/${pools.item[0]}/external-dependencies`, {
    body: { title: 'Legal sign-off' },
  });
  pools.dependency.push(dependency.body.id);
  pools.external.push(external.body.id);
  const { user } = await buildUser(api, 'editor');
  pools.user.push(api.ownerId, user.id);
  // A token of the owner's that may be revoked; the token the requests use is never in the pool.
  const token = await api.call('POST', '/tokens', { body: { name: 'expendable' } });
  pools.token.push(token.body.id);
  const team = await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Squad' } });
  const sprint = await api.call('POST', `/products/${product.id}/sprints`, {
    body: { name: 'Sprint 1', teamId: team.body.id, startDate: '2027-01-04', endDate: '2027-01-15' },
  });
  const release = await api.call('POST', `/products/${product.id}/releases`, { body: { name: '1.0' } });
  pools.team.push(team.body.id);
  pools.sprint.push(sprint.body.id);
  pools.release.push(release.body.id);
  const view = await api.call('POST', `/products/${product.id}/views`, {
    body: { name: 'Bugs', filters: { type: ['bug'] } },
  });
  pools.view.push(view.body.id);
  const storyMap = await api.call('POST', `/products/${product.id}/story-maps`, {
    body: { name: 'Journey' },
  });
  pools.storyMap.push(storyMap.body.id);
  const shareLink = await api.call('POST', `/products/${product.id}/share-links`, {
    body: { view: 'customer' },
  });
  pools.shareLink.push(shareLink.body.id);
  const prd = await api.call('POST', `/initiatives/${initiative.body.id}/prds`, {
    body: { title: 'Why one-click', requirements: [{ text: 'Pay in one click', itemIds: [pools.item[0]] }] },
  });
  pools.prd.push(prd.body.id);
  const comment = await api.call('POST', `/items/${pools.item[0]}/comments`, { body: { body: 'A remark' } });
  pools.comment.push(comment.body.id);
  await api.call('PUT', `/products/${product.id}/vision`, { body: { statement: 'Where we go' } });
  const version = await api.call('POST', `/products/${product.id}/vision/publish`);
  pools.visionVersion.push(String(version.body.number));
  const baseline = await api.call('POST', `/products/${product.id}/roadmap-baselines`, {
    body: { name: 'Q3 plan' },
  });
  pools.roadmapBaseline.push(baseline.body.id);
  await api.call('PATCH', `/initiatives/${initiative.body.id}`, {
    body: { horizon: 'next', announcement: 'One-click waits for the provider.' },
  });
  const changelog = await api.call('GET', `/products/${product.id}/roadmap-changelog`);
  pools.roadmapAnnouncement.push(changelog.body.announcements[0].id);
  const webhook = await api.call('POST', `/products/${product.id}/webhooks`, {
    body: { url: 'https://hooks.example.com/cairn', eventTypes: ['item.*'] },
  });
  pools.webhook.push(webhook.body.id);
  const ping = await api.call('POST', `/webhooks/${webhook.body.id}/test`);
  pools.webhookDelivery.push(ping.body.id);
  return pools;
}
