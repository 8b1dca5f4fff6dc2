import { Badge, Card, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { PlainField } from "../../components/field.tsx";
import { formatNumber } from "../../lib/format.ts";
import { type Offering, pct, usd } from "./rx.ts";
import { WithdrawalForm } from "./withdrawal-form.tsx";

// The offering's terms and its investors' backstop percentages (Schedule 1(f)), with Apollo's withdrawal (ECA-26).

const Fact = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <PlainField label={label}>{value}</PlainField>
);

export function Overview({ o }: { o: Offering }) {
  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label="Units offered" value={formatNumber(o.unitsOffered)} />
          <Fact label="Price per unit" value={usd(o.pricePerUnit)} />
          <Fact label="Holdco shares per unit" value={formatNumber(o.sharesPerUnit)} />
          <Fact label="Maximum Rights Offering Amount" value={usd(o.maximumAmount)} />
          <Fact label="Exercise period" value={`${o.exerciseStart} – ${o.exerciseEnd}`} />
          <Fact label="Record date (rights fixed)" value={o.recordDate} />
          <Fact label="Minimum Oaktree/Apollo Equity Threshold (ECA-2(b))" value={pct(o.threshold)} />
          <Fact label="Maximum cutback (ECA-2(b))" value={pct(o.maximumCutback, 0)} />
          <Fact
            label="Structuring and Arrangement Fee (ECA-2(d))"
            value={`${usd(o.structuringFee)} (computed: ${pct(o.structuringFeeRate, 1)} of the maximum amount)`}
          />
          <Fact
            label="Termination Fee (ECA-2(d))"
            value={`${usd(o.terminationFee)} (computed: that fee − ${usd(o.terminationFeeDeduction)})`}
          />
          <Fact
            label="IntermediateCo Preferred Stock (ECA-2(e))"
            value={`${formatNumber(o.preferredShares)} at ${usd(o.preferredPricePerShare)}`}
          />
          <Fact label="Certifying officer" value={o.certifyingOfficer} />
          <Fact
            label="Rights exercised"
            value={`${formatNumber(o.summary.exercised)} of ${formatNumber(o.summary.rights)} (${o.summary.elected} of ${o.summary.holders} holders)`}
          />
        </SimpleGrid>
        {o.unitComposition ? (
          <Text size="sm" c="dimmed" mt="sm">
            {o.unitComposition}
          </Text>
        ) : null}
      </Card>
      {o.rightsBasis.explanation.length ? (
        <Card withBorder data-testid="rights-basis">
          <Text fw={600} mb="xs">
            Why holders get the rights they do (ECA-3(a))
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="xs">
            <Fact
              label="Entered in the register"
              value={`${formatNumber(o.rightsBasis.enteredRights)} rights, ${o.rightsBasis.enteredHolders} holder(s)${o.rightsBasis.enteredPerThousand ? `: ${o.rightsBasis.enteredPerThousand} per $1,000 of claims` : ""}`}
            />
            <Fact
              label="Computed pro rata to Eligible Claims"
              value={`${formatNumber(o.rightsBasis.computedRights)} rights, ${o.rightsBasis.computedHolders} holder(s)${o.rightsBasis.computedPerThousand ? `: ${o.rightsBasis.computedPerThousand} per $1,000 of claims` : ""}`}
            />
          </SimpleGrid>
          <Stack gap={4}>
            {o.rightsBasis.explanation.map((line) => (
              <Text size="sm" key={line.slice(0, 30)}>
                {line}
              </Text>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="xs">
            Entered: the terms above, the backstop percentages and the register's claims. Computed: the fees,
            the rights not given in the register, and everything the allocation produces.
          </Text>
        </Card>
      ) : null}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Investor</Table.Th>
            <Table.Th>Backstop percentage (Schedule 1(f))</Table.Th>
            <Table.Th>In force</Table.Th>
            <Table.Th>Threshold group</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.investors.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                {i.name} {i.id === o.myInvestorId ? <Badge size="xs">you</Badge> : null}
              </Table.Td>
              <Table.Td>{pct(i.backstopPercentage)}</Table.Td>
              <Table.Td>
                {pct(i.effectiveBackstopPercentage)}
                {i.withdrawnAt ? ` (withdrawn on ${i.withdrawnAt}, ECA-26)` : ""}
              </Table.Td>
              <Table.Td>{i.isThresholdGroup ? "yes" : "no"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {o.can.withdraw
        ? o.investors
            .filter((i) => i.code === "apollo" && !i.withdrawnAt)
            .map((i) => <WithdrawalForm key={i.id} o={o} investor={i} />)
        : null}
    </Stack>
  );
}
