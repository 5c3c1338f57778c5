import type { OAuthConfig } from 'next-auth/providers/oauth';

/** The subset of Mastodon's CredentialAccount that sign-in needs. */
export interface MastodonProfile {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  avatar_static: string;
}

/** Scopes a moderator grants: reading, plus the admin API Palisade acts through on their behalf. */
export const MASTODON_SCOPES = 'read admin:read admin:write';

/** next-auth v4 has no Mastodon provider; this is Mastodon's standard OAuth 2 flow with PKCE. */
export function MastodonProvider(options: { issuer: string; clientId: string; clientSecret: string }): OAuthConfig<MastodonProfile> {
  const issuer = options.issuer.replace(/\/+$/, '');
  return {
    id: 'mastodon',
    name: new URL(issuer).host,
    type: 'oauth',
    authorization: { url: `${issuer}/oauth/authorize`, params: { scope: MASTODON_SCOPES } },
    token: `${issuer}/oauth/token`,
    userinfo: `${issuer}/api/v1/accounts/verify_credentials`,
    checks: ['pkce', 'state'],
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    profile: (profile) => ({ id: profile.id, name: profile.display_name || profile.username, email: null, image: profile.avatar_static }),
  };
}
