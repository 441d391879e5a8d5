import { defineMessages } from "../define";

/** The dossier's automatic FEC intake (issue 20): its drop folder, the folder browser, the files found. */
export const fecIntakeMessages = defineMessages({
  "intake.title": { fr: "Dépôt automatique des FEC", en: "Automatic FEC drop" },
  "intake.help": {
    fr: "Choisissez le dossier où votre logiciel de production dépose les FEC de ce dossier client (fichiers d'un canal Teams, bibliothèque SharePoint ou dossier OneDrive partagé). Chaque nouveau FEC y est importé tout seul, avec le même contrôle qu'un import manuel, et les clients sont prévenus.",
    en: "Choose the folder where your production software drops this client's FEC files (a Teams channel's Files, a SharePoint library or a shared OneDrive folder). Each new FEC is imported on its own, checked like a manual import, and clients are told.",
  },
  "intake.none": {
    fr: "Aucun dossier de dépôt : les FEC de ce dossier sont importés à la main ci-dessus.",
    en: "No drop folder: this client's FEC files are imported by hand above.",
  },
  "intake.watching": { fr: "Dossier surveillé : {folder}", en: "Watched folder: {folder}" },
  "intake.watchingSince": {
    fr: "Choisi par {name} le {date}.",
    en: "Chosen by {name} on {date}.",
  },
  "intake.choose": { fr: "Choisir un dossier de dépôt…", en: "Choose a drop folder…" },
  "intake.change": { fr: "Changer de dossier…", en: "Change folder…" },
  "intake.stop": { fr: "Arrêter le dépôt automatique", en: "Stop the automatic drop" },
  "intake.stopped": {
    fr: "Le dépôt automatique est arrêté. Les imports déjà faits restent en place.",
    en: "The automatic drop is stopped. Imports already made stay.",
  },
  "intake.saved": { fr: "Dossier de dépôt enregistré : {folder}.", en: "Drop folder saved: {folder}." },
  "intake.files": { fr: "Derniers fichiers trouvés", en: "Latest files found" },
  "intake.files.empty": {
    fr: "Aucun FEC trouvé pour l'instant : déposez un fichier nommé SirenFECAAAAMMJJ dans le dossier.",
    en: "No FEC found yet: drop a file named SirenFECYYYYMMDD in the folder.",
  },
  "intake.col.file": { fr: "Fichier", en: "File" },
  "intake.col.status": { fr: "Résultat", en: "Outcome" },
  "intake.col.seen": { fr: "Trouvé le", en: "Found on" },
  "intake.status.importing": { fr: "Import en cours", en: "Importing" },
  "intake.status.imported": { fr: "Importé", en: "Imported" },
  "intake.status.rejected": { fr: "Refusé (voir le rapport)", en: "Refused (see the report)" },
  "intake.status.aborted": { fr: "Interrompu, sera repris", en: "Interrupted, will resume" },
  "intake.picker.title": { fr: "Choisir le dossier de dépôt", en: "Choose the drop folder" },
  "intake.picker.current": { fr: "Dossier ouvert : {folder}", en: "Open folder: {folder}" },
  "intake.picker.up": { fr: "Dossier parent", en: "Parent folder" },
  "intake.picker.open": { fr: "Ouvrir {folder}", en: "Open {folder}" },
  "intake.picker.subfolders": { fr: "Sous-dossiers", en: "Subfolders" },
  "intake.picker.empty": { fr: "Ce dossier n'a pas de sous-dossier.", en: "This folder has no subfolder." },
  "intake.picker.select": { fr: "Choisir ce dossier", en: "Choose this folder" },
  "intake.picker.cancel": { fr: "Annuler", en: "Cancel" },
});
