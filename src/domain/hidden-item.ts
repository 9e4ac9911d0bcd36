/**
 * How an item the reader may not see (it is in a product they are not a member of) is named wherever
 * something they can see links to it: a dependency, a sprint blocker, an event, an error message. It goes
 * without its key (which names its product), title or id.
 */
export const HIDDEN_ITEM_LABEL = 'an item in another product';
