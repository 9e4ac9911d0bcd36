/** The compact backlog row the store keeps for every item: the server's own presenter, shared. */
export { toBacklogItem } from '../../presenters/backlog-item.ts';
