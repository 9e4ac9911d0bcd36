/** Themes: the strategic groupings (with a colour) that organise a roadmap; names are unique in a product. */
import { presentTheme, type Theme } from '../../presenters/planning.ts';
import type { CreateThemeInput, UpdateThemeInput } from '../../schemas/product.ts';
import { namedEntityServices } from './named-entity.ts';

const themes = namedEntityServices<'themes', 'name', Theme, CreateThemeInput, UpdateThemeInput>({
  table: 'themes',
  entityType: 'theme',
  field: 'name',
  present: presentTheme,
});

export const createTheme = themes.create;
export const listThemes = themes.list;
export const getTheme = themes.get;
export const updateTheme = themes.update;
export const setThemeTrashed = themes.setTrashed;
