/**
 * i18next for the web app: Vietnamese by default, English on request (remembered in localStorage, mirrored in
 * <html lang>). Resources are split per namespace in ./vi/*.json and ./en/*.json; each file is its own chunk,
 * loaded when an area first needs it, so the portal's first page carries only `common`, `kit` and `portal`.
 * The Vietnamese `common` and `kit` ride in the entry chunk: the default language renders without a round trip.
 */
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import viCommon from './vi/common.json';
import viKit from './vi/kit.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const namespaces = ['common', 'kit', 'portal', 'auth', 'office', 'dashboard', 'calendar', 'catalog', 'leader', 'desk', 'citizen', 'verify'] as const;
export type Namespace = (typeof namespaces)[number];

const storageKey = 'motcua.language';
// Every resource file but the two bundled ones is its own lazily loaded chunk.
const files = import.meta.glob<{ default: Record<string, unknown> }>(['./*/*.json', '!./vi/common.json', '!./vi/kit.json']);

const lazyJsonBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = files[`./${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no translations ${language}/${namespace}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** The language to start in: the one the user chose before, else Vietnamese. */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

function reflectLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = isLanguage(language) ? language : 'vi';
}

export const i18n: I18n = i18next.createInstance();
let ready: Promise<I18n> | undefined;

/** Initialises i18n (once) with the namespaces every page needs; areas load theirs through loadNamespaces. */
export function initI18n(language: Language = storedLanguage()): Promise<I18n> {
  ready ??= (async () => {
    i18n.use(lazyJsonBackend).use(initReactI18next);
    i18n.on('languageChanged', reflectLanguage);
    await i18n.init({
      lng: language,
      fallbackLng: false, // every key exists in both languages (i18n.test.ts); nothing to fall back to
      supportedLngs: languages,
      ns: ['common', 'kit'],
      defaultNS: 'common',
      resources: { vi: { common: viCommon, kit: viKit } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
    reflectLanguage(language);
    return i18n;
  })();
  return ready;
}

/** Loads an area's namespaces (in the current language, and later in any language switched to). */
export async function loadNamespaces(...ns: Namespace[]): Promise<void> {
  await initI18n();
  await i18n.loadNamespaces(ns);
}

/**
 * Switches the language: loads every namespace in use for the new language first (so no screen flashes a
 * fallback), then switches, remembers the choice and updates <html lang>.
 */
export async function switchLanguage(language: Language): Promise<void> {
  await i18n.loadLanguages(language);
  await i18n.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the switch still holds for this visit.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}
