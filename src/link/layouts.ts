import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Page } from '../pages/page.js';

/** Every page's `layout` names one of the layouts available to the build. */
export function checkLayouts(pages: readonly Page[], layouts: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const layout = page.data.layout;
    if (layout === undefined || layouts.includes(layout)) continue;
    diagnostics.push(diagnostic('page/invalid-layout', { file: page.file, ...page.locate(['layout']), path: 'layout' }, { layout, layouts, guess: didYouMean(layout, layouts) }));
  }
  return diagnostics;
}
