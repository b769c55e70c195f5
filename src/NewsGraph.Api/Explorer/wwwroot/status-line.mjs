// The status line both pages (the explorer and the dashboard) keep under their header: one
// sentence saying what the page just did, styled by its level (info, warn, error).
import { ApiError } from './graphql.mjs';

/** Shows `text` on the status line `element`. */
export function showStatus(element, text, level = 'info') {
  element.textContent = text;
  element.dataset.level = level;
}

/** Shows a failed request: the API's own message (spec-shaped errors), else the exception's. */
export function showFailure(element, error, what) {
  const message = error instanceof ApiError ? error.message : `${error.name}: ${error.message}`;
  showStatus(element, `خطأ في ${what}: ${message}`, 'error');
}
