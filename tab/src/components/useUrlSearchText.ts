import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useDebounced } from "./useDebounced";

/**
 * A search box whose query lives in the URL: the box shows each keystroke, the URL gets the text once
 * typing pauses for `delay` ms. `withText` rewrites the URL as it is then, so a sort or filter chosen
 * meanwhile is kept (react-router's setter closes over its render's params: the latest are read through a ref).
 */
export function useUrlSearchText(
  initial: string,
  withText: (params: URLSearchParams, text: string) => URLSearchParams,
  delay: number,
): [text: string, setText: (text: string) => void] {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(initial);
  const settled = useDebounced(text, delay);
  const latest = useRef({ params, setParams, withText });
  useEffect(() => {
    latest.current = { params, setParams, withText };
  }, [params, setParams, withText]);

  // Only a text that settled after typing goes to the URL; the first render's text came from it.
  const applied = useRef(settled);
  useEffect(() => {
    if (settled === applied.current) return;
    applied.current = settled;
    const { params: now, setParams: set, withText: rewrite } = latest.current;
    set(rewrite(now, settled), { replace: true });
  }, [settled]);

  return [text, setText];
}
