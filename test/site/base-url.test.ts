import { describe, expect, it } from 'vitest';
import { basePath, siteLocation, withBase } from '../../src/pages/url.js';

describe('the base path every URL the site writes goes through', () => {
  it('is the path of site.url without its trailing slash, empty at a host\'s root', () => {
    expect(basePath('https://example.github.io/handbook/')).toBe('/handbook');
    expect(basePath('https://example.github.io/handbook')).toBe('/handbook');
    expect(basePath('https://handbook.example.com')).toBe('');
    expect(basePath('https://handbook.example.com/')).toBe('');
    expect(basePath(undefined)).toBe('');
  });

  it('goes before site paths only', () => {
    expect(withBase('/handbook', '/company/')).toBe('/handbook/company/');
    expect(withBase('/handbook', '/')).toBe('/handbook/');
    expect(withBase('/handbook', '/kpis/#app')).toBe('/handbook/kpis/#app');
    for (const url of ['https://x.example/', '//cdn.example/x.js', 'mailto:a@x.example', '#top', '?q=1', 'relative/']) expect(withBase('/handbook', url)).toBe(url);
    expect(withBase('', '/company/')).toBe('/company/');
  });

  it('comes from --base-url over site.url: a URL replaces it, a path keeps its host', () => {
    expect(siteLocation('https://handbook.example.com', undefined)).toEqual({ url: 'https://handbook.example.com', base: '' });
    expect(siteLocation('https://handbook.example.com', 'https://example.gitlab.io/handbook/mr-12/')).toEqual({ url: 'https://example.gitlab.io/handbook/mr-12/', base: '/handbook/mr-12' });
    expect(siteLocation('https://handbook.example.com/docs/', '/preview/mr-12/')).toEqual({ url: 'https://handbook.example.com/preview/mr-12/', base: '/preview/mr-12' });
    expect(siteLocation(undefined, '/preview')).toEqual({ base: '/preview' });
    expect(siteLocation(undefined, undefined)).toEqual({ base: '' });
  });
});
