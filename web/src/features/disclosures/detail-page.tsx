import { Alert, Group, Stack } from "@mantine/core";
import { ButtonLink } from "../../components/router-links.tsx";
import { BoycottDetail } from "./boycott-detail.tsx";
import { ConflictDetail } from "./conflict-detail.tsx";
import { GiftDetail } from "./gift-detail.tsx";
import { GuidanceDetail } from "./guidance-detail.tsx";
import { HoldDetail } from "./hold-detail.tsx";
import { InquiryDetail } from "./inquiry-detail.tsx";

const SECTIONS: Record<string, (p: { id: string }) => React.ReactNode> = {
  conflicts: ConflictDetail,
  gifts: GiftDetail,
  holds: HoldDetail,
  guidance: GuidanceDetail,
  inquiries: InquiryDetail,
  boycotts: BoycottDetail,
};

export function DisclosureDetailPage({ section, id }: { section: string; id: string }) {
  const Detail = SECTIONS[section];
  return (
    <Stack maw={960}>
      <Group>
        <ButtonLink to="/disclosures" variant="subtle" size="compact-sm">
          ← Disclosures
        </ButtonLink>
      </Group>
      {Detail ? (
        <Detail id={id} />
      ) : (
        <Alert color="red" title="Not found">
          There is no such page.
        </Alert>
      )}
    </Stack>
  );
}
