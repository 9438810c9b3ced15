const storageKey = 'ulms.admin.institution';

/** The institution code last signed in with on this browser, to prefill the sign-in form. */
export function rememberedInstitution(): string {
  try {
    return window.localStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

export function rememberInstitution(code: string): void {
  try {
    window.localStorage.setItem(storageKey, code);
  } catch {
    // Storage can be disabled; the form then simply starts empty.
  }
}
