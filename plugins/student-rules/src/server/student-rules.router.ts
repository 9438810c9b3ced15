import { protectedProcedure, tenancyServices } from '@ulms/platform';
import { type StudentRulesConfig, studentRulesModule, studentRulesPermissions } from '../contracts/index.js';

export const studentRulesRouter = {
  /** The caller's institution's configuration of this plugin, defaults filled in. */
  settings: protectedProcedure(studentRulesModule, studentRulesPermissions.settingsRead).query(({ ctx }) =>
    ctx.services.get(tenancyServices.modules).config<StudentRulesConfig>(ctx.institution.id, studentRulesModule),
  ),
};
