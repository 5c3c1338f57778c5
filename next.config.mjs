import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel worktrees/test runs can build side by side without sharing one .next directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships wasm + data files; keeping it external avoids copying ~15 MB into the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs'],
  // Next 16 writes AGENTS.md when it detects a coding agent; this repo documents itself.
  agentRules: false,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx when a role lacks a section's permission.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
