/**
 * The comments on an item, initiative or PRD: oldest first, Markdown through the one sanitising renderer,
 * edit and delete for their authors (owners and admins: every comment), watching, and the composer for those who may
 * comment. Live: a comment event on the product's stream marks the thread stale (invalidation-rules.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type CommentSubject, type CommentT, commentsApi } from '../../api/comments.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { formatInstant } from '../dates.ts';
import { FormError } from '../form-error.tsx';
import { Markdown } from '../markdown.tsx';
import { CommentComposer, type Person } from './comment-composer.tsx';
import './comments.css';

function CommentEntry(props: { comment: CommentT; people: readonly Person[]; onChanged: () => void }) {
  const { comment } = props;
  const [editing, setEditing] = useState(false);
  const edit = useMutation({
    mutationFn: (body: string) => commentsApi.update(comment.id, body, comment.version),
    onSuccess: () => {
      setEditing(false);
      props.onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => commentsApi.remove(comment.id),
    onSuccess: props.onChanged,
  });
  const author = comment.author?.name ?? 'Unknown';
  return (
    <li className="comment" aria-label={`Comment by ${author}`}>
      <div className="comment-meta">
        <strong>{author}</strong>
        {comment.author && comment.author.id === null && <span className="hint"> (imported)</span>}{' '}
        <time dateTime={comment.createdAt} title={formatInstant(comment.createdAt)}>
          {formatInstant(comment.createdAt)}
        </time>
        {comment.editedAt && (
          <span className="hint" title={`Edited ${formatInstant(comment.editedAt)}`}>
            {' '}
            · edited
          </span>
        )}
        {comment.canEdit && !editing && (
          <span className="comment-actions">
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="link-button"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <CommentComposer
          label="Edit the comment"
          initial={comment.body}
          submitLabel="Save"
          pending={edit.isPending}
          people={props.people}
          onSubmit={(body) => edit.mutate(body)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Markdown source={comment.body} className="comment-body" />
      )}
      <FormError error={edit.error ?? remove.error} />
    </li>
  );
}

export function CommentsPanel({
  subject,
  headingLevel = 3,
}: {
  subject: CommentSubject;
  headingLevel?: 2 | 3;
}) {
  const store = useStore();
  const queryClient = useQueryClient();
  const productId = store.product.id;
  const key = queryKeys.commentThread(productId, subject.entityType, subject.id);
  const thread = useQuery({ queryKey: key, queryFn: ({ signal }) => commentsApi.list(subject, signal) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (body: string) => commentsApi.create(subject, body),
    onSuccess: refresh,
  });
  const watch = useMutation({
    mutationFn: (watching: boolean) => commentsApi.watch(subject, watching),
    onSuccess: refresh,
  });
  const people: Person[] = [...store.users.values()].map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
  }));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `comments-${subject.entityType}-${subject.id}`;
  const data = thread.data;
  return (
    <section className="comments-panel item-section" aria-labelledby={headingId}>
      <div className="comments-heading">
        <Heading id={headingId}>Comments{data ? ` (${data.total})` : ''}</Heading>
        {data && (
          <button
            type="button"
            className="link-button"
            aria-pressed={data.watching}
            disabled={watch.isPending}
            onClick={() => watch.mutate(!data.watching)}
            title="Watchers are notified of new comments"
          >
            {data.watching ? 'Watching' : 'Watch'}
          </button>
        )}
      </div>
      <FormError error={thread.error ?? watch.error} />
      {data && data.comments.length === 0 && <p className="hint">No comments yet.</p>}
      {data && data.comments.length > 0 && (
        <ol className="comments" aria-labelledby={headingId}>
          {data.comments.map((comment) => (
            <CommentEntry key={comment.id} comment={comment} people={people} onChanged={refresh} />
          ))}
        </ol>
      )}
      {data?.canComment && (
        <>
          <CommentComposer
            label="Write a comment"
            submitLabel="Comment"
            pending={create.isPending}
            people={people}
            onSubmit={(body) => create.mutate(body)}
          />
          <FormError error={create.error} />
        </>
      )}
    </section>
  );
}
