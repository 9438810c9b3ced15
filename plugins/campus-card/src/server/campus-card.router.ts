import { protectedProcedure, tenancyServices } from '@ulms/platform';
import { type CampusCardConfig, campusCardModule, campusCardPermissions } from '../contracts/index.js';

export const campusCardRouter = {
  /** The caller's institution's configuration of this plugin, defaults filled in. */
  settings: protectedProcedure(campusCardModule, campusCardPermissions.settingsRead).query(({ ctx }) =>
    ctx.services.get(tenancyServices.modules).config<CampusCardConfig>(ctx.institution.id, campusCardModule),
  ),
};
