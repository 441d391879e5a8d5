import { BuildingRegular } from "@fluentui/react-icons";
import { PlaceholderPage } from "../../app/PlaceholderPage";

export default function ClientHomePage() {
  return (
    <PlaceholderPage
      titleKey="shell.nav.clientHome"
      emptyTitleKey="shell.clientHome.empty.title"
      emptyBodyKey="shell.clientHome.empty.body"
      icon={<BuildingRegular />}
    />
  );
}
