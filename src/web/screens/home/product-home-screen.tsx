/**
 * A product's home: what is overdue first, then the screens the process profile leads with, then the
 * first lines of the vision. Editors also find the process profile and the cadences here.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { visionApi } from '../../api/vision.ts';
import { CommentSettingsSection } from '../../components/comments/comment-settings.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Markdown } from '../../components/markdown.tsx';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { ImportExportSection } from '../imports/import-export-section.tsx';
import { firstLines } from '../vision/vision-text.ts';
import { OverdueList } from './overdue-list.tsx';
import { ProcessSettings } from './process-settings.tsx';
import { SCREEN_LINKS } from './screen-links.ts';
import { FULL_SCREENS, useCadences, useProcess } from './use-process.ts';
import './home.css';

export function ProductHomeScreen() {
  const store = useStore();
  const { id: productId, key, name } = store.product;
  const cadences = useCadences(productId);
  const process = useProcess(productId);
  const versions = useQuery({
    queryKey: queryKeys.visionVersions(productId),
    queryFn: () => visionApi.versions(productId),
  });
  const screens = process.data?.screens ?? FULL_SCREENS;
  const statement = versions.data?.[0]?.statement;

  return (
    <main className="screen product-home">
      <h1>{name}</h1>
      <section aria-labelledby="home-overdue-heading">
        <h2 id="home-overdue-heading">What is overdue</h2>
        {cadences.error ? (
          <FormError error={cadences.error} />
        ) : cadences.data ? (
          <OverdueList cadences={cadences.data} />
        ) : (
          <p aria-busy="true">Checking the cadences…</p>
        )}
      </section>
      <nav className="home-screens" aria-label="Main screens">
        <ul>
          {screens.map((screen) => (
            <li key={screen}>
              <Link to={SCREEN_LINKS[screen].to(key)}>{SCREEN_LINKS[screen].label}</Link>
              <span className="hint"> — {SCREEN_LINKS[screen].about}</span>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="home-vision-heading" className="home-vision">
        <h2 id="home-vision-heading">Vision</h2>
        {statement ? (
          <>
            <Markdown source={firstLines(statement)} />
            <Link to={paths.vision(key)}>Read the whole vision</Link>
          </>
        ) : (
          <p>
            No vision published yet. <Link to={paths.vision(key)}>Open the vision</Link>
          </p>
        )}
      </section>
      <ImportExportSection productId={productId} productKey={key} readOnly={store.readOnly} />
      {!store.readOnly && (
        <p className="home-webhooks">
          <Link to={paths.webhooks(key)}>Webhooks</Link>
          <span className="hint"> — send this product's events to other tools</span>
        </p>
      )}
      {cadences.data && (
        <ProcessSettings productId={productId} cadences={cadences.data} readOnly={store.readOnly} />
      )}
      <CommentSettingsSection productId={productId} readOnly={store.readOnly} />
    </main>
  );
}
