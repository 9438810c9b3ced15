import baseConfig, { contractsOnly } from '../../eslint.config.mjs';

export default [...baseConfig, { files: ['**/*.ts', '**/*.tsx'], rules: contractsOnly }];
