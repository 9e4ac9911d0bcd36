/** The product's comment setting on its home: whether viewers may comment (editors, admins and owners change it). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commentsApi } from '../../api/comments.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { FormError } from '../form-error.tsx';

export function CommentSettingsSection({ productId, readOnly }: { productId: string; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: queryKeys.commentSettings(productId),
    queryFn: ({ signal }) => commentsApi.settings(productId, signal),
  });
  const save = useMutation({
    mutationFn: (viewersMayComment: boolean) => commentsApi.updateSettings(productId, viewersMayComment),
    // Every thread's "may I comment" follows the setting.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.comments(productId) }),
  });
  return (
    <section className="home-comments" aria-labelledby="home-comments-heading">
      <h2 id="home-comments-heading">Comments</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.data?.viewersMayComment ?? false}
          disabled={readOnly || !settings.data || save.isPending}
          onChange={(event) => save.mutate(event.target.checked)}
        />{' '}
        Viewers may comment
      </label>
      <FormError error={settings.error ?? save.error} />
    </section>
  );
}
