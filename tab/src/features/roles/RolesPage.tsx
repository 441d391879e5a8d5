import { PersonBoardRegular } from "@fluentui/react-icons";
import { PlaceholderPage } from "../../app/PlaceholderPage";

export default function RolesPage() {
  return (
    <PlaceholderPage
      titleKey="shell.nav.roles"
      emptyTitleKey="shell.roles.empty.title"
      emptyBodyKey="shell.roles.empty.body"
      icon={<PersonBoardRegular />}
    />
  );
}
