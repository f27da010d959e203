import NextLink from "next/link";
import type { ComponentProps } from "react";

// Issue 15: every page here is dynamic (it reads the session), and next/link prefetches the
// route behind every link that scrolls into view. A list of 50 rows cost the server 50
// background renders nobody asked for, and the click fetches the page again anyway: a new
// user's walk spent four times the server time on prefetches that it spent on the pages it
// opened. So a link here prefetches only when its caller asks for it.
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
