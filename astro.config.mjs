// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { checks } from './integrations/checks.ts';

export default defineConfig({
  site: process.env.GONGKAI_SITE ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [checks(), mdx()],
});
