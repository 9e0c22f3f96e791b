/** Typed translation keys: a key that is not in the Vietnamese resources fails the type check. */
import 'i18next';
import type common from './vi/common.json';
import type kit from './vi/kit.json';
import type portal from './vi/portal.json';
import type auth from './vi/auth.json';
import type office from './vi/office.json';
import type dashboard from './vi/dashboard.json';
import type calendar from './vi/calendar.json';
import type catalog from './vi/catalog.json';
import type leader from './vi/leader.json';
import type desk from './vi/desk.json';
import type citizen from './vi/citizen.json';
import type verify from './vi/verify.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      kit: typeof kit;
      portal: typeof portal;
      auth: typeof auth;
      office: typeof office;
      dashboard: typeof dashboard;
      calendar: typeof calendar;
      catalog: typeof catalog;
      leader: typeof leader;
      desk: typeof desk;
      citizen: typeof citizen;
      verify: typeof verify;
    };
  }
}
