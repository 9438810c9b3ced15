import { protectedProcedure } from '@ulms/platform';
import { campusCardInput, campusCardModule, campusCardPermissions } from '../contracts/index.js';
import { campusCardServices } from './campus-card-services.js';

export const campusCardRouter = {
  /** A user's campus card in the caller's institution. */
  card: protectedProcedure(campusCardModule, campusCardPermissions.cardRead)
    .input(campusCardInput)
    .query(({ ctx, input }) => ctx.services.get(campusCardServices.reader).card(ctx.institution.id, input.userId)),
};
