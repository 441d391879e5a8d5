import { lazy, Suspense } from "react";
import { LoadingRows } from "../../components/LoadingRows";
import type { AccountingViewsProps } from "./AccountingViews";

// Its own chunk: neither the shell nor the fiche société pays for the accounting screens up front.
const AccountingViews = lazy(() => import("./AccountingViews"));

/** The accounting views, loaded when first shown. */
export function LazyAccountingViews(props: AccountingViewsProps) {
  return (
    <Suspense fallback={<LoadingRows rows={6} />}>
      <AccountingViews {...props} />
    </Suspense>
  );
}
