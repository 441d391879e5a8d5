import { PeopleRegular } from "@fluentui/react-icons";
import { PlaceholderPage } from "../../app/PlaceholderPage";

export default function ContactsPage() {
  return (
    <PlaceholderPage
      titleKey="shell.nav.contacts"
      emptyTitleKey="shell.contacts.empty.title"
      emptyBodyKey="shell.contacts.empty.body"
      icon={<PeopleRegular />}
    />
  );
}
