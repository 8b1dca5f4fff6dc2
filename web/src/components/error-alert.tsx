import { Alert, List } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { errorMessage, isApiError } from "../lib/api.ts";

type ErrorAlertProps = { error: unknown; title?: string; showFieldErrors?: boolean };

export const ErrorAlert = ({ error, title, showFieldErrors = false }: ErrorAlertProps) => {
  if (!error) return null;
  const problem = isApiError(error) ? error.problem : null;
  const heading =
    title ??
    (problem?.status === 403
      ? "Not allowed"
      : problem?.status === 404
        ? "Not found"
        : "Something went wrong");
  return (
    <Alert color="red" variant="light" title={heading} icon={<IconAlertTriangle size={18} />} role="alert">
      {errorMessage(error)}
      {showFieldErrors && problem?.errors?.length ? (
        <List size="sm" mt="xs">
          {problem.errors.map((item) => (
            <List.Item key={`${item.path}-${item.message}`}>
              {item.path ? `${item.path}: ` : ""}
              {item.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
};
