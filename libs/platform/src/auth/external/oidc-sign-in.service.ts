import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { SignInSubject } from '../../contracts/identity.js';
import { UnauthorizedError } from '../../errors/domain-errors.js';
import type { EnabledExtensions } from '../../plugin/service-ref.js';
import { isLoopbackUrl, type OidcConfig } from './external-auth-config.schema.js';
import { resolveExternalSubject } from './external-subject.js';
import { institutionOfOidcFlow, OIDC_FLOW_TTL_MS, openOidcFlow, sealOidcFlow } from './oidc-flow-cookie.js';

/** A sign-in the provider has vouched for: the record it matched, in the institution it started in. */
export interface OidcSignInResult {
  readonly institutionId: string;
  readonly subject: SignInSubject;
}

/**
 * Sign-in at the institution's OpenID Connect provider: the authorization code flow with PKCE, state and nonce.
 * The flow's secrets travel in a sealed cookie, so any server process can finish what another started.
 */
export interface OidcSignIn {
  /** The button's text where the institution has a provider configured; null where it has none. */
  optionsFor(institutionId: string): Promise<{ readonly displayName: string } | null>;
  /** The provider's authorization URL to send the browser to, and the flow cookie to set on the way. */
  start(
    institutionId: string,
    redirectUri: string,
  ): Promise<{ readonly authorizationUrl: URL; readonly flowCookie: string }>;
  /**
   * Checks the provider's answer (`callbackUrl`: the redirect URI with the query the browser brought) against the
   * flow cookie, exchanges the code, and resolves the configured claim to an external record that may sign in.
   * Throws `UnauthorizedError` for anything else.
   */
  finish(flowCookie: string, callbackUrl: URL): Promise<OidcSignInResult>;
}

export interface OidcSignInDeps {
  /** The institution's provider settings; undefined where none is configured. */
  configOf(institutionId: string): Promise<OidcConfig | undefined>;
  extensions: EnabledExtensions;
  logger: Logger;
  /** Where `clientSecretEnv` is read from; the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

const DISCOVERY_TTL_MS = 60 * 60_000;

const refused = (why: string) => new UnauthorizedError(`sign-in with the identity provider failed: ${why}`);

export function createOidcSignIn(deps: OidcSignInDeps): OidcSignIn {
  const env = deps.env ?? process.env;
  const log = deps.logger.child({ component: 'oidc-sign-in' });
  /** Discovered provider metadata per institution, for an hour, rediscovered when the settings change. */
  const discovered = new Map<string, { key: string; at: number; configuration: Promise<oidc.Configuration> }>();

  const secretOf = (config: OidcConfig): string => {
    const secret = env[config.clientSecretEnv];
    if (!secret) throw new Error(`the client secret's environment variable ${config.clientSecretEnv} is not set`);
    return secret;
  };

  const configured = async (institutionId: string): Promise<{ config: OidcConfig; secret: string }> => {
    const config = await deps.configOf(institutionId);
    if (!config) throw refused('no identity provider is configured for the institution');
    return { config, secret: secretOf(config) };
  };

  const configurationFor = (institutionId: string, config: OidcConfig, secret: string): Promise<oidc.Configuration> => {
    const key = JSON.stringify([config.issuer, config.clientId, secret]);
    const cached = discovered.get(institutionId);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    const issuer = new URL(config.issuer);
    const configuration = oidc.discovery(issuer, config.clientId, undefined, oidc.ClientSecretBasic(secret), {
      // Plain HTTP only for a provider on this machine (the schema refuses it elsewhere).
      execute: isLoopbackUrl(issuer) ? [oidc.allowInsecureRequests] : [],
    });
    discovered.set(institutionId, { key, at: Date.now(), configuration });
    configuration.catch(() => {
      if (discovered.get(institutionId)?.configuration === configuration) discovered.delete(institutionId);
    });
    return configuration;
  };

  /** The configured claim: from the ID token, else from the UserInfo endpoint. */
  const claimOf = async (
    configuration: oidc.Configuration,
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    claim: string,
  ): Promise<string | null> => {
    const idToken = tokens.claims();
    if (!idToken) return null;
    let value: unknown = idToken[claim];
    if (value === undefined) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      value = userInfo[claim];
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };

  return {
    async optionsFor(institutionId) {
      const config = await deps.configOf(institutionId);
      return config ? { displayName: config.displayName } : null;
    },

    async start(institutionId, redirectUri) {
      const { config, secret } = await configured(institutionId);
      const configuration = await configurationFor(institutionId, config, secret);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: config.scopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const flowCookie = sealOidcFlow(
        { institutionId, codeVerifier, state, nonce, expiresAt: Date.now() + OIDC_FLOW_TTL_MS },
        secret,
      );
      return { authorizationUrl, flowCookie };
    },

    async finish(flowCookie, callbackUrl) {
      const institutionId = institutionOfOidcFlow(flowCookie);
      if (!institutionId) throw refused('the sign-in was not started here, or took too long');
      const { config, secret } = await configured(institutionId);
      const flow = openOidcFlow(flowCookie, secret);
      if (!flow) throw refused('the sign-in was not started here, or took too long');
      const configuration = await configurationFor(institutionId, config, secret);
      let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
      try {
        tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        log.warn({ err: error, institutionId }, "the identity provider's answer was refused");
        throw refused("the identity provider's answer was not valid");
      }
      const value = await claimOf(configuration, tokens, config.claim);
      if (value === null) throw refused(`the identity provider sent no "${config.claim}" claim`);
      const subject = await resolveExternalSubject(deps.extensions, institutionId, config.identifierType, value);
      if (!subject) throw refused('no record with external authentication matches this identity');
      if (!subject.maySignIn) throw refused('this record may not sign in');
      return { institutionId, subject };
    },
  };
}
