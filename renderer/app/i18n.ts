import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, DEFAULT_UI_LANGUAGE, type Messages, type UiLanguage } from '../../shared/i18n/index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/** One i18next instance for the renderer; catalogs are bundled, so initialisation is synchronous. */
export function initI18n(language: UiLanguage) {
  void i18next.use(initReactI18next).init({
    resources: {
      fi: { translation: catalogs.fi },
      sv: { translation: catalogs.sv },
      en: { translation: catalogs.en },
    },
    lng: language,
    fallbackLng: DEFAULT_UI_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export function changeLanguage(language: UiLanguage) {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
