import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { findLoginCandidateByAccountId, insertSession, revokeSession } from '@/db/queries/auth';
import { mastodonOAuthConfig } from '@/lib/mode';
import { refusalFor } from './login-policy';
import { MastodonProvider, type MastodonProfile } from './mastodon-provider';
import { newSessionId, passwordLogin, SESSION_TTL_MS } from './password-login';
import { authSecret } from './secret';
import { sealToken } from './token-crypto';

const LoginSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function header(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** First hop of X-Forwarded-For when it parses as an address; used only to throttle guessing. */
function clientIp(headers: HeaderBag): string | null {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim() ?? header(headers, 'x-real-ip');
  if (!forwarded) return null;
  return /^[0-9a-f:.]+$/i.test(forwarded) && forwarded.length <= 45 ? forwarded : null;
}

async function dbOrFail() {
  try {
    return await getDb();
  } catch (error) {
    console.error('[palisade] sign-in: database unavailable:', (error as Error).message);
    throw new Error('DatabaseUnavailable');
  }
}

export function authOptions(): NextAuthOptions {
  const oauth = mastodonOAuthConfig();
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_TTL_MS / 1000 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'E-mail',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const parsed = LoginSchema.safeParse(credentials);
          if (!parsed.success) throw new Error('InvalidCredentials');
          const db = await dbOrFail();
          const result = await passwordLogin({
            db,
            email: parsed.data.email,
            password: parsed.data.password,
            ip: clientIp(req?.headers as HeaderBag),
            userAgent: header(req?.headers as HeaderBag, 'user-agent'),
          });
          if (!result.ok) throw new Error(result.error);
          return { id: result.sessionId };
        },
      }),
      ...(oauth ? [MastodonProvider(oauth)] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'mastodon') return true;
        const id = (profile as MastodonProfile | undefined)?.id;
        if (!id) return '/login?error=NotLocal';
        const db = await dbOrFail();
        const candidate = await findLoginCandidateByAccountId({ db, accountId: String(id) });
        if (!candidate) return '/login?error=NotLocal';
        const refusal = refusalFor(candidate, 'mastodon');
        return refusal ? `/login?error=${refusal}` : true;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === 'credentials' && user) {
          token.sid = user.id;
        } else if (account?.provider === 'mastodon' && profile && account.access_token) {
          const db = await dbOrFail();
          const candidate = await findLoginCandidateByAccountId({ db, accountId: String((profile as MastodonProfile).id) });
          if (!candidate) throw new Error('NotLocal');
          const sessionId = newSessionId();
          await insertSession({
            db,
            id: sessionId,
            userId: candidate.userId,
            accountId: candidate.accountId,
            provider: 'mastodon',
            accessTokenCiphertext: sealToken(account.access_token, authSecret()),
            userAgent: null,
            ip: null,
            expiresAt: new Date(Date.now() + SESSION_TTL_MS),
          });
          token.sid = sessionId;
        }
        return token;
      },
      // The browser learns nothing beyond "signed in"; pages read the actor on the server.
      async session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession({ db: await getDb(), id: token.sid });
      },
    },
  };
}
