import type { ElectionKind } from '@wahl/domain';
import type { OfficeLevel, Role } from '../api/office-api.types';

// German is the language of the office; every key here must also exist in messages.en.ts.
export const de = {
  'app.name': 'Wahlsystem',
  'app.area': 'Wahlamt',
  'app.loading': 'Wird geladen …',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.languageToggle': 'English',
  'app.languageToggleLabel': 'Switch to English',

  'signIn.title': 'Anmeldung',
  'signIn.intro': 'Melden Sie sich mit den Zugangsdaten Ihres Wahlamts an.',
  'signIn.username': 'Benutzername',
  'signIn.password': 'Passwort',
  'signIn.submit': 'Anmelden',
  'signIn.submitting': 'Anmeldung läuft …',
  'signIn.wait': 'Erneut möglich in {time}',
  'signIn.waitHint': 'Nächster Versuch ab {time} Uhr möglich.',
  'signIn.missing': 'Bitte Benutzername und Passwort eingeben.',

  'shell.signedInAs': 'Angemeldet als {user}',
  'shell.signOut': 'Abmelden',
  'shell.mainNav': 'Hauptnavigation',

  'elections.title': 'Wahlen',
  'elections.intro': 'Die Wahlen Ihres Wahlamts.',
  'elections.empty': 'Noch keine Wahlen angelegt.',
  'elections.emptyHint': 'Sobald Ihr Wahlamt eine Wahl anlegt, erscheint sie hier.',
  'elections.day': 'Wahltag',
  'elections.count': '{count} Wahlen',
  'elections.countOne': '1 Wahl',

  'offices.title': 'Wahlämter',
  'offices.intro': 'Alle Wahlämter, die dieses System nutzen.',
  'offices.empty': 'Noch keine Wahlämter angelegt.',
  'offices.emptyHint': 'Legen Sie das erste Wahlamt über die API an.',
  'offices.ags': 'Schlüssel',
  'offices.count': '{count} Wahlämter',
  'offices.countOne': '1 Wahlamt',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Diese Adresse gibt es nicht.',
  'notFound.back': 'Zur Übersicht',

  'error.network': 'Keine Verbindung zum Server. Bitte prüfen Sie die Netzwerkverbindung.',
  'error.generic': 'Ein unerwarteter Fehler ist aufgetreten.',
  'error.401': 'Benutzername oder Passwort ist falsch.',
  'error.403': 'Ihre Rolle darf diese Aktion nicht ausführen.',
  'error.404': 'Nicht gefunden.',
  'error.422': 'Die Eingaben sind unvollständig oder ungültig.',
  'error.429': 'Zu viele fehlgeschlagene Anmeldungen.',
  'error.loadFailed': 'Die Daten konnten nicht geladen werden.',
  'error.retry': 'Erneut versuchen',

  'role.provider-admin': 'Plattform-Administration',
  'role.office-admin': 'Wahlamt-Administration',
  'role.clerk': 'Sachbearbeitung',
  'role.board-member': 'Wahlvorstand',

  'level.municipality': 'Gemeinde',
  'level.county': 'Kreis',
  'level.constituency': 'Wahlkreis',
  'level.land': 'Land',

  'kind.bundestag': 'Bundestagswahl',
  'kind.europawahl': 'Europawahl',
  'kind.landtag-bw': 'Landtagswahl',
  'kind.gemeinderat-bw': 'Gemeinderatswahl',
  'kind.kreistag-bw': 'Kreistagswahl',
  'kind.buergermeister-bw': 'Bürgermeisterwahl',

  'time.minutes': '{count} Minuten',
  'time.minute': '1 Minute',
  'time.seconds': '{count} Sekunden',
  'time.second': '1 Sekunde',
} as const satisfies Record<`role.${Role}` | `level.${OfficeLevel}` | `kind.${ElectionKind}`, string> & Record<string, string>;

export type MessageKey = keyof typeof de;
export type Messages = Readonly<Record<MessageKey, string>>;
