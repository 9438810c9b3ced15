import baseConfig, { moduleRules } from '../../eslint.config.mjs';

export default [...baseConfig, ...moduleRules];
