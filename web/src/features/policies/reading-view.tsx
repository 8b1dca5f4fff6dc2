import {
  Anchor,
  Badge,
  Box,
  Grid,
  Group,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useEffect } from "react";
import { useOp } from "../../api/client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate } from "../../lib/format.ts";
import { keyed } from "../certifications/cert-api.ts";
import { statusColor } from "./policies-page.tsx";

/** The clean reading view: a table of contents beside the numbered sections and their links. */
export function ReadingView({ versionId, showTitle = true }: { versionId: string; showTitle?: boolean }) {
  const reading = useOp("policy.version.read", { path: { id: versionId } }, { enabled: Boolean(versionId) });
  useEffect(() => {
    if (!reading.data || !window.location.hash) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [reading.data]);
  if (reading.error) return <ErrorAlert error={reading.error} />;
  if (!reading.data) return <TableSkeleton rows={6} />;
  const { policy, version, toc, sections } = reading.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Paper withBorder p="xs" pos="sticky" top={70}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="xs" mb={4}>
            Contents
          </Text>
          <ScrollArea.Autosize mah="70vh">
            <nav aria-label="Table of contents">
              {toc.map((t) => (
                <NavLink
                  key={t.anchor}
                  href={`#${t.anchor}`}
                  label={`${t.number === "0" ? "" : `${t.number}. `}${t.title}`}
                  py={4}
                />
              ))}
            </nav>
          </ScrollArea.Autosize>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="lg" maw={780}>
          {showTitle ? (
            <div>
              <Title order={1} size="h2">
                {policy.title}
              </Title>
              <Group gap="xs" mt={4}>
                <Badge color={statusColor[version.status]} variant="light">
                  Version {version.number} · {version.status}
                </Badge>
                <Text size="sm" c="dimmed">
                  {version.approvedBy
                    ? `Approved by ${version.approvedBy} on ${formatDate(version.approvedAt)}`
                    : "Not approved yet"}
                  {version.publishedAt ? ` · published ${formatDate(version.publishedAt)}` : ""}
                </Text>
              </Group>
            </div>
          ) : null}
          {sections.map((s) => (
            <Box component="section" key={s.anchor} id={s.anchor} style={{ scrollMarginTop: 70 }}>
              <Title order={2} size="h4" mb={6}>
                {s.number === "0" ? "" : `${s.number}. `}
                {s.title}
              </Title>
              {keyed(s.anchor, s.body.split("\n\n")).map((para) => (
                <Text key={para.key} mb="xs" style={{ lineHeight: 1.6 }}>
                  {para.text}
                </Text>
              ))}
              {s.links.length ? (
                <Group gap="xs">
                  {s.links.map((l) => (
                    <Text key={`${l.policyKey}-${l.number}-${l.kind}`} size="sm" c="dimmed">
                      {l.kind === "overrides" ? "Governs over (SOC-2): " : "See: "}
                      {l.versionId ? (
                        l.policyKey === policy.key ? (
                          <Anchor href={`#${l.anchor}`}>§ {l.number}</Anchor>
                        ) : (
                          <AnchorLink
                            to="/policies/versions/$versionId"
                            params={{ versionId: l.versionId }}
                            hash={l.anchor}
                          >
                            {l.policyTitle} § {l.number}
                          </AnchorLink>
                        )
                      ) : (
                        `${l.policyTitle} § ${l.number}`
                      )}
                    </Text>
                  ))}
                </Group>
              ) : null}
            </Box>
          ))}
          <Text size="xs" c="dimmed">
            SHA-256 of this version's text: <code>{reading.data.currentHash}</code>
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
