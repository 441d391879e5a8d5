import { BriefcaseRegular } from "@fluentui/react-icons";
import { PlaceholderPage } from "../../app/PlaceholderPage";

export default function PortfolioPage() {
  return (
    <PlaceholderPage
      titleKey="shell.nav.portfolio"
      emptyTitleKey="shell.portfolio.empty.title"
      emptyBodyKey="shell.portfolio.empty.body"
      icon={<BriefcaseRegular />}
    />
  );
}
