import type { Messages } from "./en";

/** German text of the tab. */
export const de: Messages = {
  appName: "PeerCircle",
  startingUp: "PeerCircle wird gestartet …",
  startupFailedTitle: "PeerCircle konnte nicht starten",
  startupFailedOutsideTeams:
    "PeerCircle läuft in Microsoft Teams. Öffnen Sie die App aus einem Teams-Kanal, einer Besprechung oder der App-Leiste. Für die lokale Entwicklung öffnen Sie die lokale Teams-Hostseite unter /local/.",
  startupFailedGeneric:
    "Teams hat nicht rechtzeitig geantwortet. Schließen Sie die Registerkarte und öffnen Sie sie erneut.",

  pageFailedTitle: "Etwas ist schiefgegangen",
  pageFailedBody:
    "Dieser Teil von PeerCircle wurde nicht geladen. Laden Sie die Registerkarte neu, um es erneut zu versuchen.",
  loading: "Wird geladen …",
  loadingCommunity: "Community wird geladen …",
  loadErrorTitle: "Diese Community konnte nicht geladen werden",
  retry: "Erneut versuchen",
  notConnectedTitle: "Diese Registerkarte ist noch mit keiner Community verbunden",
  notConnectedBody:
    "Eine Verantwortliche oder ein Verantwortlicher der Community kann sie verbinden: Öffnen Sie das Menü (…) der Registerkarte, wählen Sie „Einstellungen“ und wählen oder erstellen Sie die Community für diesen Kanal.",
  forbiddenTitle: "Diese Community ist privat",
  forbiddenBody: "Nur Mitglieder können sie sehen. Bitten Sie eine verantwortliche Person, Sie hinzuzufügen.",
  signInErrorBody:
    "Teams konnte Ihre Anmeldung nicht bestätigen. Laden Sie die Registerkarte neu; hilft das nicht, melden Sie sich bei Teams ab und wieder an.",
  networkErrorBody:
    "PeerCircle ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",

  domainLabel: "Fachgebiet",
  topicsHeading: "Themen",
  noTopics: "Noch keine Themen.",
  stewardsHeading: "Verantwortliche",
  noStewards: "Noch keine Verantwortlichen.",
  privacyOpen: "Offene Community",
  privacyPrivate: "Private Community",
  youAreMember: "Sie sind Mitglied",
  youAreSteward: "Sie sind verantwortlich",
  membersLabel: "Mitglieder",
  startedLabel: "Gegründet",

  join: "Community beitreten",
  leave: "Community verlassen",
  joining: "Beitreten …",
  leaving: "Verlassen …",
  joined: (name: string): string => `Sie sind ${name} beigetreten.`,
  left: (name: string): string => `Sie haben ${name} verlassen.`,
  membershipErrorTitle: "Das hat nicht geklappt",

  configTitle: "PeerCircle einrichten",
  configBody:
    "Das Verbinden dieser Registerkarte mit einer Community folgt in Kürze. Bis dahin kann eine verantwortliche Person die Community anlegen; die Registerkarte zeigt sie, sobald sie verbunden ist.",
  personalTitle: "Mein Lernen",
  personalBody:
    "Hier erscheinen Ihre gespeicherten und verfassten Erkenntnisse, Ihre Sitzungen und Rollen sowie Ihre Vorsätze.",
  meetingPanelHeading: "Community dieser Besprechung",
  meetingStageHeading: "Auf der Bühne",
  meetingStagePlaceholder:
    "Aktivitäten, die Sie in dieser Besprechung durchführen, erscheinen hier auf der Bühne.",
  notFoundTitle: "Diese Seite gibt es nicht",
  notFoundBody: "Der Link ist vielleicht veraltet. Öffnen Sie stattdessen die Startseite der Community.",
  openHome: "Startseite der Community öffnen",
};
