/**
 * The product's forecast: when each open initiative and planned release is done, from the items
 * completed in the history window (the day each item that is done now last became done: completions.ts).
 */
import { addDays } from '../../domain/calendar.ts';
import type { ForecastUnit } from '../../domain/forecast.ts';
import { DEFAULT_HISTORY_DAYS } from '../../domain/forecast-history.ts';
import type { PlanningModel } from '../../domain/planning-model.ts';
import { type ProductForecast, productForecast } from '../../domain/product-forecast.ts';
import type { Db } from '../../store/database.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { completedSince } from './completions.ts';
import { loadPlanningModel } from './load-planning-model.ts';
import { cachedReport } from './report-cache.ts';

/** The forecast of a model already loaded (also what a strategic review records). */
export async function forecastOf(
  db: Db,
  model: PlanningModel,
  options: { today: string; unit: ForecastUnit; trials: number },
): Promise<ProductForecast> {
  const completed = await completedSince(db, model, addDays(options.today, -(DEFAULT_HISTORY_DAYS + 1)));
  return productForecast(model, completed, options);
}

type ForecastReport = ProductForecast & {
  asOf: number;
  today: string;
  streams: (ProductForecast['streams'][number] & { name: string })[];
};

export async function getForecast(
  ctx: ServiceContext & { productId: string; unit: ForecastUnit; trials: number },
): Promise<ForecastReport> {
  const day = timestamp(ctx).slice(0, 10);
  const params = { unit: ctx.unit, trials: ctx.trials };
  return cachedReport(ctx.db, ctx.actor, ctx.productId, { name: 'forecast', params, day }, () =>
    forecastNow(ctx),
  );
}

async function forecastNow(
  ctx: ServiceContext & { productId: string; unit: ForecastUnit; trials: number },
): Promise<ForecastReport> {
  const model = await loadPlanningModel(ctx.db, ctx.actor, ctx.productId);
  const today = timestamp(ctx).slice(0, 10);
  const result = await forecastOf(ctx.db, model, { today, unit: ctx.unit, trials: ctx.trials });
  const teams = new Map(model.teams.map((team) => [team.id, team.name]));
  return {
    asOf: model.asOf,
    today,
    ...result,
    streams: result.streams.map((stream) => ({
      ...stream,
      name: teams.get(stream.streamId) ?? 'The whole product',
    })),
  };
}
