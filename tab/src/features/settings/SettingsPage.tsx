import { SettingsRegular } from "@fluentui/react-icons";
import { PlaceholderPage } from "../../app/PlaceholderPage";

export default function SettingsPage() {
  return (
    <PlaceholderPage
      titleKey="shell.nav.settings"
      emptyTitleKey="shell.settings.empty.title"
      emptyBodyKey="shell.settings.empty.body"
      icon={<SettingsRegular />}
    />
  );
}
